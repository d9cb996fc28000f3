using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Razor.TagHelpers;
using StalkingProtection.Web.Infrastructure.GovUk.Components;

namespace StalkingProtection.Web.Infrastructure.GovUk.TagHelpers;

/// <summary>
/// <c>&lt;govuk-date-input for="DateOfBirth" legend="Date of birth" hint="For example, 27 3 2007" /&gt;</c> for a
/// <c>DateOnly</c> or <c>DateOnly?</c> bound by <see cref="DateInputModelBinder"/>. Names and ids follow <see cref="DateInputNames"/>.
/// </summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkDateInputTagHelper : GovUkFieldsetTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = FieldName;
        var id = FieldId;
        var date = For.Model as DateOnly?;
        Replace(output, GovUkHtml.DateInput(new DateInputOptions
        {
            Id = id,
            Items =
            [
                Part(DateInputNames.Day(name), DateInputNames.DayId(id), "Day", date?.Day, "govuk-input--width-2"),
                Part(DateInputNames.Month(name), id + "-month", "Month", date?.Month, "govuk-input--width-2"),
                Part(DateInputNames.Year(name), id + "-year", "Year", date?.Year, "govuk-input--width-4"),
            ],
            Fieldset = FieldsetOptions,
            Hint = HintOptions,
            ErrorMessage = ErrorMessage,
            Classes = Classes,
            Attributes = ModelStateFields.UnboundAttributes(output),
        }));
    }

    private DateInputItem Part(string name, string id, string label, int? modelValue, string widthClass)
    {
        var modelState = ViewContext.ViewData.ModelState;
        var posted = modelState.TryGetValue(name, out var entry) ? entry : null;
        return new DateInputItem
        {
            Id = id,
            Name = name,
            Label = label,
            Value = posted?.RawValue is not null ? posted.AttemptedValue : modelValue?.ToString(CultureInfo.InvariantCulture),
            Classes = widthClass,

            // The binder marks the wrong parts; if it marked none, the template highlights all three.
            Error = posted?.ValidationState == ModelValidationState.Invalid ? true : null,
        };
    }
}
