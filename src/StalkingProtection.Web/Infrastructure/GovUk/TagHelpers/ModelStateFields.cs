using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using StalkingProtection.Web.Infrastructure.GovUk.Components;

namespace StalkingProtection.Web.Infrastructure.GovUk.TagHelpers;

internal static class ModelStateFields
{
    public static string Name(ViewContext viewContext, ModelExpression expression) =>
        viewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression.Name);

    // The usual ASP.NET id (dots become underscores); radios and checkboxes use it for their first item.
    public static string Id(string name) => TagBuilder.CreateSanitizedId(name, "_");

    public static ErrorMessageOptions? Error(ViewContext viewContext, string name) =>
        viewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0
            ? new ErrorMessageOptions { Text = ErrorText(entry.Errors[0]) }
            : null;

    public static string ErrorText(ModelError error) =>
        string.IsNullOrEmpty(error.ErrorMessage) ? "Enter a valid value" : error.ErrorMessage;

    public static string? Value(ViewContext viewContext, string name, object? model) =>
        viewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.RawValue is not null
            ? entry.AttemptedValue
            : Format(model);

    public static IReadOnlyList<string> Values(ViewContext viewContext, string name, object? model)
    {
        if (viewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string single => [single],
                IEnumerable<string> many => [.. many],
                _ => [entry.AttemptedValue ?? string.Empty],
            };
        }

        return model is IEnumerable values and not string
            ? [.. values.Cast<object?>().Select(Format).OfType<string>()]
            : Format(model) is { } value ? [value] : [];
    }

    public static string? Format(object? value) => value switch
    {
        null => null,
        bool flag => flag ? "true" : "false",
        Enum member => member.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static IReadOnlyList<ChoiceItem> ItemsFor(Type modelType)
    {
        var type = Nullable.GetUnderlyingType(modelType) ?? modelType;
        if (type == typeof(bool))
        {
            return [new ChoiceItem { Value = "true", Text = "Yes" }, new ChoiceItem { Value = "false", Text = "No" }];
        }

        var enumType = type.IsEnum ? type : ElementType(type);
        if (enumType is null || !enumType.IsEnum)
        {
            throw new InvalidOperationException($"Give items for {modelType.Name}: only enums and bools get their items automatically.");
        }

        return
        [
            .. enumType.GetFields(BindingFlags.Public | BindingFlags.Static).Select(field =>
            {
                var display = field.GetCustomAttribute<DisplayAttribute>();
                var description = display?.GetDescription();
                return new ChoiceItem
                {
                    Value = field.Name,
                    Text = display?.GetName() ?? field.Name,
                    Hint = string.IsNullOrEmpty(description) ? null : new ChoiceItemHintOptions { Text = description },
                };
            }),
        ];
    }

    public static IReadOnlyList<ChoiceItem> ItemsFrom(IEnumerable<SelectListItem> items) =>
        [.. items.Select(i => new ChoiceItem { Value = i.Value, Text = i.Text, Disabled = i.Disabled ? true : null })];

    public static Dictionary<string, string?>? UnboundAttributes(TagHelperOutput output)
    {
        if (output.Attributes.Count == 0)
        {
            return null;
        }

        var attributes = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var attribute in output.Attributes)
        {
            // Razor hands over attribute values as already-encoded HTML; the renderers encode, so decode first.
            attributes[attribute.Name] = attribute.Value switch
            {
                null => null,
                string text => text,
                IHtmlContent html => WebUtility.HtmlDecode(ToHtml(html)),
                var other => other.ToString(),
            };
        }

        return attributes;
    }

    private static string ToHtml(IHtmlContent content)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0] is { } element
            ? Nullable.GetUnderlyingType(element) ?? element
            : null;
}
