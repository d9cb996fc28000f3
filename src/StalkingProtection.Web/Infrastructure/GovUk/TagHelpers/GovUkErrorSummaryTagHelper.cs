using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using StalkingProtection.Web.Infrastructure.GovUk.Components;

namespace StalkingProtection.Web.Infrastructure.GovUk.TagHelpers;

/// <summary>
/// <c>&lt;govuk-error-summary /&gt;</c> lists every ModelState error, each linking to its field's id (the day field for a
/// date input), and renders nothing when there are no errors.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed partial class GovUkErrorSummaryTagHelper : TagHelper
{
    [HtmlAttributeName("title")]
    public string Title { get; set; } = "There is a problem";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        output.TagMode = TagMode.StartTagAndEndTag;

        var errors = new List<ErrorSummaryItem>();
        foreach (var (key, entry) in ViewContext.ViewData.ModelState)
        {
            foreach (var error in entry.Errors)
            {
                errors.Add(new ErrorSummaryItem
                {
                    Text = ModelStateFields.ErrorText(error),
                    Href = key.Length == 0 ? null : "#" + FieldId(key),
                });
            }
        }

        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.Content.SetHtmlContent(GovUkHtml.ErrorSummary(new ErrorSummaryOptions { TitleText = Title, ErrorList = errors }));
    }

    private string FieldId(string key)
    {
        var id = ModelStateFields.Id(key);
        return IsDate(key) ? DateInputNames.DayId(id) : id;
    }

    private bool IsDate(string key)
    {
        ModelMetadata? metadata = ViewContext.ViewData.ModelMetadata;
        foreach (var segment in key.Split('.'))
        {
            var property = Index().Replace(segment, string.Empty);
            if (metadata is null)
            {
                return false;
            }

            metadata = metadata.Properties[property];
            if (metadata is not null && segment.Length != property.Length)
            {
                metadata = metadata.ElementMetadata;
            }
        }

        return metadata?.UnderlyingOrModelType == typeof(DateOnly);
    }

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Index();
}
