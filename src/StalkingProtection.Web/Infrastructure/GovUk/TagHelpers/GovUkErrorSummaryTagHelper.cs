using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using StalkingProtection.Web.Infrastructure.GovUk.Components;

namespace StalkingProtection.Web.Infrastructure.GovUk.TagHelpers;

/// <summary>
/// <c>&lt;govuk-error-summary /&gt;</c> lists every ModelState error, each linking to its field's id (the day field for a
/// date input), in the order the model declares its properties, and renders nothing when there are no errors.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed partial class GovUkErrorSummaryTagHelper : TagHelper
{
    [HtmlAttributeName("title")]
    public string Title { get; set; } = "There is a problem";

    /// <summary>The page holding the fields when it is not this one ("check your answers" links to the question page).</summary>
    [HtmlAttributeName("fields-on")]
    public string? FieldsOn { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        output.TagMode = TagMode.StartTagAndEndTag;

        var errors = new List<ErrorSummaryItem>();

        // ModelState does not keep insertion order; GOV.UK wants the summary in the order of the fields on the page.
        var entries = ViewContext.ViewData.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .OrderBy(e => OrderKey(e.Key), Comparer<IReadOnlyList<int>>.Create(CompareOrder));
        foreach (var (key, entry) in entries)
        {
            foreach (var error in entry!.Errors)
            {
                errors.Add(new ErrorSummaryItem
                {
                    Text = ModelStateFields.ErrorText(error),
                    Href = key.Length == 0 ? null : FieldsOn + "#" + FieldId(key),
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

    private bool IsDate(string key) => Resolve(key).Metadata?.UnderlyingOrModelType == typeof(DateOnly);

    private List<int> OrderKey(string key) => key.Length == 0 ? [] : Resolve(key).Positions;

    private (ModelMetadata? Metadata, List<int> Positions) Resolve(string key)
    {
        ModelMetadata? metadata = ViewContext.ViewData.ModelMetadata;
        var positions = new List<int>();
        foreach (var segment in key.Split('.'))
        {
            var property = Index().Replace(segment, string.Empty);
            var position = metadata?.Properties.ToList().FindIndex(p => p.PropertyName == property) ?? -1;
            if (metadata is null || position < 0)
            {
                positions.Add(int.MaxValue);
                return (null, positions);
            }

            positions.Add(position);
            metadata = metadata.Properties[position];
            if (segment.Length != property.Length)
            {
                metadata = metadata.ElementMetadata;
            }
        }

        return (metadata, positions);
    }

    private static int CompareOrder(IReadOnlyList<int> left, IReadOnlyList<int> right)
    {
        for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
        {
            var comparison = left[i].CompareTo(right[i]);
            if (comparison != 0)
            {
                return comparison;
            }
        }

        return left.Count.CompareTo(right.Count);
    }

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Index();
}
