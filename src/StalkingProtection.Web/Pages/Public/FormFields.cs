using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace StalkingProtection.Web.Pages.Public;

/// <summary>One radio or checkbox; <paramref name="Conditional"/> is revealed when it is chosen.</summary>
public sealed record Choice(string Value, string Text, string? Hint = null, bool Exclusive = false, IHtmlContent? Conditional = null);

/// <summary>
/// A radios or checkboxes question for the cases the <c>govuk-radios</c>/<c>govuk-checkboxes</c> tag helpers do not
/// cover (a conditional reveal, an exclusive "none" item); drawn by _Choices.cshtml.
/// </summary>
public sealed record ChoiceField(
    string Name,
    string Legend,
    IReadOnlyList<Choice> Choices,
    IReadOnlyCollection<string> Selected,
    bool Multiple = false,
    string? Hint = null,
    bool LegendIsHeading = true,
    bool Inline = false);

public static class FormFieldExtensions
{
    public static string? ErrorFor(this ModelStateDictionary modelState, string name) =>
        modelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>Reads a radio or checkbox value by its enum name only (not by number).</summary>
    public static bool TryParseName<T>(string? value, out T result)
        where T : struct, Enum
    {
        result = default;
        return value is not null && Enum.GetNames<T>().Contains(value, StringComparer.Ordinal) && Enum.TryParse(value, out result);
    }

    /// <summary>Checks a free-text answer: required or not, and no longer than the stored column; returns it trimmed.</summary>
    public static string? CheckText(this ModelStateDictionary modelState, string key, string? value, int maxLength, string? emptyMessage, string tooLongMessage)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (emptyMessage is not null)
            {
                modelState.AddModelError(key, emptyMessage);
            }

            return null;
        }

        if (trimmed.Length > maxLength)
        {
            modelState.AddModelError(key, tooLongMessage);
        }

        return trimmed;
    }

    public static string ToHtml(IHtmlContent content)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
