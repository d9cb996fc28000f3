using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;

namespace StalkingProtection.Core.Orders;

public sealed record ConditionAsAt(Guid Id, int Sequence, ConditionType Type, ConditionCategory Category, string Wording, ConditionScope Scope,
    string? LocalityText, DateOnly? LastDay, string? MapReference = null);

public sealed record ObligationAsAt(Guid Id, NotificationTrigger Trigger, DateOnly TriggerDate, DateOnly DueBy, ObligationStatus Status, string OffenceCode);

public sealed record OrderAsAt(Guid OrderId, DateOnly Date, OrderKind Kind, OrderStatus Status, int? ConditionSetNumber,
    IReadOnlyList<ConditionAsAt> ConditionsInForce, IReadOnlyList<ObligationAsAt> Obligations);

/// <summary>Read-only answers about orders as they stood on any date.</summary>
public sealed class OrderStatusQueries(StalkingProtectionDbContext db)
{
    /// <summary>An order's status, the terms in force and the state of the respondent's notification duties at the end of <paramref name="date"/>.</summary>
    public async Task<OrderAsAt?> GetAsAtAsync(Guid orderId, DateOnly date, CancellationToken ct = default) =>
        (await ReadAsync(orderId, date, ct))?.AsAt;

    /// <summary>
    /// The order itself with its <see cref="GetAsAtAsync"/> answer, reading the order, its condition sets and conditions, then
    /// its duties (P1, P2: four statements whatever the number of conditions; split, because on SQLite a single query for the
    /// order and its terms materialises every condition of every order). The conditions' protected people are not part of
    /// the answer and are not read.
    /// </summary>
    public async Task<(StalkingProtectionOrder Order, OrderAsAt AsAt)?> ReadAsync(Guid orderId, DateOnly date, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await ReadOrderAsync(orderId, date, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<(StalkingProtectionOrder Order, OrderAsAt AsAt)?> ReadOrderAsync(Guid orderId, DateOnly date, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().IgnoreAutoIncludes()
            .Include(o => o.ConditionSets).ThenInclude(s => s.Conditions)
            .SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            return null;
        }

        var obligations = await db.NotificationObligations.AsNoTracking()
            .Where(o => o.OrderId == orderId && o.TriggerDate <= date)
            .OrderBy(o => o.TriggerDate)
            .ToListAsync(ct);
        return (order, AsAt(order, obligations, date));
    }

    /// <summary>
    /// Each order's version of its terms on <paramref name="date"/> (SPA 2019 s.4, R21), as a query to read in the database:
    /// the condition set with the highest number effective by then, as <see cref="StalkingProtectionOrder.ConditionSetOn"/> reads a loaded order.
    /// </summary>
    public IQueryable<ConditionSet> ConditionSetsOn(DateOnly date)
    {
        var sets = db.Set<ConditionSet>().AsNoTracking().IgnoreAutoIncludes();
        return sets.Where(s => s.EffectiveFrom <= date && !sets.Any(later => later.OrderId == s.OrderId && later.EffectiveFrom <= date && later.Number > s.Number));
    }

    /// <summary>The answer for one loaded order and its duties triggered on or before <paramref name="date"/>.</summary>
    private static OrderAsAt AsAt(StalkingProtectionOrder order, IEnumerable<NotificationObligation> obligations, DateOnly date) =>
        new(order.Id, date, order.Kind, order.StatusOn(date), order.ConditionSetOn(date)?.Number,
            order.ConditionsInForceOn(date)
                .OrderBy(c => c.Sequence)
                .Select(c => new ConditionAsAt(c.Id, c.Sequence, c.Type, c.Category, c.Wording, c.Scope, c.LocalityText, c.LastDay(order.LastInForceDay), c.MapReference))
                .ToList(),
            obligations.Select(o => new ObligationAsAt(o.Id, o.Trigger, o.TriggerDate, o.DueBy, o.StatusOn(date) ?? ObligationStatus.Open, o.OffenceCode)).ToList());

    /// <summary>
    /// Interim and full orders in force on <paramref name="date"/>, counted by the database through the (made_date,
    /// last_in_force_day, ended_on) index. An order is in force from the day it is made to its last day, unless it ended earlier
    /// (ended_on is the first day it was not in force).
    /// </summary>
    public Task<int> LiveOrderCountAsync(DateOnly date, CancellationToken ct = default) =>
        InForceOn(date).CountAsync(ct);

    public async Task<(int Interim, int Full)> LiveOrderCountByKindAsync(DateOnly date, CancellationToken ct = default)
    {
        var counts = await InForceOn(date).GroupBy(o => o.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return (counts.SingleOrDefault(c => c.Key == OrderKind.Interim)?.Count ?? 0, counts.SingleOrDefault(c => c.Key == OrderKind.Full)?.Count ?? 0);
    }

    private IQueryable<StalkingProtectionOrder> InForceOn(DateOnly date) =>
        db.Orders.IgnoreAutoIncludes().AsNoTracking().InForceOn(date);
}

public static class OrderQueryExtensions
{
    /// <summary>
    /// Orders in force on <paramref name="date"/>: made by then, last day not passed, not ended (ended_on is the first
    /// day not in force). The (made_date, last_in_force_day, ended_on) index answers it.
    /// </summary>
    public static IQueryable<StalkingProtectionOrder> InForceOn(this IQueryable<StalkingProtectionOrder> orders, DateOnly date) =>
        orders.Where(o => o.MadeOn <= date
            && (o.LastInForceDay == null || o.LastInForceDay >= date)
            && (o.EndedOn == null || o.EndedOn > date));
}
