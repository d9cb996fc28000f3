using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using StalkingProtection.Web.Infrastructure.GovUk.Components;

namespace StalkingProtection.Web.Infrastructure.GovUk.TagHelpers;

public abstract class GovUkFieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = default!;

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    /// <summary>Extra classes for the control (the GOV.UK <c>classes</c> param), e.g. <c>govuk-input--width-10</c>.</summary>
    [HtmlAttributeName("class")]
    public string? Classes { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    protected string FieldName => ModelStateFields.Name(ViewContext, For);

    protected string FieldId => ModelStateFields.Id(FieldName);

    protected HintOptions? HintOptions => string.IsNullOrEmpty(Hint) ? null : new HintOptions { Text = Hint };

    protected ErrorMessageOptions? ErrorMessage => ModelStateFields.Error(ViewContext, FieldName);

    protected string DisplayName => For.Metadata.DisplayName ?? DateInputNames.Humanise(For.Metadata.PropertyName) ?? FieldName;

    /// <summary>True when the field's label or legend is the page's heading (is-page-heading).</summary>
    protected virtual bool HeadsPage => false;

    protected void Replace(TagHelperOutput output, IHtmlContent content)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (HeadsPage && RecordCaptionTagHelper.TakeCaption(ViewContext) is { } caption)
        {
            output.PreElement.AppendHtml(caption);
        }

        output.TagName = null;
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.Clear();
        output.Content.SetHtmlContent(content);
    }
}

public abstract class GovUkLabelledFieldTagHelper : GovUkFieldTagHelper
{
    /// <summary>Defaults to the property's [Display] name.</summary>
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }

    [HtmlAttributeName("is-page-heading")]
    public bool IsPageHeading { get; set; }

    protected override bool HeadsPage => IsPageHeading;

    protected LabelOptions LabelOptions => new() { Text = Label ?? DisplayName, Classes = LabelClass, IsPageHeading = IsPageHeading };
}

public abstract class GovUkFieldsetTagHelper : GovUkFieldTagHelper
{
    /// <summary>Defaults to the property's [Display] name.</summary>
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    /// <summary>For example <c>govuk-fieldset__legend--l</c> with <c>is-page-heading</c>.</summary>
    [HtmlAttributeName("legend-class")]
    public string? LegendClass { get; set; }

    [HtmlAttributeName("is-page-heading")]
    public bool IsPageHeading { get; set; }

    protected override bool HeadsPage => IsPageHeading;

    protected FieldsetOptions FieldsetOptions => new()
    {
        Legend = new LegendOptions { Text = Legend ?? DisplayName, Classes = LegendClass, IsPageHeading = IsPageHeading },
    };
}
