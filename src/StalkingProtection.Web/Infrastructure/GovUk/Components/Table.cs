using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;
using static StalkingProtection.Web.Infrastructure.GovUk.Components.HtmlText;

namespace StalkingProtection.Web.Infrastructure.GovUk.Components;

public sealed record TableCell
{
    public string? Text { get; init; }

    public string? Html { get; init; }

    public string? Format { get; init; }

    public int? Colspan { get; init; }

    public int? Rowspan { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public sealed record TableOptions
{
    public IReadOnlyList<IReadOnlyList<TableCell>?>? Rows { get; init; }

    public IReadOnlyList<TableCell>? Head { get; init; }

    public string? Caption { get; init; }

    public string? CaptionClasses { get; init; }

    public bool? FirstCellIsHeader { get; init; }

    public string? Classes { get; init; }

    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }
}

public static partial class GovUkHtml
{
    public static IHtmlContent Table(TableOptions options) => new HtmlString(TableHtml(options));

    internal static string TableHtml(TableOptions options)
    {
        var builder = new StringBuilder();
        builder.Append("<table class=\"").Append(Classes("govuk-table", options.Classes)).Append('"').Append(Attributes(options.Attributes)).Append(">\n");
        if (!string.IsNullOrEmpty(options.Caption))
        {
            builder.Append("<caption class=\"").Append(Classes("govuk-table__caption", options.CaptionClasses)).Append("\">")
                .Append(Encode(options.Caption)).Append("</caption>\n");
        }

        if (options.Head is not null)
        {
            builder.Append("<thead class=\"govuk-table__head\">\n<tr class=\"govuk-table__row\">\n");
            foreach (var item in options.Head)
            {
                builder.Append("<th scope=\"col\" class=\"")
                    .Append(Classes("govuk-table__header", string.IsNullOrEmpty(item.Format) ? null : "govuk-table__header--" + item.Format, item.Classes))
                    .Append('"').Append(SpanAttributes(item)).Append(Attributes(item.Attributes)).Append('>')
                    .Append(CellContent(item)).Append("</th>\n");
            }

            builder.Append("</tr>\n</thead>\n");
        }

        builder.Append("<tbody class=\"govuk-table__body\">\n");
        foreach (var row in options.Rows ?? [])
        {
            if (row is null)
            {
                continue;
            }

            builder.Append("<tr class=\"govuk-table__row\">\n");
            for (var i = 0; i < row.Count; i++)
            {
                var cell = row[i];
                var attributes = SpanAttributes(cell) + Attributes(cell.Attributes);
                if (i == 0 && options.FirstCellIsHeader == true)
                {
                    builder.Append("<th scope=\"row\" class=\"").Append(Classes("govuk-table__header", cell.Classes)).Append('"')
                        .Append(attributes).Append('>').Append(CellContent(cell)).Append("</th>\n");
                }
                else
                {
                    builder.Append("<td class=\"")
                        .Append(Classes("govuk-table__cell", string.IsNullOrEmpty(cell.Format) ? null : "govuk-table__cell--" + cell.Format, cell.Classes))
                        .Append('"').Append(attributes).Append('>').Append(CellContent(cell)).Append("</td>\n");
                }
            }

            builder.Append("</tr>\n");
        }

        builder.Append("</tbody>\n</table>");
        return builder.ToString();
    }

    private static string CellContent(TableCell cell) => string.IsNullOrEmpty(cell.Html) ? Encode(cell.Text) : cell.Html;

    private static string SpanAttributes(TableCell cell) =>
        (cell.Colspan is { } colspan && colspan != 0 ? Attribute("colspan", colspan.ToString(CultureInfo.InvariantCulture)) : string.Empty)
        + (cell.Rowspan is { } rowspan && rowspan != 0 ? Attribute("rowspan", rowspan.ToString(CultureInfo.InvariantCulture)) : string.Empty);
}
