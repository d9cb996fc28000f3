using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace StalkingProtection.Web.Api;

/// <summary>
/// Reads request bodies strictly (unknown fields, unknown enum values, impossible dates and missing required fields
/// are refused) and turns every parse failure into a problem naming the field.
/// </summary>
public static class ApiJson
{
    public const int MaxBodyBytes = 256 * 1024;

    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowDuplicateProperties = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.Converters.Add(new InstantWithOffsetConverter());
        return options;
    }

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, ApiProblems.Invalid("body", $"The request body must be {MaxBodyBytes / 1024} KB or smaller.", status: StatusCodes.Status413PayloadTooLarge));
        }

        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ApiProblems.Invalid("body", "Send the body as application/json.", status: StatusCodes.Status415UnsupportedMediaType));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted);
            return value is null ? (null, ApiProblems.Invalid("body", "The request body is empty.")) : (value, null);
        }
        catch (JsonException ex)
        {
            var field = FieldName(ex.Path);
            if (UnknownEnumValue(ex, typeof(T)) is { } enumType)
            {
                return (null, EnumProblem(field, enumType));
            }

            return (null, ApiProblems.Invalid(field, Describe(ex)));
        }
    }

    /// <summary>
    /// Fields whose values are a legal kind: an unknown value breaks the rule that lists who may act, not just the enum.
    /// </summary>
    private static readonly Dictionary<string, (string Rule, string LegalSource, string Message)> _legalKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        // SPA 2019 s.1(1), s.14, R1: only a chief officer of police may apply; never the victim or the CPS.
        ["applicantForce"] = ("R1", "SPA 2019 s.1(1), s.14",
            "Only a chief officer of police may apply for a stalking protection order: the chief officer of a police force in England and Wales, of the British Transport Police or of the Ministry of Defence Police; never the victim or the CPS (SPA 2019 s.1(1), s.14, R1)."),
        // SPA 2019 s.4, s.5(7), R20.
        ["applicantParty"] = ("R20", "SPA 2019 s.4, s.5(7)",
            "A variation, renewal or discharge is applied for by the respondent (defendant) or a relevant chief officer of police (SPA 2019 s.4, s.5(7), R20)."),
        // SPA 2019 s.7, R24.
        ["appellant"] = ("R24", "SPA 2019 s.7", "An appeal is brought by the respondent (defendant), the applicant chief officer or a relevant chief officer (SPA 2019 s.7, R24)."),
    };

    /// <summary>An unknown enum value names the allowed values, and the rule where the field is a legal kind.</summary>
    public static IResult EnumProblem(string field, Type enumType)
    {
        var allowed = $"Allowed values: {string.Join(", ", Enum.GetNames(enumType))}.";
        var leaf = field.Split('.', '[')[^1].Split('[')[0];
        if (_legalKinds.TryGetValue(leaf, out var legal))
        {
            return ApiProblems.Invalid([new ApiProblems.FieldError(field, $"{legal.Message} {allowed}", legal.Rule, legal.LegalSource)],
                StatusCodes.Status422UnprocessableEntity);
        }

        return ApiProblems.Invalid(field, $"This value is not one of the allowed values. {allowed}");
    }

    /// <summary>The enum type of the field a conversion failed on, found by walking the request type along the JSON path.</summary>
    private static Type? UnknownEnumValue(JsonException ex, Type requestType)
    {
        if (!ex.Message.Contains("could not be converted", StringComparison.Ordinal) || string.IsNullOrEmpty(ex.Path))
        {
            return null;
        }

        var type = requestType;
        foreach (var segment in ex.Path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Split('[')[0];
            var property = type.GetProperties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                return null;
            }

            type = property.PropertyType;
            if (segment.Contains('[', StringComparison.Ordinal) || (type != typeof(string) && type.IsGenericType && type.GetGenericArguments().Length == 1
                && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)))
            {
                type = type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0];
            }

            type = Nullable.GetUnderlyingType(type) ?? type;
        }

        return type.IsEnum ? type : null;
    }

    private static string FieldName(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return "This field is not recognised.";
        }

        if (message.Contains("missing required properties", StringComparison.Ordinal) || message.Contains("missing required", StringComparison.Ordinal))
        {
            return "Required fields are missing: " + message[(message.IndexOf(':', StringComparison.Ordinal) + 1)..].Split('.')[0].Trim() + ".";
        }

        if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return "This field is given more than once in the same JSON object: give each field once.";
        }

        if (message.Contains(InstantWithOffsetConverter.NoOffset, StringComparison.Ordinal))
        {
            return InstantWithOffsetConverter.NoOffset;
        }

        if (message.Contains("System.DateOnly", StringComparison.Ordinal))
        {
            return "Enter a real date as YYYY-MM-DD.";
        }

        if (message.Contains("DateTimeOffset", StringComparison.Ordinal))
        {
            return "Enter a real date and time in ISO 8601 with an offset, for example 2026-03-01T14:30:00Z.";
        }

        if (message.Contains("null", StringComparison.OrdinalIgnoreCase) && message.Contains("non-nullable", StringComparison.OrdinalIgnoreCase))
        {
            return "This field cannot be null.";
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return "This value is not one of the allowed values or is of the wrong type.";
        }

        return "The JSON is not valid here.";
    }
}

/// <summary>
/// An instant must say its offset from UTC ("Z" or "+01:00"): a time without one could be London time or UTC, an hour apart in
/// summer, and a legal date can turn on that hour.
/// </summary>
public sealed partial class InstantWithOffsetConverter : JsonConverter<DateTimeOffset>
{
    public const string NoOffset = "Give the time with its offset from UTC, for example 2026-03-01T14:30:00Z or 2026-06-01T14:30:00+01:00: a time without one is ambiguous.";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) || !text.Contains('T', StringComparison.Ordinal))
        {
            throw new JsonException("The JSON value could not be converted to System.DateTimeOffset.");
        }

        if (!HasOffset(text))
        {
            throw new JsonException(NoOffset);
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public static bool HasOffset(string text) => OffsetPattern().IsMatch(text);

    [GeneratedRegex(@"(Z|[+-]\d{2}:\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex OffsetPattern();
}
