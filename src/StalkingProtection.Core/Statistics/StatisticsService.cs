using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Statistics;

/// <summary>A reporting period of whole London days, first and last day included.</summary>
public sealed record StatisticsPeriod(DateOnly From, DateOnly To);

public enum ApplicationOutcome
{
    Granted,
    Refused,
    Withdrawn,
    Pending,
}

/// <summary>
/// How long a full order was made for, from the day it was made to its last day as it stands now (after any renewal).
/// SPA 2019 s.3(2), R14: a fixed period is at least 2 years, so the first band is the statutory minimum.
/// </summary>
public enum DurationBand
{
    TwoYears,
    TwoToFiveYears,
    FiveToTenYears,
    OverTenYears,
    UntilFurtherOrder,
}

public enum ObligationState
{
    Met,
    Overdue,
    Excused,
    NotYetDue,
}

/// <summary>
/// The figures of a statistics or FOI return: counts only, never a name or a record (an analyst sees only aggregates).
/// Every enum value has an entry, so a zero is a zero rather than a missing row.
/// </summary>
public sealed record StatisticsReturn(
    StatisticsPeriod Period,
    IReadOnlyDictionary<ApplicationType, IReadOnlyDictionary<ApplicationOutcome, int>> Applications,
    IReadOnlyDictionary<OrderKind, int> OrdersMadeByKind,
    IReadOnlyDictionary<OrderOrigin, int> OrdersMadeByOrigin,
    IReadOnlyDictionary<DurationBand, int> FullOrdersByDuration,
    IReadOnlyDictionary<OrderKind, int> LiveOnLastDay,
    IReadOnlyDictionary<BreachOutcome, int> BreachesByOutcome,
    IReadOnlyDictionary<ObligationState, int> ObligationsByState,
    IReadOnlyDictionary<AppealOutcome, int> AppealsByOutcome,
    int CasesOpened,
    IReadOnlyDictionary<SpoDecisionOutcome, int> SpoDecisions,
    IReadOnlyDictionary<OrderChangeType, int> OrderChangesByType,
    IReadOnlyDictionary<NotificationOffenceOutcome, int> NotificationOffencesByOutcome,
    DaysMedian ReportToDecision,
    DaysMedian DecisionToApplication,
    DaysMedian ApplicationToOrder,
    IReadOnlyList<MonthFigures> ByMonth,
    IReadOnlyList<TeamFigures> ByTeam)
{
    public int ApplicationsMade(ApplicationType type) => Applications[type].Values.Sum();
}

/// <summary>The median number of days between two steps, over <paramref name="Count"/> records; none when there are none.</summary>
public sealed record DaysMedian(int Count, decimal? Days)
{
    public static DaysMedian Of(IEnumerable<int> days) =>
        Of(days.GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count()));

    /// <summary>The median of records counted by how many days each took.</summary>
    public static DaysMedian Of(IReadOnlyDictionary<int, int> recordsByDays)
    {
        ArgumentNullException.ThrowIfNull(recordsByDays);
        var count = recordsByDays.Values.Sum();
        if (count == 0)
        {
            return new DaysMedian(0, null);
        }

        // The records at positions count / 2 (and count / 2 - 1 for an even count), counting from 0 in order of days.
        int? lower = null;
        var seen = 0;
        foreach (var (days, records) in recordsByDays.Where(r => r.Value > 0).OrderBy(r => r.Key))
        {
            seen += records;
            if (lower is null && seen > (count - 1) / 2)
            {
                lower = days;
            }

            if (seen > count / 2)
            {
                return new DaysMedian(count, (lower!.Value + days) / 2m);
            }
        }

        throw new InvalidOperationException("A median was sought past the last record.");
    }
}

/// <summary>One calendar month of the period (London dates): cases opened, applications lodged, orders made, breach incidents.</summary>
public sealed record MonthFigures(int Year, int Month, int CasesOpened, int ApplicationsMade, int OrdersMade, int Breaches);

/// <summary>One team's share of the period: cases opened, applications lodged and orders made, and its orders in force on the last day.</summary>
public sealed record TeamFigures(string Team, int CasesOpened, int ApplicationsMade, int OrdersMade, int LiveOnLastDay);

/// <summary>
/// Statistics and FOI returns for any period (P4: the stored tallies of the whole months that have ended, unchanged since
/// they were stored, and for every other day one grouped count per table on an indexed date column, never loading
/// entities; ADR 0012). What each figure counts:
/// applications lodged in the period, by type and outcome so far; orders made in the period, by kind, by origin (R43)
/// and, for full orders, by duration; orders in force on the period's last day; breaches whose incident fell in the
/// period; notification duties falling due in the period, by state today; appeals against decisions made in the period;
/// cases opened in the period (London days); SPO decisions recorded in the period; variations, renewals and discharges
/// decided in the period; notification offences (SPA 2019 s.11) committed in the period, by outcome; the median days from
/// report to SPO decision (decisions in the period), from the decision to apply to the main application (applications
/// lodged in the period) and from application to order (orders made in the period); the period month by month and team by
/// team (the case's team).
/// </summary>
public sealed class StatisticsService(StalkingProtectionDbContext db, AuditLog auditLog)
{
    public async Task<StatisticsReturn> GetAsync(StatisticsPeriod period, DateOnly today, Actor actor, string format, CancellationToken ct = default)
    {
        new RuleCheck()
            .Must(period.From <= period.To, "Input", "from", "The start of the period must be the same as or before its end", "")
            .Must(period.To <= today, "Input", "to", "The end of the period must be today or in the past", "")
            .ThrowIfBroken();

        var result = await QueryAsync(period, today, ct);

        // A consultation like any other read (DPA 2018 s.62), although the return holds no personal data.
        await auditLog.RecordConsultationAsync(actor, AuditEvents.Statistics.Viewed.For(null,
            newValues: new { from = period.From, to = period.To, format }), ct);
        return result;
    }

