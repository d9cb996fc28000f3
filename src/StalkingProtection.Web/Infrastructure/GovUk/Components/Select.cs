using Microsoft.AspNetCore.Html;
using static StalkingProtection.Web.Infrastructure.GovUk.Components.HtmlText;

namespace StalkingProtection.Web.Infrastructure.GovUk.Components;

public sealed record SelectItem
{
    public string? Value { get; init; }

    public string? Text { get; init; }

    public bool? Selected { get; init; }

    public bool? Disabled { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public sealed record SelectOptions
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<SelectItem?>? Items { get; init; }

    public string? Value { get; init; }

    public bool? Disabled { get; init; }

    public string? DescribedBy { get; init; }

    public LabelOptions? Label { get; init; }

    public HintOptions? Hint { get; init; }

    public ErrorMessageOptions? ErrorMessage { get; init; }

    public FormGroupOptions? FormGroup { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public static partial class GovUkHtml
{
    public static IHtmlContent Select(SelectOptions options) => new HtmlString(SelectHtml(options));

    internal static string SelectHtml(SelectOptions options)
    {
        var id = string.IsNullOrEmpty(options.Id) ? options.Name ?? string.Empty : options.Id;
        var hasError = options.ErrorMessage is not null;
        var describedBy = options.DescribedBy;

        var builder = FieldStart(options.FormGroup, options.Label, options.Hint, options.ErrorMessage, id, ref describedBy);

        builder.Append(ContentOrEmpty(options.FormGroup?.BeforeInput))
            .Append("<select class=\"").Append(Classes("govuk-select", options.Classes, hasError ? "govuk-select--error" : null)).Append('"')
            .Append(Attribute("id", id)).Append(Attribute("name", options.Name))
            .Append(options.Disabled == true ? " disabled" : string.Empty)
            .Append(AttributeIfNotEmpty("aria-describedby", describedBy))
            .Append(Attributes(options.Attributes)).Append(">\n");

        foreach (var item in options.Items ?? [])
        {
            if (item is null)
            {
                continue;
            }

            // An option without a value attribute submits its text, so selection compares against the text too.
            var effectiveValue = item.Value ?? item.Text;
            var selected = item.Selected == true
                || (item.Selected != false && !string.IsNullOrEmpty(options.Value) && effectiveValue == options.Value);
            builder.Append("<option").Append(Attribute("value", item.Value))
                .Append(selected ? " selected" : string.Empty)
                .Append(item.Disabled == true ? " disabled" : string.Empty)
                .Append(Attributes(item.Attributes)).Append('>')
                .Append(Encode(item.Text)).Append("</option>\n");
        }

        builder.Append("</select>\n")
            .Append(ContentOrEmpty(options.FormGroup?.AfterInput))
            .Append("</div>");
        return builder.ToString();
    }
}
