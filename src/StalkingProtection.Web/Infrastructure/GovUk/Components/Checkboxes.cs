using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;
using static StalkingProtection.Web.Infrastructure.GovUk.Components.HtmlText;

namespace StalkingProtection.Web.Infrastructure.GovUk.Components;

public sealed record CheckboxesOptions
{
    public string? DescribedBy { get; init; }

    public string? IdPrefix { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<ChoiceItem?>? Items { get; init; }

    public IReadOnlyList<string?>? Values { get; init; }

    public FieldsetOptions? Fieldset { get; init; }

    public HintOptions? Hint { get; init; }

    public ErrorMessageOptions? ErrorMessage { get; init; }

    public FormGroupOptions? FormGroup { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public static partial class GovUkHtml
{
    public static IHtmlContent Checkboxes(CheckboxesOptions options) => new HtmlString(CheckboxesHtml(options));

    internal static string CheckboxesHtml(CheckboxesOptions options)
    {
        var idPrefix = string.IsNullOrEmpty(options.IdPrefix) ? options.Name ?? string.Empty : options.IdPrefix;
        var describedBy = string.IsNullOrEmpty(options.Fieldset?.DescribedBy) ? options.DescribedBy : options.Fieldset.DescribedBy;
        var hasError = options.ErrorMessage is not null;
        var hasFieldset = options.Fieldset is not null;

        var inner = new StringBuilder();
        if (options.Hint is not null)
        {
            describedBy = JoinIds(describedBy, idPrefix + "-hint");
            inner.Append(HintOrEmpty(options.Hint, idPrefix + "-hint"));
        }

        if (hasError)
        {
            describedBy = JoinIds(describedBy, idPrefix + "-error");
            inner.Append(ErrorOrEmpty(options.ErrorMessage, idPrefix + "-error"));
        }

        inner.Append("<div class=\"").Append(Classes("govuk-checkboxes", options.Classes)).Append('"')
            .Append(Attributes(options.Attributes)).Append(" data-module=\"govuk-checkboxes\">\n")
            .Append(ContentOrEmpty(options.FormGroup?.BeforeInputs));

        var index = 0;
        foreach (var item in options.Items ?? [])
        {
            index++;
            if (item is null)
            {
                continue;
            }

            var itemId = string.IsNullOrEmpty(item.Id) ? idPrefix + (index > 1 ? "-" + index.ToString(CultureInfo.InvariantCulture) : string.Empty) : item.Id;
            if (!string.IsNullOrEmpty(item.Divider))
            {
                inner.Append("<div class=\"govuk-checkboxes__divider\">").Append(Encode(item.Divider)).Append("</div>\n");
                continue;
            }

            var isChecked = item.Checked == true
                || (item.Checked != false && options.Values is not null && options.Values.Contains(item.Value));

            // Without a fieldset the group's hint and error describe each checkbox directly.
            inner.Append(ChoiceItemHtml(
                "checkboxes",
                "checkbox",
                item,
                itemId,
                string.IsNullOrEmpty(item.Name) ? options.Name : item.Name,
                isChecked,
                hasFieldset ? null : describedBy));
        }

        inner.Append(ContentOrEmpty(options.FormGroup?.AfterInputs)).Append("</div>");
        return ChoiceGroupHtml(options.FormGroup, hasError, options.Fieldset, describedBy, inner.ToString(), role: null);
    }
}