    private async Task<StatisticsReturn> QueryAsync(StatisticsPeriod period, DateOnly today, CancellationToken ct)
    {
        var (from, to) = (period.From, period.To);
        var tally = new StatisticsTally();

        // Whole months stored and changed by nothing since are read as stored; every other day of the period, and of the time
        // before it for the orders in force on its last day, is counted from the records (P4).
        var stored = await StatisticsMonthStore.ReadCleanAsync(db, StatisticsMonthChanges.MonthOf(to), ct);
        var plan = StatisticsPlan.For(from, to, stored.Keys);
        foreach (var month in plan.StoredWhole)
        {
            tally.Add(stored[month], StatisticsPart.Everything);
        }

        foreach (var month in plan.StoredBefore)
        {
            tally.Add(stored[month], StatisticsPart.StartsAndEnds);
        }

        foreach (var range in plan.Counted)
        {
            tally.Add(await StatisticsCounts.CountAsync(db, range.From, range.To, today, range.Part, ct), range.Part, range.Sign);
        }

        return ReturnOf(period, tally);
    }

    private static StatisticsReturn ReturnOf(StatisticsPeriod period, StatisticsTally tally)
    {
        var (from, to) = (period.From, period.To);

        // In force on the last day: started by then, less ended by then (SPA 2019 s.5).
        var live = new Dictionary<string, int>(tally.Starts);
        foreach (var (key, ended) in tally.Ends)
        {
            live[key] = live.GetValueOrDefault(key) - ended;
        }

        var liveByKindAndTeam = live.Where(l => l.Value != 0).Select(l =>
        {
            var slash = l.Key.IndexOf('/', StringComparison.Ordinal);
            return (Kind: Enum.Parse<OrderKind>(l.Key[..slash]), Team: l.Key[(slash + 1)..], Count: l.Value);
        }).ToList();

        var months = new List<MonthFigures>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var counts = tally.Months.GetValueOrDefault(StatisticsTally.MonthKey(month)) ?? new StatisticsTally.MonthCounts(0, 0, 0, 0);
            months.Add(new MonthFigures(month.Year, month.Month, counts.CasesOpened, counts.ApplicationsMade, counts.OrdersMade, counts.Breaches));
        }

        var teams = tally.Teams.Where(t => t.Value != new StatisticsTally.TeamCounts(0, 0, 0)).Select(t => t.Key).Concat(liveByKindAndTeam.Where(l => l.Count > 0).Select(l => l.Team))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(team =>
            {
                var counts = tally.Teams.GetValueOrDefault(team) ?? new StatisticsTally.TeamCounts(0, 0, 0);
                return new TeamFigures(team, counts.CasesOpened, counts.ApplicationsMade, counts.OrdersMade,
                    liveByKindAndTeam.Where(l => l.Team == team).Sum(l => l.Count));
            })
            .ToList();

        return new StatisticsReturn(
            period,
            Enum.GetValues<ApplicationType>().ToDictionary(t => t, t => (IReadOnlyDictionary<ApplicationOutcome, int>)Enum.GetValues<ApplicationOutcome>()
                .ToDictionary(o => o, o => tally.Applications.GetValueOrDefault(StatisticsTally.Key(t, o)))),
            Complete(tally.OrdersByKind),
            Complete(tally.OrdersByOrigin),
            Complete(tally.FullOrdersByDuration),
            Complete(liveByKindAndTeam.GroupBy(l => l.Kind).ToDictionary(g => g.Key, g => g.Sum(l => l.Count))),
            Complete(tally.Breaches),
            Complete(tally.Obligations),
            Complete(tally.Appeals),
            months.Sum(m => m.CasesOpened),
            Complete(tally.Decisions),
            Complete(tally.OrderChanges),
            Complete(tally.NotificationOffences),
            DaysMedian.Of(tally.ReportToDecision),
            DaysMedian.Of(tally.DecisionToApplication),
            DaysMedian.Of(tally.ApplicationToOrder),
            months,
            teams);
    }

    private static IReadOnlyDictionary<TKey, int> Complete<TKey>(Dictionary<TKey, int> counts)
        where TKey : struct, Enum =>
        Enum.GetValues<TKey>().ToDictionary(k => k, k => counts.GetValueOrDefault(k));

    internal static ApplicationOutcome OutcomeOf(ApplicationStatus status, Determination? determination) => (status, determination) switch
    {
        (_, Determination.Granted) => ApplicationOutcome.Granted,
        (_, Determination.Refused or Determination.Dismissed) => ApplicationOutcome.Refused,
        (ApplicationStatus.Withdrawn, _) or (_, Determination.Withdrawn) => ApplicationOutcome.Withdrawn,
        _ => ApplicationOutcome.Pending,
    };

    internal static ObligationState StateOf(ObligationStatus status, bool pastDue) => status switch
    {
        ObligationStatus.Met => ObligationState.Met,
        ObligationStatus.Excused => ObligationState.Excused,
        ObligationStatus.Overdue => ObligationState.Overdue,
        _ => pastDue ? ObligationState.Overdue : ObligationState.NotYetDue,
    };
}
