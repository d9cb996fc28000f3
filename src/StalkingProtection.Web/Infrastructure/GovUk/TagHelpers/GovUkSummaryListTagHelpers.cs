using Microsoft.AspNetCore.Razor.TagHelpers;
using StalkingProtection.Web.Infrastructure.GovUk.Components;

namespace StalkingProtection.Web.Infrastructure.GovUk.TagHelpers;

/// <summary>
/// <c>&lt;govuk-summary-list&gt;&lt;govuk-summary-list-row key="Name" change-href="/name"&gt;@Model.Name&lt;/govuk-summary-list-row&gt;&lt;/govuk-summary-list&gt;</c>
/// </summary>
[HtmlTargetElement("govuk-summary-list")]
[RestrictChildren("govuk-summary-list-row")]
public sealed class GovUkSummaryListTagHelper : TagHelper
{
    internal const string RowsKey = "GovUkSummaryListRows";

    [HtmlAttributeName("class")]
    public string? Classes { get; set; }

    /// <summary>Wraps the list in a summary card with this title.</summary>
    [HtmlAttributeName("card-title")]
    public string? CardTitle { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var rows = new List<SummaryListRow?>();
        context.Items[RowsKey] = rows;
        await output.GetChildContentAsync();

        output.TagName = null;
        output.TagMode = TagMode.StartTagAndEndTag;
        var attributes = ModelStateFields.UnboundAttributes(output);
        output.Attributes.Clear();
        output.Content.SetHtmlContent(GovUkHtml.SummaryList(new SummaryListOptions
        {
            Rows = rows,
            Classes = Classes,
            Attributes = attributes,
            Card = string.IsNullOrEmpty(CardTitle) ? null : new SummaryCardOptions { Title = new SummaryCardTitle { Text = CardTitle } },
        }));
    }
}

[HtmlTargetElement("govuk-summary-list-row", ParentTag = "govuk-summary-list")]
public sealed class GovUkSummaryListRowTagHelper : TagHelper
{
    [HtmlAttributeName("key")]
    public string Key { get; set; } = string.Empty;

    [HtmlAttributeName("change-href")]
    public string? ChangeHref { get; set; }

    [HtmlAttributeName("change-text")]
    public string ChangeText { get; set; } = "Change";

    /// <summary>Completes the link for screen readers ("Change name"); defaults to the key in lower case.</summary>
    [HtmlAttributeName("change-visually-hidden-text")]
    public string? ChangeVisuallyHiddenText { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var content = await output.GetChildContentAsync();
        var rows = (List<SummaryListRow?>)context.Items[GovUkSummaryListTagHelper.RowsKey];
        rows.Add(new SummaryListRow
        {
            Key = new SummaryListCellOptions { Text = Key },
            Value = new SummaryListCellOptions { Html = content.GetContent() },
            Actions = string.IsNullOrEmpty(ChangeHref)
                ? null
                : new SummaryListActions
                {
                    Items =
                    [
                        new SummaryListAction
                        {
                            Href = ChangeHref,
                            Text = ChangeText,
                            VisuallyHiddenText = ChangeVisuallyHiddenText ?? Key.ToLowerInvariant(),
                        },
                    ],
                },
        });
        output.SuppressOutput();
    }
}
