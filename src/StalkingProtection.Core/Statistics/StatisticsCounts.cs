using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Statistics;

/// <summary>
/// Counts the statistics of a run of days from the records: one grouped count per table on an indexed date column, never
/// loading entities (P4). What each figure counts is told on <see cref="StatisticsService"/>.
/// </summary>
internal static class StatisticsCounts
{
    /// <summary>The tally of the days <paramref name="from"/> to <paramref name="to"/>, or of the part of it asked for.</summary>
    public static async Task<StatisticsTally> CountAsync(StalkingProtectionDbContext db, DateOnly from, DateOnly to, DateOnly today, StatisticsPart part,
        CancellationToken ct)
    {
        var everything = part != StatisticsPart.StartsAndEnds;
        var tally = new StatisticsTally();
        var orders = db.Orders.IgnoreAutoIncludes().AsNoTracking();
        var cases = db.Cases.AsNoTracking();

        // The orders made, by day, kind and the case's team: the month and team figures and the orders started.
        var made = orders.Where(o => o.MadeOn >= from && o.MadeOn <= to).Join(cases, o => o.CaseId, c => c.Id, (o, c) => new { o.MadeOn, o.Kind, c.Team });
        if (everything)
        {
            foreach (var row in await made.GroupBy(x => new { x.MadeOn, x.Kind, x.Team })
                .Select(g => new { g.Key.MadeOn, g.Key.Kind, g.Key.Team, Count = g.Count() }).ToListAsync(ct))
            {
                StatisticsTally.Count(tally.Starts, StatisticsTally.Key(row.Kind, row.Team), row.Count);
                AddMonth(tally, row.MadeOn, new(0, 0, row.Count, 0));
                AddTeam(tally, row.Team, new(0, 0, row.Count));
            }
        }
        else
        {
            foreach (var row in await made.GroupBy(x => new { x.Kind, x.Team }).Select(g => new { g.Key.Kind, g.Key.Team, Count = g.Count() }).ToListAsync(ct))
            {
                StatisticsTally.Count(tally.Starts, StatisticsTally.Key(row.Kind, row.Team), row.Count);
            }
        }

        if (part != StatisticsPart.AllButStartsAndEnds)
        {
            await CountEndsAsync(tally, orders, cases, from, to, ct);
        }

        if (!everything)
        {
            return tally;
        }

        foreach (var row in await db.Applications.IgnoreAutoIncludes().AsNoTracking()
            .Where(a => a.LodgedOn >= from && a.LodgedOn <= to)
            .GroupBy(a => new { a.Type, a.Status, a.Determination })
            .Select(g => new { g.Key.Type, g.Key.Status, g.Key.Determination, Count = g.Count() })
            .ToListAsync(ct))
        {
            StatisticsTally.Count(tally.Applications, StatisticsTally.Key(row.Type, StatisticsService.OutcomeOf(row.Status, row.Determination)), row.Count);
        }

        foreach (var row in await orders
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
            .ToListAsync(ct))
        {
            StatisticsTally.Count(tally.OrdersByKind, row.Kind, row.Count);
            StatisticsTally.Count(tally.OrdersByOrigin, row.Origin, row.Count);
            if (row.Kind == OrderKind.Full)
            {
                StatisticsTally.Count(tally.FullOrdersByDuration, row.Band, row.Count);
            }
        }

        foreach (var row in await db.Breaches.AsNoTracking()
            .Where(b => b.IncidentOn >= from && b.IncidentOn <= to)
            .GroupBy(b => new { b.IncidentOn, b.Outcome }).Select(g => new { g.Key.IncidentOn, g.Key.Outcome, Count = g.Count() }).ToListAsync(ct))
        {
            StatisticsTally.Count(tally.Breaches, row.Outcome, row.Count);
            AddMonth(tally, row.IncidentOn, new(0, 0, 0, row.Count));
        }

        // R33: an open duty past its day is overdue, whether or not the nightly check has flagged it yet.
        foreach (var row in await db.NotificationObligations.AsNoTracking()
            .Where(o => o.DueBy >= from && o.DueBy <= to)
            .GroupBy(o => new { o.Status, PastDue = o.DueBy < today })
            .Select(g => new { g.Key.Status, g.Key.PastDue, Count = g.Count() }).ToListAsync(ct))
        {
            StatisticsTally.Count(tally.Obligations, StatisticsService.StateOf(row.Status, row.PastDue), row.Count);
        }

        foreach (var row in await db.Appeals.AsNoTracking()
            .Where(a => a.DecisionOn >= from && a.DecisionOn <= to)
            .GroupBy(a => a.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        {
            StatisticsTally.Count(tally.Appeals, row.Key, row.Count);
        }

        foreach (var row in await db.SpoDecisions.AsNoTracking()
            .Where(d => d.DecidedOn >= from && d.DecidedOn <= to)
            .GroupBy(d => d.Decision).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        {
            StatisticsTally.Count(tally.Decisions, row.Key, row.Count);
        }

        foreach (var row in await db.OrderChanges.AsNoTracking()
            .Where(c => c.DecidedOn >= from && c.DecidedOn <= to)
            .GroupBy(c => c.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        {
            StatisticsTally.Count(tally.OrderChanges, row.Key, row.Count);
        }

        foreach (var row in await db.NotificationOffences.AsNoTracking()
            .Where(o => o.OffenceOn >= from && o.OffenceOn <= to)
            .GroupBy(o => o.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        {
            StatisticsTally.Count(tally.NotificationOffences, row.Key, row.Count);
        }

        foreach (var row in await db.SpoDecisions.AsNoTracking()
            .Where(d => d.DecidedOn >= from && d.DecidedOn <= to)
            .Join(cases, d => d.CaseId, c => c.Id, (d, c) => new { d.DecidedOn, c.ReportedOn })
            .GroupBy(x => new { x.DecidedOn, x.ReportedOn }).Select(g => new { g.Key.DecidedOn, g.Key.ReportedOn, Count = g.Count() })
            .ToListAsync(ct))
        {
            StatisticsTally.Count(tally.ReportToDecision, row.DecidedOn.DayNumber - row.ReportedOn.DayNumber, row.Count);
        }

        // The decision that led to a main application is the latest decision to apply made on or before it was lodged.
        foreach (var days in (await db.Applications.IgnoreAutoIncludes().AsNoTracking()
            .Where(a => a.Type == ApplicationType.Full && a.LodgedOn >= from && a.LodgedOn <= to)
            .Join(db.SpoDecisions.Where(d => d.Decision == SpoDecisionOutcome.Apply), a => a.CaseId, d => d.CaseId,
                (a, d) => new { a.Id, LodgedOn = a.LodgedOn!.Value, d.DecidedOn })
            .Where(x => x.DecidedOn <= x.LodgedOn)
            .ToListAsync(ct))
            .GroupBy(x => x.Id)
            .Select(g => g.First().LodgedOn.DayNumber - g.Max(x => x.DecidedOn).DayNumber))
        {
            StatisticsTally.Count(tally.DecisionToApplication, days, 1);
        }

        foreach (var row in await orders
            .Where(o => o.MadeOn >= from && o.MadeOn <= to && o.ApplicationId != null)
            .Join(db.Applications.IgnoreAutoIncludes(), o => o.ApplicationId, a => a.Id, (o, a) => new { o.MadeOn, a.LodgedOn })
            .Where(x => x.LodgedOn != null)
            .GroupBy(x => new { x.MadeOn, x.LodgedOn }).Select(g => new { g.Key.MadeOn, g.Key.LodgedOn, Count = g.Count() })
            .ToListAsync(ct))
        {
            StatisticsTally.Count(tally.ApplicationToOrder, row.MadeOn.DayNumber - row.LodgedOn!.Value.DayNumber, row.Count);
        }

        // Cases are opened at an instant: each is counted on its London day.
        var openedFrom = LondonTime.StartOfDayUtc(from);
        var openedBefore = LondonTime.EndOfDayUtc(to);
        foreach (var row in await cases
            .Where(c => c.OpenedAt >= openedFrom && c.OpenedAt < openedBefore)
            .Select(c => new { c.OpenedAt, c.Team }).ToListAsync(ct))
        {
            AddMonth(tally, LondonTime.DateOf(row.OpenedAt), new(1, 0, 0, 0));
            AddTeam(tally, row.Team, new(1, 0, 0));
        }

        foreach (var row in await db.Applications.IgnoreAutoIncludes().AsNoTracking()
            .Where(a => a.LodgedOn >= from && a.LodgedOn <= to)
            .Join(cases, a => a.CaseId, c => c.Id, (a, c) => new { LodgedOn = a.LodgedOn!.Value, c.Team })
            .GroupBy(x => new { x.LodgedOn, x.Team }).Select(g => new { g.Key.LodgedOn, g.Key.Team, Count = g.Count() }).ToListAsync(ct))
        {
            AddMonth(tally, row.LodgedOn, new(0, row.Count, 0, 0));
            AddTeam(tally, row.Team, new(0, row.Count, 0));
        }

        return tally;
    }

    /// <summary>
    /// The orders that ended in the days: ended by the last, not by the day before the first. Each comparison of a date that may be
    /// empty says so, so that the negation is exact in SQL too. An order that ended in the days has one of its three dates in them
    /// (StatisticsMonthChanges.FirstDayEnded): that condition lets each date's index find them.
    /// </summary>
    private static async Task CountEndsAsync(StatisticsTally tally, IQueryable<StalkingProtectionOrder> orders, IQueryable<StalkingCase> cases,
        DateOnly from, DateOnly to, CancellationToken ct)
    {
        var before = from == DateOnly.MinValue ? from : from.AddDays(-1);
        foreach (var row in await orders
            .Where(o => (o.LastInForceDay != null && o.LastInForceDay >= before && o.LastInForceDay < to)
                || (o.EndedOn != null && o.EndedOn >= from && o.EndedOn <= to)
                || (o.MadeOn >= from && o.MadeOn <= to))
            .Where(o => o.MadeOn <= to && ((o.LastInForceDay != null && o.LastInForceDay < to) || (o.EndedOn != null && o.EndedOn <= to)))
            .Where(o => o.MadeOn > before || ((o.LastInForceDay == null || o.LastInForceDay >= before) && (o.EndedOn == null || o.EndedOn > before)))
            .Join(cases, o => o.CaseId, c => c.Id, (o, c) => new { o.Kind, c.Team })
            .GroupBy(x => new { x.Kind, x.Team }).Select(g => new { g.Key.Kind, g.Key.Team, Count = g.Count() }).ToListAsync(ct))
        {
            StatisticsTally.Count(tally.Ends, StatisticsTally.Key(row.Kind, row.Team), row.Count);
        }
    }

    private static void AddMonth(StatisticsTally tally, DateOnly day, StatisticsTally.MonthCounts counts)
    {
        var key = StatisticsTally.MonthKey(day);
        tally.Months[key] = tally.Months.TryGetValue(key, out var mine) ? mine.Plus(counts) : counts;
    }

    private static void AddTeam(StatisticsTally tally, string team, StatisticsTally.TeamCounts counts) =>
        tally.Teams[team] = tally.Teams.TryGetValue(team, out var mine) ? mine.Plus(counts) : counts;
}
