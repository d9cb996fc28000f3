using Microsoft.AspNetCore.Html;
using static StalkingProtection.Web.Infrastructure.GovUk.Components.HtmlText;

namespace StalkingProtection.Web.Infrastructure.GovUk.Components;

public sealed record InsetTextOptions
{
    public string? Id { get; init; }

    public string? Text { get; init; }

    public string? Html { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public sealed record WarningTextOptions
{
    public string? Text { get; init; }

    public string? Html { get; init; }

    public string? IconFallbackText { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public sealed record DetailsOptions
{
    public string? Id { get; init; }

    public bool? Open { get; init; }

    public string? SummaryText { get; init; }

    public string? SummaryHtml { get; init; }

    public string? Text { get; init; }

    public string? Html { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public static partial class GovUkHtml
{
    public static IHtmlContent InsetText(InsetTextOptions options) => new HtmlString(InsetTextHtml(options));

    public static IHtmlContent WarningText(WarningTextOptions options) => new HtmlString(WarningTextHtml(options));

    public static IHtmlContent Details(DetailsOptions options) => new HtmlString(DetailsHtml(options));

    internal static string InsetTextHtml(InsetTextOptions options) =>
        "<div" + AttributeIfNotEmpty("id", options.Id) + " class=\"" + Classes("govuk-inset-text", options.Classes) + "\""
        + Attributes(options.Attributes) + ">\n" + Content(options.Html, options.Text) + "\n</div>";

    internal static string WarningTextHtml(WarningTextOptions options) =>
        "<div class=\"" + Classes("govuk-warning-text", options.Classes) + "\"" + Attributes(options.Attributes) + ">\n"
        + "<span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span>\n"
        + "<strong class=\"govuk-warning-text__text\">\n<span class=\"govuk-visually-hidden\">"
        + Encode(string.IsNullOrEmpty(options.IconFallbackText) ? "Warning" : options.IconFallbackText) + "</span>\n"
        + (string.IsNullOrEmpty(options.Html) ? Encode(options.Text) : options.Html) + "\n</strong>\n</div>";

    internal static string DetailsHtml(DetailsOptions options) =>
        "<details" + AttributeIfNotEmpty("id", options.Id) + " class=\"" + Classes("govuk-details", options.Classes) + "\""
        + Attributes(options.Attributes) + (options.Open == true ? " open" : string.Empty) + ">\n"
        + "<summary class=\"govuk-details__summary\">\n<span class=\"govuk-details__summary-text\">\n"
        + Content(options.SummaryHtml, options.SummaryText) + "\n</span>\n</summary>\n"
        + "<div class=\"govuk-details__text\">\n" + (string.IsNullOrEmpty(options.Html) ? Encode(options.Text) : options.Html) + "\n</div>\n</details>";
}
