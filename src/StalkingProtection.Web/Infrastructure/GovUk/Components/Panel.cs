using System.Text;
using Microsoft.AspNetCore.Html;
using static StalkingProtection.Web.Infrastructure.GovUk.Components.HtmlText;

namespace StalkingProtection.Web.Infrastructure.GovUk.Components;

public sealed record PanelActions
{
    public IReadOnlyList<BannerAction>? Items { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public sealed record PanelOptions
{
    public string? TitleText { get; init; }

    public string? TitleHtml { get; init; }

    public int? HeadingLevel { get; init; }

    public string? Text { get; init; }

    public string? Html { get; init; }

    /// <summary>Only rendered for the interruption variant (classes contain "govuk-panel--interruption").</summary>
    public PanelActions? Actions { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public static partial class GovUkHtml
{
    public static IHtmlContent Panel(PanelOptions options) => new HtmlString(PanelHtml(options));

    internal static string PanelHtml(PanelOptions options)
    {
        var isInterruption = options.Classes?.Contains("govuk-panel--interruption", StringComparison.Ordinal) ?? false;
        var level = HeadingLevel(options.HeadingLevel, 1);

        var builder = new StringBuilder();
        builder.Append("<div class=\"").Append(Classes("govuk-panel", isInterruption ? null : "govuk-panel--confirmation", options.Classes)).Append('"')
            .Append(Attributes(options.Attributes)).Append(">\n")
            .Append("<h").Append(level).Append(" class=\"govuk-panel__title\">\n")
            .Append(string.IsNullOrEmpty(options.TitleHtml) ? Encode(options.TitleText) : options.TitleHtml)
            .Append("\n</h").Append(level).Append(">\n");
        if (HasContent(options.Html, options.Text))
        {
            builder.Append("<div class=\"govuk-panel__body\">\n").Append(Content(options.Html, options.Text)).Append("\n</div>\n");
        }

        if (isInterruption && options.Actions is not null)
        {
            builder.Append("<div class=\"").Append(Classes("govuk-panel__actions", options.Actions.Classes)).Append('"')
                .Append(Attributes(options.Actions.Attributes)).Append('>');
            if (options.Actions.Items is { Count: > 0 })
            {
                builder.Append("<div class=\"govuk-button-group\">\n");
                foreach (var action in options.Actions.Items)
                {
                    // Unlike the cookie banner's, panel action buttons take no name or value.
                    builder.Append(BannerActionHtml(action with { Name = null, Value = null }, Classes("govuk-button--inverse", action.Classes), "govuk-link govuk-link--inverse")).Append('\n');
                }

                builder.Append("</div>");
            }

            builder.Append("</div>\n");
        }

        builder.Append("</div>");
        return builder.ToString();
    }
}
