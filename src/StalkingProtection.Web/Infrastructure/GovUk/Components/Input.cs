using Microsoft.AspNetCore.Html;
using static StalkingProtection.Web.Infrastructure.GovUk.Components.HtmlText;

namespace StalkingProtection.Web.Infrastructure.GovUk.Components;

public sealed record InputAffixOptions
{
    public string? Text { get; init; }

    public string? Html { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public sealed record InputWrapperOptions
{
    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public sealed record InputOptions
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Type { get; init; }

    public string? Inputmode { get; init; }

    public string? Value { get; init; }

    public bool? Disabled { get; init; }

    public string? DescribedBy { get; init; }

    public LabelOptions? Label { get; init; }

    public HintOptions? Hint { get; init; }

    public ErrorMessageOptions? ErrorMessage { get; init; }

    public InputAffixOptions? Prefix { get; init; }

    public InputAffixOptions? Suffix { get; init; }

    public FormGroupOptions? FormGroup { get; init; }

    public InputWrapperOptions? InputWrapper { get; init; }

    public string? Classes { get; init; }

    public string? Autocomplete { get; init; }

    public string? Pattern { get; init; }

    public bool? Spellcheck { get; init; }

    public string? Autocapitalize { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public static partial class GovUkHtml
{
    public static IHtmlContent Input(InputOptions options) => new HtmlString(InputHtml(options));

    internal static string InputHtml(InputOptions options)
    {
        var id = string.IsNullOrEmpty(options.Id) ? options.Name ?? string.Empty : options.Id;
        var hasError = options.ErrorMessage is not null;
        var describedBy = options.DescribedBy;

        var builder = FieldStart(options.FormGroup, options.Label, options.Hint, options.ErrorMessage, id, ref describedBy);

        var input = "<input class=\"" + Classes("govuk-input", options.Classes, hasError ? "govuk-input--error" : null) + "\""
            + Attribute("id", id) + Attribute("name", options.Name)
            + Attribute("type", string.IsNullOrEmpty(options.Type) ? "text" : options.Type)
            + (options.Spellcheck is { } spellcheck ? Attribute("spellcheck", spellcheck ? "true" : "false") : string.Empty)
            + Attribute("value", options.Value)
            + (options.Disabled == true ? " disabled" : string.Empty)
            + AttributeIfNotEmpty("aria-describedby", describedBy)
            + AttributeIfNotEmpty("autocomplete", options.Autocomplete)
            + AttributeIfNotEmpty("autocapitalize", options.Autocapitalize)
            + AttributeIfNotEmpty("pattern", options.Pattern)
            + AttributeIfNotEmpty("inputmode", options.Inputmode)
            + Attributes(options.Attributes) + ">";

        var beforeInput = options.FormGroup?.BeforeInput;
        var afterInput = options.FormGroup?.AfterInput;
        if (HasAffix(options.Prefix) || HasAffix(options.Suffix) || HasContent(beforeInput?.Html, beforeInput?.Text) || HasContent(afterInput?.Html, afterInput?.Text))
        {
            builder.Append("<div class=\"").Append(Classes("govuk-input__wrapper", options.InputWrapper?.Classes)).Append('"')
                .Append(Attributes(options.InputWrapper?.Attributes)).Append(">\n")
                .Append(ContentOrEmpty(beforeInput))
                .Append(AffixHtml(options.Prefix, "prefix"))
                .Append(input).Append('\n')
                .Append(AffixHtml(options.Suffix, "suffix"))
                .Append(ContentOrEmpty(afterInput))
                .Append("</div>\n");
        }
        else
        {
            builder.Append(input).Append('\n');
        }

        builder.Append("</div>");
        return builder.ToString();
    }

    private static bool HasAffix(InputAffixOptions? affix) => affix is not null && HasContent(affix.Html, affix.Text);

    private static string AffixHtml(InputAffixOptions? affix, string type) =>
        !HasAffix(affix)
            ? string.Empty
            : "<div class=\"" + Classes("govuk-input__" + type, affix!.Classes) + "\" aria-hidden=\"true\"" + Attributes(affix.Attributes) + ">"
                + Content(affix.Html, affix.Text) + "</div>\n";
}
