using System.Globalization;
using Microsoft.AspNetCore.Html;
using static StalkingProtection.Web.Infrastructure.GovUk.Components.HtmlText;

namespace StalkingProtection.Web.Infrastructure.GovUk.Components;

public sealed record TextareaOptions
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public bool? Spellcheck { get; init; }

    public int? Rows { get; init; }

    public string? Value { get; init; }

    public bool? Disabled { get; init; }

    public string? DescribedBy { get; init; }

    public LabelOptions? Label { get; init; }

    public HintOptions? Hint { get; init; }

    public ErrorMessageOptions? ErrorMessage { get; init; }

    public FormGroupOptions? FormGroup { get; init; }

    public string? Classes { get; init; }

    public string? Autocomplete { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public static partial class GovUkHtml
{
    public static IHtmlContent Textarea(TextareaOptions options) => new HtmlString(TextareaHtml(options));

    internal static string TextareaHtml(TextareaOptions options)
    {
        var id = string.IsNullOrEmpty(options.Id) ? options.Name ?? string.Empty : options.Id;
        var hasError = options.ErrorMessage is not null;
        var describedBy = options.DescribedBy;

        var builder = FieldStart(options.FormGroup, options.Label, options.Hint, options.ErrorMessage, id, ref describedBy);

        var rows = options.Rows is { } value && value != 0 ? value : 5;
        builder.Append(ContentOrEmpty(options.FormGroup?.BeforeInput))
            .Append("<textarea class=\"").Append(Classes("govuk-textarea", hasError ? "govuk-textarea--error" : null, options.Classes)).Append('"')
            .Append(Attribute("id", id)).Append(Attribute("name", options.Name))
            .Append(Attribute("rows", rows.ToString(CultureInfo.InvariantCulture)))
            .Append(options.Spellcheck is { } spellcheck ? Attribute("spellcheck", spellcheck ? "true" : "false") : string.Empty)
            .Append(options.Disabled == true ? " disabled" : string.Empty)
            .Append(AttributeIfNotEmpty("aria-describedby", describedBy))
            .Append(AttributeIfNotEmpty("autocomplete", options.Autocomplete))
            .Append(Attributes(options.Attributes)).Append('>')
            .Append(Encode(options.Value)).Append("</textarea>\n")
            .Append(ContentOrEmpty(options.FormGroup?.AfterInput))
            .Append("</div>");
        return builder.ToString();
    }
}
