using Microsoft.AspNetCore.Html;
using static StalkingProtection.Web.Infrastructure.GovUk.Components.HtmlText;

namespace StalkingProtection.Web.Infrastructure.GovUk.Components;

public sealed record BackLinkOptions
{
    public string? Href { get; init; }

    public string? Text { get; init; }

    public string? Html { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public sealed record SkipLinkOptions
{
    public string? Href { get; init; }

    public string? Text { get; init; }

    public string? Html { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public sealed record ExitThisPageOptions
{
    public string? Id { get; init; }

    public string? Text { get; init; }

    public string? Html { get; init; }

    public string? RedirectUrl { get; init; }

    public string? ActivatedText { get; init; }

    public string? TimedOutText { get; init; }

    public string? PressTwoMoreTimesText { get; init; }

    public string? PressOneMoreTimeText { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public static partial class GovUkHtml
{
    public const string DefaultExitThisPageUrl = "https://www.bbc.co.uk/weather";

    public static IHtmlContent BackLink(BackLinkOptions options) => new HtmlString(BackLinkHtml(options));

    public static IHtmlContent SkipLink(SkipLinkOptions options) => new HtmlString(SkipLinkHtml(options));

    public static IHtmlContent ExitThisPage(ExitThisPageOptions options) => new HtmlString(ExitThisPageHtml(options));

    internal static string BackLinkHtml(BackLinkOptions options) =>
        "<a" + Attribute("href", string.IsNullOrEmpty(options.Href) ? "#" : options.Href) + " class=\"" + Classes("govuk-back-link", options.Classes) + "\""
        + Attributes(options.Attributes) + ">"
        + (!string.IsNullOrEmpty(options.Html) ? options.Html : Encode(string.IsNullOrEmpty(options.Text) ? "Back" : options.Text))
        + "</a>";

    internal static string SkipLinkHtml(SkipLinkOptions options) =>
        "<a" + Attribute("href", string.IsNullOrEmpty(options.Href) ? "#content" : options.Href) + " class=\"" + Classes("govuk-skip-link", options.Classes) + "\""
        + Attributes(options.Attributes) + " data-module=\"govuk-skip-link\">"
        + (!string.IsNullOrEmpty(options.Html) ? options.Html : Encode(options.Text))
        + "</a>";

    internal static string ExitThisPageHtml(ExitThisPageOptions options)
    {
        var hasContent = HasContent(options.Html, options.Text);
        return "<div" + AttributeIfNotEmpty("id", options.Id) + " class=\"" + Classes("govuk-exit-this-page", options.Classes) + "\" data-module=\"govuk-exit-this-page\""
            + Attributes(options.Attributes)
            + AttributeIfNotEmpty("data-i18n.activated", options.ActivatedText)
            + AttributeIfNotEmpty("data-i18n.timed-out", options.TimedOutText)
            + AttributeIfNotEmpty("data-i18n.press-two-more-times", options.PressTwoMoreTimesText)
            + AttributeIfNotEmpty("data-i18n.press-one-more-time", options.PressOneMoreTimeText)
            + ">\n"
            + ButtonHtml(new ButtonOptions
            {
                Html = hasContent ? options.Html : "<span class=\"govuk-visually-hidden\">Emergency</span> Exit this page",
                Text = options.Text,
                Classes = "govuk-button--warning govuk-exit-this-page__button govuk-js-exit-this-page-button",
                Href = string.IsNullOrEmpty(options.RedirectUrl) ? DefaultExitThisPageUrl : options.RedirectUrl,
                Attributes = new Dictionary<string, string?> { ["rel"] = "nofollow noreferrer" },
            })
            + "\n</div>";
    }
}
