namespace StalkingProtection.Web.Api;

/// <summary>RFC 9457 problem details, with every broken rule or invalid field listed under "errors".</summary>
public static class ApiProblems
{
    public sealed record FieldError(string Field, string Message, string? Rule = null, string? LegalSource = null);

    public static IResult Invalid(string field, string message, string? rule = null, int status = StatusCodes.Status400BadRequest) =>
        Invalid([new FieldError(field, message, rule)], status);

    public static IResult Invalid(IReadOnlyList<FieldError> errors, int status = StatusCodes.Status400BadRequest) =>
        Results.Problem(
            title: status switch
            {
                StatusCodes.Status422UnprocessableEntity => "The request breaks a rule of the Stalking Protection Act or its guidance",
                StatusCodes.Status415UnsupportedMediaType => "Unsupported Media Type",
                StatusCodes.Status413PayloadTooLarge => "Content Too Large",
                _ => "The request is not valid",
            },
            detail: string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")),
            statusCode: status,
            type: status == StatusCodes.Status422UnprocessableEntity ? "https://stalking-protection.example/problems/rule-violation" : null,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    public static IResult NotFound(string what) =>
        Results.Problem(title: $"{what} not found", statusCode: StatusCodes.Status404NotFound);

    public static IResult Conflict(string detail) =>
        Results.Problem(title: "Someone else changed this record", detail: detail, statusCode: StatusCodes.Status409Conflict);
}
