using System.Net;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Infrastructure.GovUk.TagHelpers;

/// <summary>
/// On a page about a case, application or order, the GOV.UK caption above the heading names the respondent and the crime
/// reference (<see cref="RecordContext"/>). A caption the page writes itself ("Record an act") follows them; a page without one
/// gets one before its heading.
/// </summary>
[HtmlTargetElement("span", Attributes = "[class^=govuk-caption-]")]
[HtmlTargetElement("h1")]
public sealed class RecordCaptionTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (RecordContext.Of(ViewContext.HttpContext) is not { CaptionWritten: false } record)
        {
            return;
        }

        record.CaptionWritten = true;
        if (output.TagName == "h1")
        {
            output.PreElement.AppendHtml(Html(record));
            return;
        }

        var own = (await output.GetChildContentAsync()).GetContent();
        var ownText = WebUtility.HtmlDecode(own).Trim();
        output.Content.SetContent(record.Caption);
        if (ownText.Length > 0 && !record.Caption.Contains(ownText, StringComparison.OrdinalIgnoreCase))
        {
            output.Content.AppendHtml(" – ").AppendHtml(own);
        }

        output.Attributes.SetAttribute("data-record-caption", "");
    }

    /// <summary>The caption on its own, for a heading the page's components write (is-page-heading).</summary>
    public static string? TakeCaption(ViewContext viewContext)
    {
        ArgumentNullException.ThrowIfNull(viewContext);
        if (viewContext.HttpContext is null || RecordContext.Of(viewContext.HttpContext) is not { CaptionWritten: false } record)
        {
            return null;
        }

        record.CaptionWritten = true;
        return Html(record);
    }

    private static string Html(RecordContext record) =>
        $"<span class=\"govuk-caption-l\" data-record-caption>{WebUtility.HtmlEncode(record.Caption)}</span>\n";
}
