using System.Text;
using Microsoft.AspNetCore.Html;
using static StalkingProtection.Web.Infrastructure.GovUk.Components.HtmlText;

namespace StalkingProtection.Web.Infrastructure.GovUk.Components;

public sealed record TagOptions
{
    public string? Text { get; init; }

    public string? Html { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public sealed record NotificationBannerOptions
{
    public string? Text { get; init; }

    public string? Html { get; init; }

    public string? TitleText { get; init; }

    public string? TitleHtml { get; init; }

    public int? TitleHeadingLevel { get; init; }

    public string? Type { get; init; }

    public string? Role { get; init; }

    public string? TitleId { get; init; }

    public bool? DisableAutoFocus { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public sealed record PhaseBannerOptions
{
    public string? Text { get; init; }

    public string? Html { get; init; }

    public TagOptions? Tag { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public sealed record BannerAction
{
    public string? Text { get; init; }

    public string? Type { get; init; }

    public string? Href { get; init; }

    public string? Name { get; init; }

    public string? Value { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public sealed record CookieBannerMessage
{
    public string? HeadingText { get; init; }

    public string? HeadingHtml { get; init; }

    public string? Text { get; init; }

    public string? Html { get; init; }

    public IReadOnlyList<BannerAction>? Actions { get; init; }

    public bool? Hidden { get; init; }

    public string? Role { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public sealed record CookieBannerOptions
{
    public string? AriaLabel { get; init; }

    public bool? Hidden { get; init; }

    public IReadOnlyList<CookieBannerMessage>? Messages { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public static partial class GovUkHtml
{
    public static IHtmlContent Tag(TagOptions options) => new HtmlString(TagHtml(options));

    public static IHtmlContent NotificationBanner(NotificationBannerOptions options) => new HtmlString(NotificationBannerHtml(options));

    public static IHtmlContent PhaseBanner(PhaseBannerOptions options) => new HtmlString(PhaseBannerHtml(options));

    public static IHtmlContent CookieBanner(CookieBannerOptions options) => new HtmlString(CookieBannerHtml(options));

    internal static string TagHtml(TagOptions options) =>
        "<strong class=\"" + Classes("govuk-tag", options.Classes) + "\"" + Attributes(options.Attributes) + ">\n"
        + Content(options.Html, options.Text) + "\n</strong>";

    internal static string NotificationBannerHtml(NotificationBannerOptions options)
    {
        var isSuccess = options.Type == "success";
        var role = !string.IsNullOrEmpty(options.Role) ? options.Role : isSuccess ? "alert" : "region";
        var title = !string.IsNullOrEmpty(options.TitleHtml) ? options.TitleHtml
            : !string.IsNullOrEmpty(options.TitleText) ? Encode(options.TitleText)
            : isSuccess ? "Success" : "Important";
        var titleId = string.IsNullOrEmpty(options.TitleId) ? "govuk-notification-banner-title" : options.TitleId;
        var level = HeadingLevel(options.TitleHeadingLevel, 2);

        var builder = new StringBuilder();
        builder.Append("<div class=\"").Append(Classes("govuk-notification-banner", isSuccess ? "govuk-notification-banner--success" : null, options.Classes)).Append('"')
            .Append(Attribute("role", role)).Append(Attribute("aria-labelledby", titleId)).Append(" data-module=\"govuk-notification-banner\"")
            .Append(options.DisableAutoFocus is { } disable ? Attribute("data-disable-auto-focus", disable ? "true" : "false") : string.Empty)
            .Append(Attributes(options.Attributes)).Append(">\n")
            .Append("<div class=\"govuk-notification-banner__header\">\n")
            .Append("<h").Append(level).Append(" class=\"govuk-notification-banner__title\"").Append(Attribute("id", titleId)).Append(">\n")
            .Append(title).Append("\n</h").Append(level).Append(">\n</div>\n")
            .Append("<div class=\"govuk-notification-banner__content\">\n");
        if (!string.IsNullOrEmpty(options.Html))
        {
            builder.Append(options.Html.Trim()).Append('\n');
        }
        else if (!string.IsNullOrEmpty(options.Text))
        {
            builder.Append("<p class=\"govuk-notification-banner__heading\">\n").Append(Encode(options.Text.Trim())).Append("\n</p>\n");
        }

        builder.Append("</div>\n</div>");
        return builder.ToString();
    }

    internal static string PhaseBannerHtml(PhaseBannerOptions options) =>
        "<div class=\"" + Classes("govuk-phase-banner govuk-width-container", options.Classes) + "\"" + Attributes(options.Attributes) + ">\n"
        + "<p class=\"govuk-phase-banner__content\">\n"
        + TagHtml(new TagOptions
        {
            Text = options.Tag?.Text,
            Html = options.Tag?.Html,
            Classes = Classes("govuk-phase-banner__content__tag", options.Tag?.Classes),
        })
        + "\n<span class=\"govuk-phase-banner__text\">\n" + Content(options.Html, options.Text) + "\n</span>\n</p>\n</div>";

    internal static string CookieBannerHtml(CookieBannerOptions options)
    {
        var builder = new StringBuilder();
        builder.Append("<div class=\"").Append(Classes("govuk-cookie-banner", options.Classes)).Append("\" data-nosnippet role=\"region\"")
            .Append(Attribute("aria-label", string.IsNullOrEmpty(options.AriaLabel) ? "Cookie banner" : options.AriaLabel))
            .Append(options.Hidden == true ? " hidden" : string.Empty)
            .Append(Attributes(options.Attributes)).Append(">\n");
        foreach (var message in options.Messages ?? [])
        {
            builder.Append("<div class=\"").Append(Classes("govuk-cookie-banner__message", message.Classes, "govuk-width-container")).Append('"')
                .Append(AttributeIfNotEmpty("role", message.Role))
                .Append(Attributes(message.Attributes))
                .Append(message.Hidden == true ? " hidden" : string.Empty).Append(">\n")
                .Append("<div class=\"govuk-grid-row\">\n<div class=\"govuk-grid-column-two-thirds\">\n");
            if (HasContent(message.HeadingHtml, message.HeadingText))
            {
                builder.Append("<h2 class=\"govuk-cookie-banner__heading govuk-heading-m\">\n")
                    .Append(Content(message.HeadingHtml, message.HeadingText)).Append("\n</h2>\n");
            }

            builder.Append("<div class=\"govuk-cookie-banner__content\">\n");
            if (!string.IsNullOrEmpty(message.Html))
            {
                builder.Append(message.Html.Trim()).Append('\n');
            }
            else if (!string.IsNullOrEmpty(message.Text))
            {
                builder.Append("<p class=\"govuk-body\">").Append(Encode(message.Text)).Append("</p>\n");
            }

            builder.Append("</div>\n</div>\n</div>\n");
            if (message.Actions is not null)
            {
                builder.Append("<div class=\"govuk-button-group\">\n");
                foreach (var action in message.Actions)
                {
                    builder.Append(BannerActionHtml(action, buttonClasses: action.Classes, linkClasses: "govuk-link")).Append('\n');
                }

                builder.Append("</div>\n");
            }

            builder.Append("</div>\n");
        }

        builder.Append("</div>");
        return builder.ToString();
    }

    internal static string BannerActionHtml(BannerAction action, string? buttonClasses, string linkClasses)
    {
        if (string.IsNullOrEmpty(action.Href) || action.Type == "button")
        {
            return ButtonHtml(new ButtonOptions
            {
                Text = action.Text,
                Type = string.IsNullOrEmpty(action.Type) ? "button" : action.Type,
                Name = action.Name,
                Value = action.Value,
                Classes = buttonClasses,
                Href = action.Href,
                Attributes = action.Attributes,
            });
        }

        return "<a class=\"" + Classes(linkClasses, action.Classes) + "\"" + Attribute("href", action.Href) + Attributes(action.Attributes) + ">"
            + Encode(action.Text) + "</a>";
    }
}
