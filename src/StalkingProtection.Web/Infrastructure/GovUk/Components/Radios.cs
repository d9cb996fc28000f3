using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;
using static StalkingProtection.Web.Infrastructure.GovUk.Components.HtmlText;

namespace StalkingProtection.Web.Infrastructure.GovUk.Components;

public sealed record RadiosOptions
{
    public string? IdPrefix { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<ChoiceItem?>? Items { get; init; }

    public string? Value { get; init; }

    public FieldsetOptions? Fieldset { get; init; }

    public HintOptions? Hint { get; init; }

    public ErrorMessageOptions? ErrorMessage { get; init; }

    public FormGroupOptions? FormGroup { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public static partial class GovUkHtml
{
    public static IHtmlContent Radios(RadiosOptions options) => new HtmlString(RadiosHtml(options));

    internal static string RadiosHtml(RadiosOptions options)
    {
        var idPrefix = string.IsNullOrEmpty(options.IdPrefix) ? options.Name ?? string.Empty : options.IdPrefix;
        var describedBy = options.Fieldset?.DescribedBy;
        var hasError = options.ErrorMessage is not null;

        var inner = new StringBuilder();
        if (options.Hint is not null)
        {
            describedBy = JoinIds(describedBy, idPrefix + "-hint");
            inner.Append(HintOrEmpty(options.Hint, idPrefix + "-hint"));
        }

        if (hasError)
        {
            describedBy = JoinIds(describedBy, idPrefix + "-error");
            inner.Append(ErrorOrEmpty(options.ErrorMessage, idPrefix + "-error"));
        }

        inner.Append("<div class=\"").Append(Classes("govuk-radios", options.Classes)).Append('"')
            .Append(Attributes(options.Attributes)).Append(" data-module=\"govuk-radios\">\n")
            .Append(ContentOrEmpty(options.FormGroup?.BeforeInputs));

        var index = 0;
        foreach (var item in options.Items ?? [])
        {
            index++;
            if (item is null)
            {
                continue;
            }

            // The first item has no number suffix so that the error summary can link to it.
            var itemId = string.IsNullOrEmpty(item.Id) ? idPrefix + (index > 1 ? "-" + index.ToString(CultureInfo.InvariantCulture) : string.Empty) : item.Id;
            if (!string.IsNullOrEmpty(item.Divider))
            {
                inner.Append("<div class=\"govuk-radios__divider\">").Append(Encode(item.Divider)).Append("</div>\n");
                continue;
            }

            var isChecked = item.Checked == true
                || (item.Checked != false && !string.IsNullOrEmpty(options.Value) && item.Value == options.Value);
            // Radios take neither a per-item name nor a behaviour, whatever the item says.
            inner.Append(ChoiceItemHtml("radios", "radio", item with { Behaviour = null }, itemId, options.Name, isChecked, itemDescribedBy: null));
        }

        inner.Append(ContentOrEmpty(options.FormGroup?.AfterInputs)).Append("</div>");
        return ChoiceGroupHtml(options.FormGroup, hasError, options.Fieldset, describedBy, inner.ToString(), role: null);
    }

    internal static string ChoiceItemHtml(string module, string type, ChoiceItem item, string itemId, string? name, bool isChecked, string? itemDescribedBy)
    {
        var conditionalId = "conditional-" + itemId;
        var hasHint = item.Hint is not null && HasContent(item.Hint.Html, item.Hint.Text);
        var itemHintId = itemId + "-item-hint";
        var hasConditional = !string.IsNullOrEmpty(item.Conditional?.Html);
        var describedBy = hasHint ? JoinIds(itemDescribedBy, itemHintId) : itemDescribedBy;

        var builder = new StringBuilder();
        builder.Append("<div class=\"govuk-").Append(module).Append("__item\">\n")
            .Append("<input class=\"govuk-").Append(module).Append("__input\"").Append(Attribute("id", itemId))
            .Append(Attribute("name", name ?? string.Empty)).Append(Attribute("type", type)).Append(Attribute("value", item.Value ?? string.Empty))
            .Append(isChecked ? " checked" : string.Empty)
            .Append(item.Disabled == true ? " disabled" : string.Empty)
            .Append(hasConditional ? Attribute("data-aria-controls", conditionalId) : string.Empty)
            .Append(AttributeIfNotEmpty("data-behaviour", item.Behaviour))
            .Append(AttributeIfNotEmpty("aria-describedby", describedBy))
            .Append(Attributes(item.Attributes)).Append(">\n");

        var label = LabelHtml(new LabelOptions
        {
            Html = item.Html,
            Text = item.Text,
            Classes = Classes("govuk-" + module + "__label", item.Label?.Classes),
            Attributes = item.Label?.Attributes,
            For = itemId,
        });
        if (label.Length > 0)
        {
            builder.Append(label).Append('\n');
        }

        if (hasHint)
        {
            builder.Append(HintHtml(new HintOptions
            {
                Id = itemHintId,
                Classes = Classes("govuk-" + module + "__hint", item.Hint!.Classes),
                Attributes = item.Hint.Attributes,
                Html = item.Hint.Html,
                Text = item.Hint.Text,
            })).Append('\n');
        }

        builder.Append("</div>\n");
        if (hasConditional)
        {
            builder.Append("<div class=\"").Append(Classes("govuk-" + module + "__conditional", isChecked ? null : "govuk-" + module + "__conditional--hidden"))
                .Append('"').Append(Attribute("id", conditionalId)).Append(">\n")
                .Append(item.Conditional!.Html!.Trim()).Append("\n</div>\n");
        }

        return builder.ToString();
    }

    internal static string ChoiceGroupHtml(FormGroupOptions? formGroup, bool hasError, FieldsetOptions? fieldset, string? describedBy, string innerHtml, string? role)
    {
        var content = fieldset is null
            ? innerHtml
            : FieldsetHtml(new FieldsetOptions
            {
                DescribedBy = describedBy,
                Classes = fieldset.Classes,
                Role = role,
                Attributes = fieldset.Attributes,
                Legend = fieldset.Legend,
                Html = innerHtml,
            });
        return FormGroupStart(formGroup, hasError) + content + "\n</div>";
    }
}
