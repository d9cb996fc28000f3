using System.Text;
using Microsoft.AspNetCore.Html;
using static StalkingProtection.Web.Infrastructure.GovUk.Components.HtmlText;

namespace StalkingProtection.Web.Infrastructure.GovUk.Components;

public sealed record SummaryListCellOptions
{
    public string? Text { get; init; }

    public string? Html { get; init; }

    public string? Classes { get; init; }
}

public sealed record SummaryListAction
{
    public string? Href { get; init; }

    public string? Text { get; init; }

    public string? Html { get; init; }

    public string? VisuallyHiddenText { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public sealed record SummaryListActions
{
    public IReadOnlyList<SummaryListAction>? Items { get; init; }

    public string? Classes { get; init; }
}

public sealed record SummaryListRow
{
    public SummaryListCellOptions? Key { get; init; }

    public SummaryListCellOptions? Value { get; init; }

    public SummaryListActions? Actions { get; init; }

    public string? Classes { get; init; }
}

public sealed record SummaryCardTitle
{
    public string? Text { get; init; }

    public string? Html { get; init; }

    public int? HeadingLevel { get; init; }

    public string? Classes { get; init; }
}

public sealed record SummaryCardOptions
{
    public SummaryCardTitle? Title { get; init; }

    public SummaryListActions? Actions { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public sealed record SummaryListOptions
{
    public IReadOnlyList<SummaryListRow?>? Rows { get; init; }

    public SummaryCardOptions? Card { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public static partial class GovUkHtml
{
    public static IHtmlContent SummaryList(SummaryListOptions options) => new HtmlString(SummaryListHtml(options));

    internal static string SummaryListHtml(SummaryListOptions options)
    {
        var rows = options.Rows ?? [];
        var anyRowHasActions = rows.Any(r => r?.Actions?.Items is { Count: > 0 });
        var cardTitle = options.Card?.Title;

        var list = new StringBuilder();
        list.Append("<dl class=\"").Append(Classes("govuk-summary-list", options.Classes)).Append('"')
            .Append(Attributes(options.Attributes)).Append(">\n");
        foreach (var row in rows)
        {
            if (row is null)
            {
                continue;
            }

            var actionItems = row.Actions?.Items;
            list.Append("<div class=\"").Append(Classes(
                    "govuk-summary-list__row",
                    anyRowHasActions && actionItems is null ? "govuk-summary-list__row--no-actions" : null,
                    row.Classes)).Append("\">\n")
                .Append("<dt class=\"").Append(Classes("govuk-summary-list__key", row.Key?.Classes)).Append("\">\n")
                .Append(Content(row.Key?.Html, row.Key?.Text)).Append("\n</dt>\n")
                .Append("<dd class=\"").Append(Classes("govuk-summary-list__value", row.Value?.Classes)).Append("\">\n")
                .Append(Content(row.Value?.Html, row.Value?.Text)).Append("\n</dd>\n");

            if (actionItems is { Count: > 0 })
            {
                list.Append("<dd class=\"").Append(Classes("govuk-summary-list__actions", row.Actions!.Classes)).Append("\">\n");
                if (actionItems.Count == 1)
                {
                    list.Append(ActionLinkHtml(actionItems[0], cardTitle)).Append('\n');
                }
                else
                {
                    list.Append("<ul class=\"govuk-summary-list__actions-list\">\n");
                    foreach (var action in actionItems)
                    {
                        list.Append("<li class=\"govuk-summary-list__actions-list-item\">\n").Append(ActionLinkHtml(action, cardTitle)).Append("\n</li>\n");
                    }

                    list.Append("</ul>\n");
                }

                list.Append("</dd>\n");
            }

            list.Append("</div>\n");
        }

        list.Append("</dl>");
        return options.Card is null ? list.ToString() : SummaryCardHtml(options.Card, list.ToString());
    }

    private static string SummaryCardHtml(SummaryCardOptions card, string content)
    {
        var builder = new StringBuilder();
        builder.Append("<div class=\"").Append(Classes("govuk-summary-card", card.Classes)).Append('"')
            .Append(Attributes(card.Attributes)).Append(">\n<div class=\"govuk-summary-card__title-wrapper\">\n");
        if (card.Title is not null)
        {
            var level = HeadingLevel(card.Title.HeadingLevel, 2);
            builder.Append("<h").Append(level).Append(" class=\"").Append(Classes("govuk-summary-card__title", card.Title.Classes)).Append("\">\n")
                .Append(Content(card.Title.Html, card.Title.Text)).Append("\n</h").Append(level).Append(">\n");
        }

        var actions = card.Actions?.Items;
        if (actions is { Count: 1 })
        {
            builder.Append("<div class=\"").Append(Classes("govuk-summary-card__actions", card.Actions!.Classes)).Append("\">\n")
                .Append(ActionLinkHtml(actions[0], card.Title)).Append("\n</div>\n");
        }
        else if (actions is { Count: > 1 })
        {
            builder.Append("<ul class=\"").Append(Classes("govuk-summary-card__actions", card.Actions!.Classes)).Append("\">\n");
            foreach (var action in actions)
            {
                builder.Append("<li class=\"govuk-summary-card__action\">\n").Append(ActionLinkHtml(action, card.Title)).Append("\n</li>\n");
            }

            builder.Append("</ul>\n");
        }

        builder.Append("</div>\n<div class=\"govuk-summary-card__content\">\n").Append(content).Append("\n</div>\n</div>");
        return builder.ToString();
    }

    private static string ActionLinkHtml(SummaryListAction action, SummaryCardTitle? cardTitle)
    {
        var builder = new StringBuilder();
        builder.Append("<a class=\"").Append(Classes("govuk-link", action.Classes)).Append('"').Append(Attribute("href", action.Href ?? string.Empty))
            .Append(Attributes(action.Attributes)).Append('>')
            .Append(string.IsNullOrEmpty(action.Html) ? Encode(action.Text) : action.Html);
        if (!string.IsNullOrEmpty(action.VisuallyHiddenText) || cardTitle is not null)
        {
            builder.Append("<span class=\"govuk-visually-hidden\">");
            if (!string.IsNullOrEmpty(action.VisuallyHiddenText))
            {
                builder.Append(' ').Append(Encode(action.VisuallyHiddenText));
            }

            if (cardTitle is not null)
            {
                builder.Append(" (").Append(string.IsNullOrEmpty(cardTitle.Html) ? Encode(cardTitle.Text) : cardTitle.Html).Append(')');
            }

            builder.Append("</span>");
        }

        builder.Append("</a>");
        return builder.ToString();
    }

    internal static string HeadingLevel(int? level, int defaultLevel) =>
        (level is { } value && value != 0 ? value : defaultLevel).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
