using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Statistics;

/// <summary>What a refresh of the stored statistics months did.</summary>
public sealed record StatisticsMonthRefresh(int MonthsCounted, int ChangesCleared);

/// <summary>
/// P4: keeps a <see cref="StatisticsMonth"/> for every whole London month from the first record to the last month that has
/// ended, counted again when a <see cref="StatisticsMonthChange"/> names it. Run by <see cref="Jobs.StatisticsMonthsJob"/> on
/// one instance at a time.
/// </summary>
/// <remarks>
/// A change is cleared only if it was read before its month was counted: its records were committed with it, so the count saw
/// them. A change committed while a month is being counted stays, and the month is counted from the records by every return
/// until the next refresh counts it again.
/// </remarks>
public sealed class StatisticsMonthStore(StalkingProtectionDbContext db, TimeProvider timeProvider)
{
    /// <summary>The stored months up to <paramref name="lastMonth"/> that no change names, by their first day.</summary>
    internal static async Task<Dictionary<DateOnly, StatisticsTally>> ReadCleanAsync(StalkingProtectionDbContext db, DateOnly lastMonth, CancellationToken ct)
    {
        // The changes first: a month read as stored after them is at least as new as they say.
        var changed = (await db.Set<StatisticsMonthChange>().AsNoTracking().Where(c => c.Month <= lastMonth).Select(c => c.Month).Distinct().ToListAsync(ct)).ToHashSet();
        var months = await db.Set<StatisticsMonth>().AsNoTracking().Where(m => m.Month <= lastMonth).Select(m => new { m.Month, m.Figures }).ToListAsync(ct);
        return months.Where(m => !changed.Contains(m.Month)).ToDictionary(m => m.Month, m => StatisticsTally.FromJson(m.Figures));
    }

    public async Task<StatisticsMonthRefresh> RefreshAsync(CancellationToken ct = default)
    {
        var today = timeProvider.UkToday;
        var lastEnded = StatisticsMonthChanges.MonthOf(today).AddMonths(-1);
        var changes = db.Set<StatisticsMonthChange>();
        var changed = await changes.AsNoTracking().Where(c => c.Month <= lastEnded).Select(c => c.Month).Distinct().ToListAsync(ct);
        var stored = (await db.Set<StatisticsMonth>().AsNoTracking().Select(m => m.Month).ToListAsync(ct)).ToHashSet();

        var toCount = changed.ToHashSet();
        if (await FirstRecordDayAsync(ct) is { } first)
        {
            for (var month = StatisticsMonthChanges.MonthOf(first); month <= lastEnded; month = month.AddMonths(1))
            {
                if (!stored.Contains(month))
                {
                    toCount.Add(month);
                }
            }
        }

        var (counted, cleared) = (0, 0);
        foreach (var month in toCount.Order())
        {
            // The month's changes read before it is counted: only these are cleared with it.
            var seen = await changes.AsNoTracking().Where(c => c.Month == month).Select(c => c.Id).ToListAsync(ct);
            var tally = await StatisticsCounts.CountAsync(db, month, month.AddMonths(1).AddDays(-1), today, StatisticsPart.Everything, ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var row = await db.Set<StatisticsMonth>().SingleOrDefaultAsync(m => m.Month == month, ct);
            if (row is null)
            {
                db.Add(new StatisticsMonth { Month = month, Figures = tally.ToJson(), CountedAt = timeProvider.GetUtcNow() });
            }
            else
            {
                row.Figures = tally.ToJson();
                row.CountedAt = timeProvider.GetUtcNow();
            }

            await db.SaveChangesAsync(ct);
            foreach (var chunk in seen.Chunk(1_000))
            {
                cleared += await changes.Where(c => c.Month == month && chunk.Contains(c.Id)).ExecuteDeleteAsync(ct);
            }

            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            counted++;
        }

        // A change to a month not yet ended (or to a scheduled last day years ahead) says nothing: that month is not stored, and
        // it is counted whole once it has ended.
        cleared += await changes.Where(c => c.Month > lastEnded).ExecuteDeleteAsync(ct);
        return new StatisticsMonthRefresh(counted, cleared);
    }

    /// <summary>The earliest day any record is counted on, from each date's index.</summary>
    private async Task<DateOnly?> FirstRecordDayAsync(CancellationToken ct)
    {
        DateOnly?[] firsts =
        [
            await db.Orders.IgnoreAutoIncludes().MinAsync(o => (DateOnly?)o.MadeOn, ct),
            await db.Applications.IgnoreAutoIncludes().Where(a => a.LodgedOn != null).MinAsync(a => a.LodgedOn, ct),
            await db.Breaches.MinAsync(b => (DateOnly?)b.IncidentOn, ct),
            await db.NotificationObligations.MinAsync(o => (DateOnly?)o.DueBy, ct),
            await db.Appeals.MinAsync(a => (DateOnly?)a.DecisionOn, ct),
            await db.SpoDecisions.MinAsync(d => (DateOnly?)d.DecidedOn, ct),
            await db.OrderChanges.MinAsync(c => (DateOnly?)c.DecidedOn, ct),
            await db.NotificationOffences.MinAsync(o => (DateOnly?)o.OffenceOn, ct),
            await db.Cases.OrderBy(c => c.OpenedAt).Select(c => (DateTimeOffset?)c.OpenedAt).FirstOrDefaultAsync(ct) is { } opened ? LondonTime.DateOf(opened) : null,
        ];
        return firsts.Where(d => d is not null).Min();
    }
}
