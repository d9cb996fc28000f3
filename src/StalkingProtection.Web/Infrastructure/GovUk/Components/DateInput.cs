using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;
using static StalkingProtection.Web.Infrastructure.GovUk.Components.HtmlText;

namespace StalkingProtection.Web.Infrastructure.GovUk.Components;

public sealed record DateInputItem
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Label { get; init; }

    public string? Value { get; init; }

    public string? Autocomplete { get; init; }

    public string? Pattern { get; init; }

    public string? Inputmode { get; init; }

    public string? Classes { get; init; }

    /// <summary>Marks just this part as wrong; null lets a group error mark every part.</summary>
    public bool? Error { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public sealed record DateInputOptions
{
    public string? Id { get; init; }

    public string? NamePrefix { get; init; }

    public IReadOnlyList<DateInputItem>? Items { get; init; }

    public DateInputItem? Day { get; init; }

    public DateInputItem? Month { get; init; }

    public DateInputItem? Year { get; init; }

    public IReadOnlyDictionary<string, string?>? Values { get; init; }

    public HintOptions? Hint { get; init; }

    public ErrorMessageOptions? ErrorMessage { get; init; }

    public FormGroupOptions? FormGroup { get; init; }

    public FieldsetOptions? Fieldset { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public static partial class GovUkHtml
{
    public static IHtmlContent DateInput(DateInputOptions options) => new HtmlString(DateInputHtml(options));

    internal static string DateInputHtml(DateInputOptions options)
    {
        var id = options.Id ?? string.Empty;
        var describedBy = options.Fieldset?.DescribedBy;
        var hasError = options.ErrorMessage is not null;

        var day = options.Day ?? new DateInputItem { Name = "day", Value = ValueOf(options.Values, "day"), Classes = "govuk-input--width-2" };
        var month = options.Month ?? new DateInputItem { Name = "month", Value = ValueOf(options.Values, "month"), Classes = "govuk-input--width-2" };
        var year = options.Year ?? new DateInputItem { Name = "year", Value = ValueOf(options.Values, "year"), Classes = "govuk-input--width-4" };
        var items = options.Items is { Count: > 0 } ? options.Items : [day, month, year];
        var anyItemHasError = items.Any(ItemHasError);

        var inner = new StringBuilder();
        if (options.Hint is not null)
        {
            describedBy = JoinIds(describedBy, id + "-hint");
            inner.Append(HintOrEmpty(options.Hint, id + "-hint"));
        }

        if (hasError)
        {
            describedBy = JoinIds(describedBy, id + "-error");
            inner.Append(ErrorOrEmpty(options.ErrorMessage, id + "-error"));
        }

        inner.Append("<div class=\"").Append(Classes("govuk-date-input", options.Classes)).Append('"')
            .Append(Attributes(options.Attributes)).Append(AttributeIfNotEmpty("id", options.Id)).Append(">\n")
            .Append(ContentOrEmpty(options.FormGroup?.BeforeInputs));

        var namePrefix = string.IsNullOrEmpty(options.NamePrefix) ? string.Empty : options.NamePrefix + "-";
        foreach (var item in items)
        {
            var itemName = item.Name;
            var itemValue = item.Value;
            var width = 2;
            if (ReferenceEquals(item, day) || IsNamed(item, "day", day))
            {
                itemName = string.IsNullOrEmpty(item.Name) ? "day" : item.Name;
                itemValue ??= day.Value;
            }
            else if (ReferenceEquals(item, month) || IsNamed(item, "month", month))
            {
                itemName = string.IsNullOrEmpty(item.Name) ? "month" : item.Name;
                itemValue ??= month.Value;
            }
            else if (ReferenceEquals(item, year) || IsNamed(item, "year", year))
            {
                itemName = string.IsNullOrEmpty(item.Name) ? "year" : item.Name;
                itemValue ??= year.Value;
                width = 4;
            }

            var itemClasses = string.Empty;
            var itemClassList = item.Classes ?? string.Empty;
            if (!itemClassList.Contains("govuk-input--error", StringComparison.Ordinal)
                && (ItemHasError(item) || (item.Error != false && hasError && !anyItemHasError)))
            {
                itemClasses = "govuk-input--error";
            }

            if (!itemClassList.Contains("govuk-input--width-", StringComparison.Ordinal))
            {
                itemClasses = (itemClasses + " govuk-input--width-" + width.ToString(CultureInfo.InvariantCulture)).Trim();
            }

            itemClasses = (itemClasses + " " + itemClassList).Trim();

            inner.Append("<div class=\"govuk-date-input__item\">\n")
                .Append(InputHtml(new InputOptions
                {
                    Label = new LabelOptions
                    {
                        Text = string.IsNullOrEmpty(item.Label) ? Capitalise(itemName) : item.Label,
                        Classes = "govuk-date-input__label",
                    },
                    Id = string.IsNullOrEmpty(item.Id) ? id + "-" + itemName : item.Id,
                    Classes = Classes("govuk-date-input__input", itemClasses),
                    Name = namePrefix + itemName,
                    Value = itemValue ?? ValueOf(options.Values, namePrefix + itemName),
                    Type = "text",
                    Inputmode = string.IsNullOrEmpty(item.Inputmode) ? "numeric" : item.Inputmode,
                    Autocomplete = item.Autocomplete,
                    Pattern = item.Pattern,
                    Attributes = item.Attributes,
                }))
                .Append("\n</div>\n");
        }

        inner.Append(ContentOrEmpty(options.FormGroup?.AfterInputs)).Append("</div>");
        return ChoiceGroupHtml(options.FormGroup, hasError, options.Fieldset, describedBy, inner.ToString(), role: "group");
    }

    private static bool ItemHasError(DateInputItem item) =>
        item.Error == true || (item.Classes?.Contains("govuk-input--error", StringComparison.Ordinal) ?? false);

    private static bool IsNamed(DateInputItem item, string defaultName, DateInputItem part) =>
        !string.IsNullOrEmpty(item.Name) && (item.Name == defaultName || item.Name == part.Name);

    private static string? ValueOf(IReadOnlyDictionary<string, string?>? values, string key) =>
        values is not null && values.TryGetValue(key, out var value) ? value : null;

    private static string Capitalise(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty : char.ToUpperInvariant(value[0]) + value[1..].ToLowerInvariant();
}
