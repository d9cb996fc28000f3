using Microsoft.AspNetCore.Html;
using static StalkingProtection.Web.Infrastructure.GovUk.Components.HtmlText;

namespace StalkingProtection.Web.Infrastructure.GovUk.Components;

public sealed record ButtonOptions
{
    public string? Text { get; init; }

    public string? Html { get; init; }

    public string? Name { get; init; }

    public string? Type { get; init; }

    public string? Value { get; init; }

    public bool? Disabled { get; init; }

    public string? Href { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }

    public bool? PreventDoubleClick { get; init; }

    public bool? IsStartButton { get; init; }

    public string? Id { get; init; }
}

public static partial class GovUkHtml
{
    private const string StartIcon =
        "<svg class=\"govuk-button__start-icon\" xmlns=\"http://www.w3.org/2000/svg\" width=\"17.5\" height=\"19\" viewBox=\"0 0 33 40\" aria-hidden=\"true\" focusable=\"false\">"
        + "<path fill=\"currentColor\" d=\"M0 0h13l20 20-20 20H0l20-20z\"/></svg>";

    public static IHtmlContent Button(ButtonOptions options) => new HtmlString(ButtonHtml(options));

    internal static string ButtonHtml(ButtonOptions options)
    {
        var isStart = options.IsStartButton == true;
        var common = " class=\"" + Classes("govuk-button", options.Classes, isStart ? "govuk-button--start" : null) + "\" data-module=\"govuk-button\""
            + Attributes(options.Attributes) + AttributeIfNotEmpty("id", options.Id);

        // Start buttons use flexbox, which drops whitespace between bare HTML nodes, so HTML content is wrapped.
        var content = !string.IsNullOrEmpty(options.Html) && isStart
            ? "<span>" + options.Html.Trim() + "</span>"
            : Content(options.Html, options.Text);
        var icon = isStart ? StartIcon : string.Empty;

        if (!string.IsNullOrEmpty(options.Href))
        {
            return "<a" + Attribute("href", options.Href) + " role=\"button\" draggable=\"false\"" + common + ">\n" + content + "\n" + icon + "</a>";
        }

        return "<button" + Attribute("type", string.IsNullOrEmpty(options.Type) ? "submit" : options.Type)
            + AttributeIfNotEmpty("value", options.Value)
            + AttributeIfNotEmpty("name", options.Name)
            + (options.Disabled == true ? " disabled aria-disabled=\"true\"" : string.Empty)
            + (options.PreventDoubleClick is { } prevent ? Attribute("data-prevent-double-click", prevent ? "true" : "false") : string.Empty)
            + common + ">\n" + content + "\n" + icon + "</button>";
    }
}
