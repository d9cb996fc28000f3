using System.Text;
using Microsoft.AspNetCore.Html;
using static StalkingProtection.Web.Infrastructure.GovUk.Components.HtmlText;

namespace StalkingProtection.Web.Infrastructure.GovUk.Components;

public sealed record ErrorSummaryItem
{
    public string? Href { get; init; }

    public string? Text { get; init; }

    public string? Html { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public sealed record ErrorSummaryOptions
{
    public string? TitleText { get; init; }

    public string? TitleHtml { get; init; }

    public string? DescriptionText { get; init; }

    public string? DescriptionHtml { get; init; }

    public IReadOnlyList<ErrorSummaryItem>? ErrorList { get; init; }

    public bool? DisableAutoFocus { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public static partial class GovUkHtml
{
    public static IHtmlContent ErrorSummary(ErrorSummaryOptions options) => new HtmlString(ErrorSummaryHtml(options));

    internal static string ErrorSummaryHtml(ErrorSummaryOptions options)
    {
        var builder = new StringBuilder();
        builder.Append("<div class=\"").Append(Classes("govuk-error-summary", options.Classes)).Append('"')
            .Append(options.DisableAutoFocus is { } disable ? Attribute("data-disable-auto-focus", disable ? "true" : "false") : string.Empty)
            .Append(Attributes(options.Attributes)).Append(" data-module=\"govuk-error-summary\">\n")
            .Append("<div role=\"alert\">\n<h2 class=\"govuk-error-summary__title\">\n")
            .Append(Content(options.TitleHtml, options.TitleText))
            .Append("\n</h2>\n<div class=\"govuk-error-summary__body\">\n");

        if (HasContent(options.DescriptionHtml, options.DescriptionText))
        {
            builder.Append("<p>\n").Append(Content(options.DescriptionHtml, options.DescriptionText)).Append("\n</p>\n");
        }

        if (options.ErrorList is { Count: > 0 })
        {
            builder.Append("<ul class=\"govuk-list govuk-error-summary__list\">\n");
            foreach (var item in options.ErrorList)
            {
                builder.Append("<li>\n");
                builder.Append(string.IsNullOrEmpty(item.Href)
                    ? Content(item.Html, item.Text)
                    : "<a" + Attribute("href", item.Href) + Attributes(item.Attributes) + ">" + Content(item.Html, item.Text) + "</a>");
                builder.Append("\n</li>\n");
            }

            builder.Append("</ul>\n");
        }

        builder.Append("</div>\n</div>\n</div>");
        return builder.ToString();
    }
}
