using System.Text;
using Microsoft.AspNetCore.Html;
using static StalkingProtection.Web.Infrastructure.GovUk.Components.HtmlText;

namespace StalkingProtection.Web.Infrastructure.GovUk.Components;

public static partial class GovUkHtml
{
    public static IHtmlContent Label(LabelOptions options) => new HtmlString(LabelHtml(options));

    public static IHtmlContent Hint(HintOptions options) => new HtmlString(HintHtml(options));

    public static IHtmlContent ErrorMessage(ErrorMessageOptions options) => new HtmlString(ErrorMessageHtml(options));

    public static IHtmlContent Fieldset(FieldsetOptions options) => new HtmlString(FieldsetHtml(options));

    internal static string LabelHtml(LabelOptions? options)
    {
        if (options is null || !HasContent(options.Html, options.Text))
        {
            return string.Empty;
        }

        var label = "<label class=\"" + Classes("govuk-label", options.Classes) + "\"" + Attributes(options.Attributes)
            + AttributeIfNotEmpty("for", options.For) + ">\n" + Content(options.Html, options.Text) + "\n</label>";
        return options.IsPageHeading ? "<h1 class=\"govuk-label-wrapper\">" + label + "</h1>" : label;
    }

    internal static string HintHtml(HintOptions options) =>
        "<div" + AttributeIfNotEmpty("id", options.Id) + " class=\"" + Classes("govuk-hint", options.Classes) + "\""
        + Attributes(options.Attributes) + ">\n" + Content(options.Html, options.Text) + "\n</div>";

    internal static string ErrorMessageHtml(ErrorMessageOptions options)
    {
        var visuallyHiddenText = options.VisuallyHiddenText ?? "Error";
        var prefix = visuallyHiddenText.Length > 0
            ? "<span class=\"govuk-visually-hidden\">" + Encode(visuallyHiddenText) + ":</span> "
            : string.Empty;
        return "<p" + AttributeIfNotEmpty("id", options.Id) + " class=\"" + Classes("govuk-error-message", options.Classes) + "\""
            + Attributes(options.Attributes) + ">\n" + prefix + Content(options.Html, options.Text) + "\n</p>";
    }

    internal static string FieldsetHtml(FieldsetOptions options)
    {
        var builder = new StringBuilder();
        builder.Append("<fieldset class=\"").Append(Classes("govuk-fieldset", options.Classes)).Append('"')
            .Append(AttributeIfNotEmpty("role", options.Role))
            .Append(AttributeIfNotEmpty("aria-describedby", options.DescribedBy))
            .Append(Attributes(options.Attributes)).Append(">\n");
        var legend = options.Legend;
        if (legend is not null && HasContent(legend.Html, legend.Text))
        {
            builder.Append("<legend class=\"").Append(Classes("govuk-fieldset__legend", legend.Classes)).Append("\">\n");
            builder.Append(legend.IsPageHeading
                ? "<h1 class=\"govuk-fieldset__heading\">\n" + Content(legend.Html, legend.Text) + "\n</h1>"
                : Content(legend.Html, legend.Text));
            builder.Append("\n</legend>\n");
        }

        if (!string.IsNullOrEmpty(options.Html))
        {
            builder.Append(options.Html).Append('\n');
        }

        builder.Append("</fieldset>");
        return builder.ToString();
    }

    internal static string HintOrEmpty(HintOptions? hint, string id) =>
        hint is null ? string.Empty : HintHtml(hint with { Id = id }) + "\n";

    internal static string ErrorOrEmpty(ErrorMessageOptions? error, string id) =>
        error is null ? string.Empty : ErrorMessageHtml(error with { Id = id }) + "\n";

    internal static string ContentOrEmpty(ContentOptions? content) =>
        content is null || !HasContent(content.Html, content.Text) ? string.Empty : Content(content.Html, content.Text) + "\n";

    internal static string FormGroupStart(FormGroupOptions? formGroup, bool hasError) =>
        "<div class=\"" + Classes("govuk-form-group", hasError ? "govuk-form-group--error" : null, formGroup?.Classes) + "\""
        + Attributes(formGroup?.Attributes) + ">\n";

    /// <summary>
    /// What every single-field component opens with: the form group, its label, hint and error message. Adds the hint's and
    /// the error's ids to <paramref name="describedBy"/>.
    /// </summary>
    internal static StringBuilder FieldStart(FormGroupOptions? formGroup, LabelOptions? label, HintOptions? hint,
        ErrorMessageOptions? error, string id, ref string? describedBy)
    {
        var builder = new StringBuilder(FormGroupStart(formGroup, error is not null));
        var labelHtml = LabelHtml(label is null ? null : label with { For = id });
        if (labelHtml.Length > 0)
        {
            builder.Append(labelHtml).Append('\n');
        }

        if (hint is not null)
        {
            describedBy = JoinIds(describedBy, id + "-hint");
            builder.Append(HintOrEmpty(hint, id + "-hint"));
        }

        if (error is not null)
        {
            describedBy = JoinIds(describedBy, id + "-error");
            builder.Append(ErrorOrEmpty(error, id + "-error"));
        }

        return builder;
    }
}
