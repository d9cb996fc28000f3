using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using StalkingProtection.Web.Infrastructure.GovUk.Components;

namespace StalkingProtection.Web.Infrastructure.GovUk.TagHelpers;

/// <summary><c>&lt;govuk-input for="Name" label="Full name" hint="…" /&gt;</c>; unbound attributes go onto the &lt;input&gt;.</summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkInputTagHelper : GovUkLabelledFieldTagHelper
{
    [HtmlAttributeName("type")]
    public string? Type { get; set; }

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    [HtmlAttributeName("inputmode")]
    public string? Inputmode { get; set; }

    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    [HtmlAttributeName("prefix")]
    public string? Prefix { get; set; }

    [HtmlAttributeName("suffix")]
    public string? Suffix { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Replace(output, GovUkHtml.Input(new InputOptions
        {
            Id = FieldId,
            Name = FieldName,
            Type = Type,
            // A password is never written back into the page.
            Value = string.Equals(Type, "password", StringComparison.OrdinalIgnoreCase) ? null : ModelStateFields.Value(ViewContext, FieldName, For.Model),
            Label = LabelOptions,
            Hint = HintOptions,
            ErrorMessage = ErrorMessage,
            Classes = Classes,
            Autocomplete = Autocomplete,
            Inputmode = Inputmode,
            Spellcheck = Spellcheck,
            Prefix = string.IsNullOrEmpty(Prefix) ? null : new InputAffixOptions { Text = Prefix },
            Suffix = string.IsNullOrEmpty(Suffix) ? null : new InputAffixOptions { Text = Suffix },
            Attributes = ModelStateFields.UnboundAttributes(output),
        }));
    }
}

/// <summary><c>&lt;govuk-textarea for="Details" label="…" rows="8" /&gt;</c></summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkTextareaTagHelper : GovUkLabelledFieldTagHelper
{
    [HtmlAttributeName("rows")]
    public int? Rows { get; set; }

    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Replace(output, GovUkHtml.Textarea(new TextareaOptions
        {
            Id = FieldId,
            Name = FieldName,
            Rows = Rows,
            Value = ModelStateFields.Value(ViewContext, FieldName, For.Model),
            Label = LabelOptions,
            Hint = HintOptions,
            ErrorMessage = ErrorMessage,
            Classes = Classes,
            Spellcheck = Spellcheck,
            Autocomplete = Autocomplete,
            Attributes = ModelStateFields.UnboundAttributes(output),
        }));
    }
}

/// <summary><c>&lt;govuk-select for="Force" items="Model.Forces" /&gt;</c>; without items an enum property lists its members.</summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkSelectTagHelper : GovUkLabelledFieldTagHelper
{
    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem>? Items { get; set; }

    /// <summary>Text of an empty first option, e.g. "Choose a force".</summary>
    [HtmlAttributeName("empty-text")]
    public string? EmptyText { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var choices = Items is null ? ModelStateFields.ItemsFor(For.ModelExplorer.ModelType) : ModelStateFields.ItemsFrom(Items);
        var items = new List<SelectItem?>();
        if (EmptyText is not null)
        {
            items.Add(new SelectItem { Value = string.Empty, Text = EmptyText });
        }

        items.AddRange(choices.Select(c => new SelectItem { Value = c.Value, Text = c.Text, Disabled = c.Disabled }));
        Replace(output, GovUkHtml.Select(new SelectOptions
        {
            Id = FieldId,
            Name = FieldName,
            Items = items,
            Value = ModelStateFields.Value(ViewContext, FieldName, For.Model),
            Label = LabelOptions,
            Hint = HintOptions,
            ErrorMessage = ErrorMessage,
            Classes = Classes,
            Attributes = ModelStateFields.UnboundAttributes(output),
        }));
    }
}

/// <summary><c>&lt;govuk-radios for="Kind" legend="…" /&gt;</c>; items come from an enum or bool property, or from <c>items</c>.</summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkRadiosTagHelper : GovUkFieldsetTagHelper
{
    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem>? Items { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Replace(output, GovUkHtml.Radios(new RadiosOptions
        {
            IdPrefix = FieldId,
            Name = FieldName,
            Items = Items is null ? ModelStateFields.ItemsFor(For.ModelExplorer.ModelType) : ModelStateFields.ItemsFrom(Items),
            Value = ModelStateFields.Value(ViewContext, FieldName, For.Model),
            Fieldset = FieldsetOptions,
            Hint = HintOptions,
            ErrorMessage = ErrorMessage,
            Classes = Classes,
            Attributes = ModelStateFields.UnboundAttributes(output),
        }));
    }
}

/// <summary><c>&lt;govuk-checkboxes for="Conditions" legend="…" /&gt;</c> for a collection property; items as for radios.</summary>
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkCheckboxesTagHelper : GovUkFieldsetTagHelper
{
    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem>? Items { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Replace(output, GovUkHtml.Checkboxes(new CheckboxesOptions
        {
            IdPrefix = FieldId,
            Name = FieldName,
            Items = Items is null ? ModelStateFields.ItemsFor(For.ModelExplorer.ModelType) : ModelStateFields.ItemsFrom(Items),
            Values = ModelStateFields.Values(ViewContext, FieldName, For.Model),
            Fieldset = FieldsetOptions,
            Hint = HintOptions,
            ErrorMessage = ErrorMessage,
            Classes = Classes,
            Attributes = ModelStateFields.UnboundAttributes(output),
        }));
    }
}
