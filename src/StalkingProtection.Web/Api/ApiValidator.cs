namespace StalkingProtection.Web.Api;

/// <summary>A request body that checks its own fields (required, lengths, plausible dates) before any service is called.</summary>
public interface IApiRequest
{
    void Validate(ApiValidator v);
}

/// <summary>Collects every invalid field of one request, so the client sees them all in one 400 answer.</summary>
public sealed class ApiValidator
{
    // Dates outside this range are typing mistakes, never real events or order days.
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);
    public static readonly DateOnly LatestDate = new(2200, 12, 31);

    private readonly List<ApiProblems.FieldError> _errors = [];

    public IResult? Problem => _errors.Count == 0 ? null : ApiProblems.Invalid(_errors);

    public ApiValidator Must(bool ok, string field, string message)
    {
        if (!ok)
        {
            _errors.Add(new ApiProblems.FieldError(field, message));
        }

        return this;
    }

    public ApiValidator Required(string field, string? value, int maxLength) =>
        Must(!string.IsNullOrWhiteSpace(value), field, "Enter a value: this field is required.")
            .Optional(field, value, maxLength);

    public ApiValidator Optional(string field, string? value, int maxLength) =>
        Must(value is null || value.Length <= maxLength, field, $"This field must be {maxLength} characters or fewer.");

    public ApiValidator Date(string field, DateOnly? value) =>
        Must(value is null || (value >= EarliestDate && value <= LatestDate), field,
            $"Enter a date between {EarliestDate:yyyy-MM-dd} and {LatestDate:yyyy-MM-dd}.");

    public ApiValidator Instant(string field, DateTimeOffset? value) =>
        Date(field, value is { } v ? DateOnly.FromDateTime(v.UtcDateTime) : null);

    public ApiValidator Each<T>(string field, IReadOnlyList<T>? items, Action<ApiValidator, string, T> validate)
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            // System.Text.Json does not enforce nullability inside collections, so a null item is refused here.
            if (items![i] is null)
            {
                Must(false, $"{field}[{i}]", "This item cannot be null.");
                continue;
            }

            validate(this, $"{field}[{i}]", items[i]);
        }

        return this;
    }
}
