using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Lists;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Tasks;

namespace StalkingProtection.Core.Orders;

/// <summary>
/// P1: the sort keys the orders list reads from the orders table (<see cref="StalkingProtectionOrder.RespondentSortKey"/> and
/// the rest), worked out again from the rows they depend on whenever <see cref="ListKeys"/> notes a change to one of them.
/// </summary>
public static class OrderListKeys
{
    /// <summary>The status key of an order ended early: 3 discharged, 4 quashed, 5 superseded, 6 ceased, times this, plus its day.</summary>
    public const long StatusGroup = 10_000_000;

    /// <summary>One more than the day number of <see cref="DateOnly.MaxValue"/>, so that every day gives a positive offset.</summary>
    public const long AfterLastDayNumber = 3_652_060;

    /// <summary>The kind key of a full order is its status key plus this, greater than any status key; an interim order's is its status key.</summary>
    public const long KindGroup = 10 * StatusGroup;

    /// <summary>The next deadline key of an order with no open task or duty, plus its status key: after every day's number.</summary>
    public const long NoDeadline = 1_000_000_000;

    /// <summary>
    /// The key the status column sorts by, which must not depend on today: an order in force and an expired one differ only by
    /// whether its last day has passed. Orders not ended early share group 1 and sort by last day, latest first and until
    /// further order before any, so that on any day every order still in force comes before every expired one (SPA 2019
    /// s.2(3)-(4)); orders ended early (s.4 discharge, quashed on appeal under s.7(4), superseded by another order, ceased
    /// under s.5(6)(b)) follow in groups 3 to 6, from the day the ending is recorded, each by the day it ended, latest first:
    /// a discharge taking effect on a later day sorts with the discharged orders before that day, and on any day those still
    /// in force come first in their group (<see cref="InForceStatusKeys"/>). The status shown is worked out for today by
    /// <see cref="OrderListRow.StatusOn"/>.
    /// </summary>
    public static long StatusKeyOf(DateOnly? lastInForceDay, DateOnly? endedOn, OrderEnding? ending) =>
        endedOn is { } ended && (lastInForceDay is null || ended <= lastInForceDay)
            ? StatusGroup * (ending == OrderEnding.Discharged ? 3 : ending == OrderEnding.Quashed ? 4 : ending == OrderEnding.Superseded ? 5 : 6)
                + (AfterLastDayNumber - ended.DayNumber)
            : StatusGroup + (lastInForceDay is { } last ? AfterLastDayNumber - last.DayNumber : 0);

    /// <summary>The key the kind column sorts by: interim orders, then full ones, each kind in the order of its status key.</summary>
    public static long KindKeyOf(OrderKind kind, long statusKey) => (kind == OrderKind.Interim ? 0 : KindGroup) + statusKey;

    /// <summary>
    /// The key the next deadline column sorts by: the day number of the earliest open task or notification due (R28 and the
    /// rest), or, for an order with none, <see cref="NoDeadline"/> plus its status key, so that those follow every order with a
    /// deadline and on any day the ones in force come first among them (<see cref="InForceNextDeadlineKeys"/>).
    /// </summary>
    public static long NextDeadlineKeyOf(DateOnly? nextDeadline, long statusKey) => nextDeadline is { } due ? due.DayNumber : NoDeadline + statusKey;

    /// <summary>The day a next deadline key stands for, or null for an order with none.</summary>
    public static DateOnly? NextDeadlineOf(long key) => key < NoDeadline ? DateOnly.FromDayNumber((int)key) : null;

    /// <summary>
    /// P1: the status keys, as ranges, that every order in force on <paramref name="today"/> has (SPA 2019 s.2(3)-(4) and
    /// ss.4-5, 7): in group 1, a last day on or after today or none; in groups 3 to 6, an ending from tomorrow on. A page of the
    /// orders in force reads these ranges of the status index and nothing else, whichever way it is sorted.
    /// </summary>
    public static IReadOnlyList<(long From, long To)> InForceStatusKeys(DateOnly today)
    {
        var fromToday = AfterLastDayNumber - today.DayNumber;
        return [(StatusGroup, StatusGroup + fromToday), .. Enumerable.Range(3, 4).Select(g => (StatusGroup * g, StatusGroup * g + fromToday - 1))];
    }

    /// <summary>
    /// The next deadline keys, as ranges, that every order in force on <paramref name="today"/> has: any deadline (an order in
    /// force or not may have one), or none and a status key of an order in force.
    /// </summary>
    public static IReadOnlyList<(long From, long To)> InForceNextDeadlineKeys(DateOnly today) =>
        [(0, NoDeadline - 1), .. InForceStatusKeys(today).Select(r => (NoDeadline + r.From, NoDeadline + r.To))];

