using System.Text.Json;
using System.Text.Json.Serialization;

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
        };
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
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
            return (null, ApiProblems.Invalid(FieldName(ex.Path), Describe(ex)));
        }
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
