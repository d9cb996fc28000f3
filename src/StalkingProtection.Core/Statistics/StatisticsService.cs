using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;

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
    public static DaysMedian Of(IEnumerable<int> days)
    {
        var sorted = days.Order().ToList();
        if (sorted.Count == 0)
        {
            return new DaysMedian(0, null);
        }

        var middle = sorted.Count / 2;
        return new DaysMedian(sorted.Count, sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m);
    }
}

/// <summary>One calendar month of the period (London dates): cases opened, applications lodged, orders made, breach incidents.</summary>
public sealed record MonthFigures(int Year, int Month, int CasesOpened, int ApplicationsMade, int OrdersMade, int Breaches);

/// <summary>One team's share of the period: cases opened, applications lodged and orders made, and its orders in force on the last day.</summary>
public sealed record TeamFigures(string Team, int CasesOpened, int ApplicationsMade, int OrdersMade, int LiveOnLastDay);

/// <summary>
/// Statistics and FOI returns for any period (P4: one grouped count per table on an indexed date column, never loading
/// entities). What each figure counts:
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

        var applications = await db.Applications.IgnoreAutoIncludes().AsNoTracking()
            .Where(a => a.LodgedOn >= from && a.LodgedOn <= to)
            .GroupBy(a => new { a.Type, a.Status, a.Determination })
            .Select(g => new { g.Key.Type, g.Key.Status, g.Key.Determination, Count = g.Count() })
            .ToListAsync(ct);

        var orders = await db.Orders.IgnoreAutoIncludes().AsNoTracking()
            .Where(o => o.MadeOn >= from && o.MadeOn <= to)
            .GroupBy(o => new
            {
                o.Kind,
                o.Origin,
                Band = o.DurationType == DurationType.UntilFurtherOrder || o.LastInForceDay == null ? DurationBand.UntilFurtherOrder
                    : o.LastInForceDay <= o.MadeOn.AddYears(2) ? DurationBand.TwoYears
                    : o.LastInForceDay <= o.MadeOn.AddYears(5) ? DurationBand.TwoToFiveYears
                    : o.LastInForceDay <= o.MadeOn.AddYears(10) ? DurationBand.FiveToTenYears
                    : DurationBand.OverTenYears,
            })
            .Select(g => new { g.Key.Kind, g.Key.Origin, g.Key.Band, Count = g.Count() })
            .ToListAsync(ct);

        var live = await db.Orders.IgnoreAutoIncludes().AsNoTracking().InForceOn(to)
            .GroupBy(o => o.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        // Read once, by day and outcome: the outcomes for the period and the days for its months both come from these rows.
        var breachDays = await db.Breaches.AsNoTracking()
            .Where(b => b.IncidentOn >= from && b.IncidentOn <= to)
            .GroupBy(b => new { b.IncidentOn, b.Outcome }).Select(g => new { g.Key.IncidentOn, g.Key.Outcome, Count = g.Count() }).ToListAsync(ct);
        var breaches = breachDays.GroupBy(b => b.Outcome).Select(g => new { g.Key, Count = g.Sum(b => b.Count) }).ToList();

        // R33: an open duty past its day is overdue, whether or not the nightly check has flagged it yet.
        var obligations = await db.NotificationObligations.AsNoTracking()
            .Where(o => o.DueBy >= from && o.DueBy <= to)
            .GroupBy(o => new { o.Status, PastDue = o.DueBy < today })
            .Select(g => new { g.Key.Status, g.Key.PastDue, Count = g.Count() }).ToListAsync(ct);

        var appeals = await db.Appeals.AsNoTracking()
            .Where(a => a.DecisionOn >= from && a.DecisionOn <= to)
            .GroupBy(a => a.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        var openedFrom = LondonTime.StartOfDayUtc(from);
        var openedBefore = LondonTime.EndOfDayUtc(to);

        var decisions = await db.SpoDecisions.AsNoTracking()
            .Where(d => d.DecidedOn >= from && d.DecidedOn <= to)
            .GroupBy(d => d.Decision).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        var changes = await db.OrderChanges.AsNoTracking()
            .Where(c => c.DecidedOn >= from && c.DecidedOn <= to)
            .GroupBy(c => c.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        var offences = await db.NotificationOffences.AsNoTracking()
            .Where(o => o.OffenceOn >= from && o.OffenceOn <= to)
            .GroupBy(o => o.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        var reportToDecision = await db.SpoDecisions.AsNoTracking()
            .Where(d => d.DecidedOn >= from && d.DecidedOn <= to)
            .Join(db.Cases, d => d.CaseId, c => c.Id, (d, c) => new { d.DecidedOn, c.ReportedOn })
            .ToListAsync(ct);

        // The decision that led to a main application is the latest decision to apply made on or before it was lodged.
        var decisionToApplication = (await db.Applications.IgnoreAutoIncludes().AsNoTracking()
            .Where(a => a.Type == ApplicationType.Full && a.LodgedOn >= from && a.LodgedOn <= to)
            .Join(db.SpoDecisions.Where(d => d.Decision == SpoDecisionOutcome.Apply), a => a.CaseId, d => d.CaseId,
                (a, d) => new { a.Id, LodgedOn = a.LodgedOn!.Value, d.DecidedOn })
            .Where(x => x.DecidedOn <= x.LodgedOn)
            .ToListAsync(ct))
            .GroupBy(x => x.Id)
            .Select(g => g.First().LodgedOn.DayNumber - g.Max(x => x.DecidedOn).DayNumber);

        var applicationToOrder = await db.Orders.IgnoreAutoIncludes().AsNoTracking()
            .Where(o => o.MadeOn >= from && o.MadeOn <= to && o.ApplicationId != null)
            .Join(db.Applications.IgnoreAutoIncludes(), o => o.ApplicationId, a => a.Id, (o, a) => new { o.MadeOn, a.LodgedOn })
            .Where(x => x.LodgedOn != null)
            .ToListAsync(ct);

        var openings = await db.Cases.AsNoTracking()
            .Where(c => c.OpenedAt >= openedFrom && c.OpenedAt < openedBefore)
            .Select(c => new { c.OpenedAt, c.Team }).ToListAsync(ct);
        var applicationDays = await db.Applications.IgnoreAutoIncludes().AsNoTracking()
            .Where(a => a.LodgedOn >= from && a.LodgedOn <= to)
            .Join(db.Cases, a => a.CaseId, c => c.Id, (a, c) => new { LodgedOn = a.LodgedOn!.Value, c.Team })
            .GroupBy(x => new { x.LodgedOn, x.Team }).Select(g => new { g.Key.LodgedOn, g.Key.Team, Count = g.Count() }).ToListAsync(ct);
        var orderDays = await db.Orders.IgnoreAutoIncludes().AsNoTracking()
            .Where(o => o.MadeOn >= from && o.MadeOn <= to)
            .Join(db.Cases, o => o.CaseId, c => c.Id, (o, c) => new { o.MadeOn, c.Team })
            .GroupBy(x => new { x.MadeOn, x.Team }).Select(g => new { g.Key.MadeOn, g.Key.Team, Count = g.Count() }).ToListAsync(ct);
        var liveByTeam = await db.Orders.IgnoreAutoIncludes().AsNoTracking().InForceOn(to)
            .Join(db.Cases, o => o.CaseId, c => c.Id, (o, c) => c.Team)
            .GroupBy(t => t).Select(g => new { Team = g.Key, Count = g.Count() }).ToListAsync(ct);

        var openedOn = openings.Select(o => (On: LondonTime.DateOf(o.OpenedAt), o.Team)).ToList();
        var months = new List<MonthFigures>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            bool In(DateOnly day) => day.Year == month.Year && day.Month == month.Month;
            months.Add(new MonthFigures(month.Year, month.Month,
                openedOn.Count(o => In(o.On)),
                applicationDays.Where(a => In(a.LodgedOn)).Sum(a => a.Count),
                orderDays.Where(o => In(o.MadeOn)).Sum(o => o.Count),
                breachDays.Where(b => In(b.IncidentOn)).Sum(b => b.Count)));
        }

        var teams = openedOn.Select(o => o.Team).Concat(applicationDays.Select(a => a.Team)).Concat(orderDays.Select(o => o.Team)).Concat(liveByTeam.Select(l => l.Team))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(team => new TeamFigures(team,
                openedOn.Count(o => o.Team == team),
                applicationDays.Where(a => a.Team == team).Sum(a => a.Count),
                orderDays.Where(o => o.Team == team).Sum(o => o.Count),
                liveByTeam.Where(l => l.Team == team).Sum(l => l.Count)))
            .ToList();

        return new StatisticsReturn(
            period,
            Enum.GetValues<ApplicationType>().ToDictionary(t => t, t => (IReadOnlyDictionary<ApplicationOutcome, int>)Tally(
                applications.Where(a => a.Type == t), a => OutcomeOf(a.Status, a.Determination), a => a.Count)),
            Tally(orders, o => o.Kind, o => o.Count),
            Tally(orders, o => o.Origin, o => o.Count),
            Tally(orders.Where(o => o.Kind == OrderKind.Full), o => o.Band, o => o.Count),
            Tally(live, l => l.Key, l => l.Count),
            Tally(breaches, b => b.Key, b => b.Count),
            Tally(obligations, o => StateOf(o.Status, o.PastDue), o => o.Count),
            Tally(appeals, a => a.Key, a => a.Count),
            openings.Count,
            Tally(decisions, d => d.Key, d => d.Count),
            Tally(changes, c => c.Key, c => c.Count),
            Tally(offences, o => o.Key, o => o.Count),
            DaysMedian.Of(reportToDecision.Select(x => x.DecidedOn.DayNumber - x.ReportedOn.DayNumber)),
            DaysMedian.Of(decisionToApplication),
            DaysMedian.Of(applicationToOrder.Select(x => x.MadeOn.DayNumber - x.LodgedOn!.Value.DayNumber)),
            months,
            teams);
    }

    private static ApplicationOutcome OutcomeOf(ApplicationStatus status, Determination? determination) => (status, determination) switch
    {
        (_, Determination.Granted) => ApplicationOutcome.Granted,
        (_, Determination.Refused or Determination.Dismissed) => ApplicationOutcome.Refused,
        (ApplicationStatus.Withdrawn, _) or (_, Determination.Withdrawn) => ApplicationOutcome.Withdrawn,
        _ => ApplicationOutcome.Pending,
    };

    private static ObligationState StateOf(ObligationStatus status, bool pastDue) => status switch
    {
        ObligationStatus.Met => ObligationState.Met,
        ObligationStatus.Excused => ObligationState.Excused,
        ObligationStatus.Overdue => ObligationState.Overdue,
        _ => pastDue ? ObligationState.Overdue : ObligationState.NotYetDue,
    };

    private static IReadOnlyDictionary<TKey, int> Tally<TRow, TKey>(IEnumerable<TRow> rows, Func<TRow, TKey> key, Func<TRow, int> count)
        where TKey : struct, Enum
    {
        var tally = Enum.GetValues<TKey>().ToDictionary(k => k, _ => 0);
        foreach (var row in rows)
        {
            tally[key(row)] += count(row);
        }

        return tally;
    }
}