    /// <summary>The kind keys, as ranges, that every order of <paramref name="kinds"/> in force on <paramref name="today"/> has.</summary>
    public static IReadOnlyList<(long From, long To)> InForceKindKeys(DateOnly today, IEnumerable<OrderKind> kinds) =>
        kinds.SelectMany(k => InForceStatusKeys(today).Select(r => (KindKeyOf(k, r.From), KindKeyOf(k, r.To)))).ToList();

    /// <summary>
    /// Works out again the keys of the orders the saved rows belong to, in one statement: the orders are found by a union of
    /// indexed reads, one for each kind of row saved.
    /// </summary>
    internal static Task RefreshAsync(StalkingProtectionDbContext db, ListKeys.Changes changes, CancellationToken ct)
    {
        IQueryable<Guid>? affected = null;
        void Include(IQueryable<Guid> ids) => affected = affected is null ? ids : affected.Concat(ids);
        var orders = db.Orders.IgnoreAutoIncludes();
        if (changes.Orders.Count > 0)
        {
            var ids = changes.Orders.ToList();
            Include(orders.Where(o => ids.Contains(o.Id)).Select(o => o.Id));
        }

        if (changes.People.Count > 0)
        {
            var people = changes.People.ToList();
            Include(db.Respondents.Where(r => people.Contains(r.PersonId)).Join(orders, r => r.Id, o => o.RespondentId, (r, o) => o.Id));
        }

        if (changes.Respondents.Count > 0)
        {
            var respondents = changes.Respondents.ToList();
            Include(orders.Where(o => respondents.Contains(o.RespondentId)).Select(o => o.Id));
        }

        return affected is { } found ? UpdateAsync(db, orders.Where(o => found.Contains(o.Id)), ct) : Task.CompletedTask;
    }

    // The status key of StatusKeyOf as SQL, and the keys made from it, for UpdateAsync.
    private static readonly Expression<Func<StalkingProtectionOrder, long>> _statusKey = o =>
        o.EndedOn != null && (o.LastInForceDay == null || o.EndedOn <= o.LastInForceDay)
            ? StatusGroup * (o.Ending == OrderEnding.Discharged ? 3 : o.Ending == OrderEnding.Quashed ? 4 : o.Ending == OrderEnding.Superseded ? 5 : 6)
                + (AfterLastDayNumber - o.EndedOn.Value.DayNumber)
            : StatusGroup + (o.LastInForceDay == null ? 0 : AfterLastDayNumber - o.LastInForceDay.Value.DayNumber);

    private static readonly Expression<Func<StalkingProtectionOrder, long>> _kindKey = WithStatusKey((o, status) => (o.Kind == OrderKind.Interim ? 0 : KindGroup) + status);

    internal static Task<int> UpdateAsync(StalkingProtectionDbContext db, IQueryable<StalkingProtectionOrder> orders, CancellationToken ct)
    {
        var names = db.Set<PersonName>().Where(n => !n.IsAlias);
        return orders.ExecuteUpdateAsync(s => s
            .SetProperty(o => o.RespondentSortKey, o => names
                .Where(n => n.PersonId == db.Respondents.Where(r => r.Id == o.RespondentId).Select(r => r.PersonId).FirstOrDefault())
                .OrderBy(n => n.Id).Select(n => n.FamilyName + " " + n.GivenNames).FirstOrDefault() ?? "")
            .SetProperty(o => o.KindSortKey, _kindKey)
            .SetProperty(o => o.LastDaySortKey, o => o.EndedOn != null && (o.LastInForceDay == null || o.EndedOn <= o.LastInForceDay)
                ? o.EndedOn ?? DateOnly.MaxValue
                : o.LastInForceDay ?? DateOnly.MaxValue)
            .SetProperty(o => o.StatusSortKey, _statusKey)
            .SetProperty(o => o.NextDeadlineSortKey, WithStatusKey((o, status) => db.StaffTasks
                .Where(t => t.OrderId == o.Id && t.Status == StaffTaskStatus.Open).Select(t => t.DueOn)
                .Concat(db.NotificationObligations.Where(n => n.OrderId == o.Id && (n.Status == ObligationStatus.Open || n.Status == ObligationStatus.Overdue))
                    .Select(n => n.DueBy))
                .Min(d => (long?)d.DayNumber) ?? NoDeadline + status)),
            ct);
    }

    private static Expression<Func<StalkingProtectionOrder, long>> WithStatusKey(Expression<Func<StalkingProtectionOrder, long, long>> key)
    {
        var order = _statusKey.Parameters[0];
        var body = new Substitute(new() { [key.Parameters[0]] = order, [key.Parameters[1]] = _statusKey.Body }).Visit(key.Body);
        return Expression.Lambda<Func<StalkingProtectionOrder, long>>(body, order);
    }

    private sealed class Substitute(Dictionary<ParameterExpression, Expression> by) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => by.GetValueOrDefault(node) ?? node;
    }
}
