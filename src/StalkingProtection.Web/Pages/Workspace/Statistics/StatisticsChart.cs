using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using StalkingProtection.Core.Statistics;

namespace StalkingProtection.Web.Pages.Workspace.Statistics;

/// <summary>
/// A bar chart of applications and orders month by month, drawn on the server as SVG so it needs no script. It is an image
/// with a title and a description that says the figures are in the table beside it; each bar also carries its own title.
/// </summary>
public static class StatisticsChart
{
    private const int BarWidth = 14;
    private const int GroupWidth = 2 * BarWidth + 16;
    private const int PlotHeight = 160;
    private const int Top = 10;
    private const int Left = 36;
    private const int Bottom = 40;
    private const string ApplicationsColour = "#1d70b8";
    private const string OrdersColour = "#0b0c0c";

    public static IHtmlContent Svg(IReadOnlyList<MonthFigures> months, string id)
    {
        var max = Math.Max(1, months.Max(m => Math.Max(m.ApplicationsMade, m.OrdersMade)));
        var width = Left + (months.Count * GroupWidth) + 8;
        var height = Top + PlotHeight + Bottom;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width}\" height=\"{height}\" ")
            .Append(CultureInfo.InvariantCulture, $"viewBox=\"0 0 {width} {height}\" aria-labelledby=\"{id}-title {id}-desc\" data-statistics-chart>")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">Applications made and orders made, month by month</title>")
            .Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">Bar chart of {months.Count} months, from {Encode(StatisticsTable.Month(months[0]))} to {Encode(StatisticsTable.Month(months[^1]))}; the highest month has {max}. The figures are in the table 'By month'.</desc>");

        // The axis: zero and the highest value.
        var baseline = Top + PlotHeight;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{baseline}\" x2=\"{width - 4}\" y2=\"{baseline}\" stroke=\"#505a5f\" stroke-width=\"1\"/>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{baseline + 4}\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">0</text>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Top + 10}\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">{max}</text>");

        for (var i = 0; i < months.Count; i++)
        {
            var month = months[i];
            var x = Left + (i * GroupWidth) + 8;
            var name = StatisticsTable.Month(month);
            Bar(svg, x, month.ApplicationsMade, max, ApplicationsColour, $"{name}: {Plural(month.ApplicationsMade, "application")} made");
            Bar(svg, x + BarWidth, month.OrdersMade, max, OrdersColour, $"{name}: {Plural(month.OrdersMade, "order")} made");
            var label = new DateOnly(month.Year, month.Month, 1).ToString("MMM", CultureInfo.GetCultureInfo("en-GB"));
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + BarWidth}\" y=\"{baseline + 16}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#0b0c0c\" aria-hidden=\"true\">{Encode(label)}</text>");
            if (i == 0 || month.Month == 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + BarWidth}\" y=\"{baseline + 32}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#0b0c0c\" aria-hidden=\"true\">{month.Year}</text>");
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>The key, as HTML text beside the chart, so the colours are explained in words.</summary>
    public static IHtmlContent Key() => new HtmlString(
        "<ul class=\"govuk-list\">"
        + $"<li>{Swatch(ApplicationsColour)} Applications made (left bar)</li>"
        + $"<li>{Swatch(OrdersColour)} Orders made (right bar)</li></ul>");

    // Colour by SVG attribute, not a style attribute, which the content security policy refuses.
    private static string Swatch(string colour) =>
        $"<svg width=\"14\" height=\"14\" aria-hidden=\"true\" focusable=\"false\"><rect width=\"14\" height=\"14\" fill=\"{colour}\"/></svg>";

    private static void Bar(StringBuilder svg, int x, int value, int max, string colour, string title)
    {
        var height = (int)Math.Round(value * (double)PlotHeight / max);
        var y = Top + PlotHeight - height;
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"{BarWidth - 2}\" height=\"{height}\" fill=\"{colour}\"><title>{Encode(title)}</title></rect>");
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
