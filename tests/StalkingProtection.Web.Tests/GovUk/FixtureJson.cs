using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace StalkingProtection.Web.Tests.GovUk;

internal static class FixtureJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        // A param our record does not model must not be silently dropped: it makes the fixture "unsupported".
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JavaScriptStringConverter() },
    };

    public static object Deserialize(JsonNode options, Type type)
    {
        var normalised = RemoveFalsyListItems(options.DeepClone());
        return normalised.Deserialize(type, Options) ?? throw new JsonException("Options deserialised to null.");
    }

    // Templates skip falsy list items (`{% if item %}`) but still count them in loop.index, so they become nulls.
    private static JsonNode RemoveFalsyListItems(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is not null)
                    {
                        obj[key] = RemoveFalsyListItems(value.DeepClone());
                    }
                }

                return obj;
            case JsonArray array:
                var items = array.Select(item => IsFalsy(item) ? null : RemoveFalsyListItems(item!.DeepClone())).ToList();
                return new JsonArray([.. items]);
            default:
                return node;
        }
    }

    private static bool IsFalsy(JsonNode? node) => node switch
    {
        null => true,
        JsonValue value when value.GetValueKind() == JsonValueKind.False => true,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>().Length == 0,
        _ => false,
    };

    /// <summary>Numbers and <c>true</c> print as JavaScript would; <c>false</c> becomes "" because the templates only test it for truthiness.</summary>
    private sealed class JavaScriptStringConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => reader.GetDecimal().ToString(CultureInfo.InvariantCulture),
            JsonTokenType.True => "true",
            JsonTokenType.False => string.Empty,
            _ => throw new JsonException($"Cannot read {reader.TokenType} as a string."),
        };

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
