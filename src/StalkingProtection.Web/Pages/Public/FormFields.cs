using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace StalkingProtection.Web.Pages.Public;

/// <summary>One radio or checkbox; <paramref name="Conditional"/> is revealed when it is chosen.</summary>
public sealed record Choice(string Value, string Text, string? Hint = null, bool Exclusive = false, IHtmlContent? Conditional = null);

/// <summary>A GOV.UK radios or checkboxes question (plain GOV.UK Frontend markup, see _Choices.cshtml).</summary>
public sealed record ChoiceField(
    string Name,
    string Legend,
    IReadOnlyList<Choice> Choices,
    IReadOnlyCollection<string> Selected,
    bool Multiple = false,
    string? Hint = null,
    bool LegendIsHeading = true,
    bool Inline = false);

/// <summary>A GOV.UK text input or, with <paramref name="Rows"/> set, a textarea (see _TextField.cshtml).</summary>
public sealed record TextField(
    string Name,
    string Label,
    string? Value,
    string? Hint = null,
    bool LabelIsHeading = false,
    string Type = "text",
    string Autocomplete = "off",
    string? WidthClass = null,
    int? Rows = null,
    bool Spellcheck = true,
    string? InputMode = null);

public static class FormFieldExtensions
{
    public static string? ErrorFor(this ModelStateDictionary modelState, string name) =>
        modelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>GOV.UK ids: the first item takes the field's own id, so the error summary can link to it.</summary>
    public static string ItemId(string name, int index) => index == 0 ? name : $"{name}-{index + 1}";
}
