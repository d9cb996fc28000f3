using System.Globalization;
using System.Text;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Statistics;

namespace StalkingProtection.Web.Pages.Workspace.Statistics;

public sealed record StatisticsSection(string Key, string Title, IReadOnlyList<(string Label, int Count)> Rows);

public sealed record StatisticsMedian(string Key, string Label, DaysMedian Median);

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

    public static string Month(MonthFigures month) => new DateOnly(month.Year, month.Month, 1).ToString("MMMM yyyy", _uk);

    /// <summary>The smallest number a Freedom of Information answer gives exactly; anything below it could point to a person.</summary>
    public const int FoiThreshold = 5;

    public const string FoiSuppressed = "fewer than 5";

    /// <summary>A count as shown: exact, or in a Freedom of Information answer "fewer than 5" when it is below 5.</summary>
    public static string Show(int count, bool foi) =>
        foi && count < FoiThreshold ? FoiSuppressed : count.ToString("N0", _uk);

    /// <summary>A median in days; in a Freedom of Information answer not given when it rests on fewer than 5 records.</summary>
    public static string Show(DaysMedian median, bool foi) => median.Days switch
    {
        null => "No records",
        _ when foi && median.Count < FoiThreshold => "Not given (" + FoiSuppressed + " records)",
        { } days => days.ToString("0.#", _uk) + (days == 1 ? " day" : " days"),
    };

    public static IReadOnlyList<StatisticsMedian> Medians(StatisticsReturn r) =>
    [
        new("report-to-decision", "From report to the decision whether to apply for an order", r.ReportToDecision),
        new("decision-to-application", "From the decision to apply to the application", r.DecisionToApplication),
        new("application-to-order", "From the application to the order", r.ApplicationToOrder),
    ];

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
        new("order-changes", "Variations, renewals and discharges decided in the period", r.OrderChangesByType.Select(c => (Text(c.Key), c.Value)).ToList()),
        new("notification-offences", "Notification offences (SPA 2019 s.11) committed in the period, by outcome",
            r.NotificationOffencesByOutcome.Select(o => (Text(o.Key), o.Value)).ToList()),
    ];

    /// <summary>
    /// One row per figure: section, measure, count. Every cell is fixed wording, a team's name or a number, never free text
    /// from a record. In a Freedom of Information answer counts below 5 read "fewer than 5".
    /// </summary>
    public static string Csv(StatisticsReturn r, bool foi = false)
    {
        var csv = new StringBuilder();
        csv.Append("Section,Measure,Count\r\n");
        csv.Append(Row("Period", "From", r.Period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        csv.Append(Row("Period", "To", r.Period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        foreach (var (type, outcomes) in r.Applications)
        {
            csv.Append(Row("Applications made in the period", $"{Text(type)}: made", Cell(r.ApplicationsMade(type), foi)));
            foreach (var (outcome, count) in outcomes)
            {
                csv.Append(Row("Applications made in the period", $"{Text(type)}: {Text(outcome).ToLowerInvariant()}", Cell(count, foi)));
            }
        }

        foreach (var section in Sections(r))
        {
            foreach (var (label, count) in section.Rows)
            {
                csv.Append(Row(section.Title, label, Cell(count, foi)));
            }
        }

        foreach (var median in Medians(r))
        {
            var days = median.Median.Days is not { } d || (foi && median.Median.Count < FoiThreshold) ? "" : d.ToString("0.#", CultureInfo.InvariantCulture);
            csv.Append(Row("Median days", median.Label, days));
            csv.Append(Row("Median days", median.Label + ": records", Cell(median.Median.Count, foi)));
        }

        foreach (var month in r.ByMonth)
        {
            var name = Month(month);
            csv.Append(Row("By month", $"{name}: stalking cases opened", Cell(month.CasesOpened, foi)));
            csv.Append(Row("By month", $"{name}: applications made", Cell(month.ApplicationsMade, foi)));
            csv.Append(Row("By month", $"{name}: orders made", Cell(month.OrdersMade, foi)));
            csv.Append(Row("By month", $"{name}: breaches", Cell(month.Breaches, foi)));
        }

        foreach (var team in r.ByTeam)
        {
            csv.Append(Row("By team", $"{team.Team}: stalking cases opened", Cell(team.CasesOpened, foi)));
            csv.Append(Row("By team", $"{team.Team}: applications made", Cell(team.ApplicationsMade, foi)));
            csv.Append(Row("By team", $"{team.Team}: orders made", Cell(team.OrdersMade, foi)));
            csv.Append(Row("By team", $"{team.Team}: orders in force on {Date(r.Period.To)}", Cell(team.LiveOnLastDay, foi)));
        }

        return csv.ToString();
    }

    private static string Cell(int count, bool foi) =>
        foi && count < FoiThreshold ? Quote(FoiSuppressed) : count.ToString(CultureInfo.InvariantCulture);

    private static string Row(string section, string measure, string value) => $"{Quote(section)},{Quote(measure)},{value}\r\n";

    // A team's name is typed by an administrator, so it is guarded against being run as a formula as the register export is.
    private static string Quote(string value) => "\"" + Core.Import.TrackerExport.Guard(value).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

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

    private static string Text(OrderChangeType type) => type switch
    {
        OrderChangeType.Variation => "Variations",
        OrderChangeType.Renewal => "Renewals",
        _ => "Discharges",
    };

    private static string Text(NotificationOffenceOutcome outcome) => outcome switch
    {
        NotificationOffenceOutcome.UnderInvestigation => "Under investigation",
        NotificationOffenceOutcome.NoFurtherAction => "No further action",
        NotificationOffenceOutcome.ReasonableExcuseAccepted => "Reasonable excuse accepted",
        _ => outcome.ToString(),
    };

    private static string Text(ObligationState state) => state switch
    {
        ObligationState.NotYetDue => "Not yet due",
        _ => state.ToString(),
    };
}
