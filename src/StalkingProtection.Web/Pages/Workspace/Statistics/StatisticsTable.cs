using System.Globalization;
using System.Text;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Statistics;

namespace StalkingProtection.Web.Pages.Workspace.Statistics;

public sealed record StatisticsSection(string Key, string Title, IReadOnlyList<(string Label, int Count)> Rows);

/// <summary>The words for a statistics return, shared by the page and its CSV download so the two always agree.</summary>
public static class StatisticsTable
{
    private static readonly CultureInfo _uk = CultureInfo.GetCultureInfo("en-GB");

    public static string Text(ApplicationType type) => type switch
    {
        ApplicationType.Full => "Full order",
        ApplicationType.Interim => "Interim order",
        ApplicationType.Variation => "Variation",
        ApplicationType.Renewal => "Renewal",
        _ => "Discharge",
    };

    public static string Text(ApplicationOutcome outcome) => outcome switch
    {
        ApplicationOutcome.Granted => "Granted",
        ApplicationOutcome.Refused => "Refused or dismissed",
        ApplicationOutcome.Withdrawn => "Withdrawn",
        _ => "Not yet decided (including adjourned)",
    };

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", _uk);

    public static IReadOnlyList<StatisticsSection> Sections(StatisticsReturn r) =>
    [
        new("orders-made", "Orders made in the period",
        [
            ("Interim orders", r.OrdersMadeByKind[OrderKind.Interim]),
            ("Full orders", r.OrdersMadeByKind[OrderKind.Full]),
            .. r.OrdersMadeByOrigin.Select(o => ("Made on " + Text(o.Key), o.Value)),
        ]),
        new("duration", "Full orders made in the period, by length", r.FullOrdersByDuration.Select(d => (Text(d.Key), d.Value)).ToList()),
        new("live", $"Orders in force on {Date(r.Period.To)}",
        [
            ("Interim orders", r.LiveOnLastDay[OrderKind.Interim]),
            ("Full orders", r.LiveOnLastDay[OrderKind.Full]),
            ("All orders", r.LiveOnLastDay.Values.Sum()),
        ]),
        new("breaches", "Breaches with an incident in the period, by outcome", r.BreachesByOutcome.Select(b => (Text(b.Key), b.Value)).ToList()),
        new("notifications", "Notification duties falling due in the period, by state today", r.ObligationsByState.Select(o => (Text(o.Key), o.Value)).ToList()),
        new("appeals", "Appeals against decisions made in the period, by outcome", r.AppealsByOutcome.Select(a => (a.Key.ToString(), a.Value)).ToList()),
        new("cases", "Cases and SPO decisions",
        [
            ("Stalking cases opened", r.CasesOpened),
            ("Decisions to apply for an order", r.SpoDecisions[SpoDecisionOutcome.Apply]),
            ("Decisions not to apply for an order", r.SpoDecisions[SpoDecisionOutcome.DoNotApply]),
        ]),
    ];

    /// <summary>One row per figure: section, measure, count. Every cell is fixed wording or a number, never user input.</summary>
    public static string Csv(StatisticsReturn r)
    {
        var csv = new StringBuilder();
        csv.Append("Section,Measure,Count\r\n");
        csv.Append(Row("Period", "From", r.Period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        csv.Append(Row("Period", "To", r.Period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        foreach (var (type, outcomes) in r.Applications)
        {
            csv.Append(Row("Applications made in the period", $"{Text(type)}: made", r.ApplicationsMade(type).ToString(CultureInfo.InvariantCulture)));
            foreach (var (outcome, count) in outcomes)
            {
                csv.Append(Row("Applications made in the period", $"{Text(type)}: {Text(outcome).ToLowerInvariant()}", count.ToString(CultureInfo.InvariantCulture)));
            }
        }

        foreach (var section in Sections(r))
        {
            foreach (var (label, count) in section.Rows)
            {
                csv.Append(Row(section.Title, label, count.ToString(CultureInfo.InvariantCulture)));
            }
        }

        return csv.ToString();
    }

    private static string Row(string section, string measure, string value) => $"{Quote(section)},{Quote(measure)},{value}\r\n";

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Text(OrderOrigin origin) => origin switch
    {
        OrderOrigin.PoliceApplicationMagistrates => "a police application to a magistrates' court",
        OrderOrigin.PoliceApplicationYouthCourt => "a police application to a youth court",
        OrderOrigin.CourtOnConviction => "conviction, by the court itself",
        OrderOrigin.CourtOnAcquittal => "acquittal, by the court itself",
        _ => "appeal, by the Crown Court",
    };

    private static string Text(DurationBand band) => band switch
    {
        DurationBand.TwoYears => "2 years (the minimum)",
        DurationBand.TwoToFiveYears => "More than 2 years, up to 5 years",
        DurationBand.FiveToTenYears => "More than 5 years, up to 10 years",
        DurationBand.OverTenYears => "More than 10 years",
        _ => "Until further order",
    };

    private static string Text(BreachOutcome outcome) => outcome switch
    {
        BreachOutcome.UnderInvestigation => "Under investigation",
        BreachOutcome.NoFurtherAction => "No further action",
        BreachOutcome.ReasonableExcuseAccepted => "Reasonable excuse accepted",
        _ => outcome.ToString(),
    };

    private static string Text(ObligationState state) => state switch
    {
        ObligationState.NotYetDue => "Not yet due",
        _ => state.ToString(),
    };
}
