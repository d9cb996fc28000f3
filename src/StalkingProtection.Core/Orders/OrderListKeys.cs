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
    /// <summary>The status key of an order that ended before its last day: 3 discharged, 4 quashed, 5 superseded, 6 ceased, times this.</summary>
    public const long StatusGroup = 10_000_000;

    /// <summary>One more than the day number of <see cref="DateOnly.MaxValue"/>, so that every last day gives a positive offset.</summary>
    public const long AfterLastDayNumber = 3_652_060;

    /// <summary>
    /// The key the status column sorts by, which must not depend on today: an order in force and an expired one differ only by
    /// whether its last day has passed. Orders not ended early share group 1 and sort by last day, latest first and until
    /// further order before any, so that on any day every order still in force comes before every expired one (SPA 2019
    /// s.2(3)-(4)); orders ended early (s.4 discharge, quashed on appeal under s.7(4), superseded by another order, ceased
    /// under s.5(6)(b)) follow in groups 3 to 6, from the day the ending is recorded: a discharge taking effect on a later day
    /// sorts with the discharged orders before that day. The status shown is worked out for today by <see cref="OrderListRow.StatusOn"/>.
    /// </summary>
    public static long StatusKeyOf(DateOnly? lastInForceDay, DateOnly? endedOn, OrderEnding? ending) =>
        endedOn is { } ended && (lastInForceDay is null || ended <= lastInForceDay)
            ? StatusGroup * (ending == OrderEnding.Discharged ? 3 : ending == OrderEnding.Quashed ? 4 : ending == OrderEnding.Superseded ? 5 : 6)
            : StatusGroup + (lastInForceDay is { } last ? AfterLastDayNumber - last.DayNumber : 0);

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

    internal static Task<int> UpdateAsync(StalkingProtectionDbContext db, IQueryable<StalkingProtectionOrder> orders, CancellationToken ct)
    {
        var names = db.Set<PersonName>().Where(n => !n.IsAlias);
        var group = StatusGroup;
        var after = AfterLastDayNumber;
        return orders.ExecuteUpdateAsync(s => s
            .SetProperty(o => o.RespondentSortKey, o => names
                .Where(n => n.PersonId == db.Respondents.Where(r => r.Id == o.RespondentId).Select(r => r.PersonId).FirstOrDefault())
                .OrderBy(n => n.Id).Select(n => n.FamilyName + " " + n.GivenNames).FirstOrDefault() ?? "")
            .SetProperty(o => o.KindSortKey, o => o.Kind == OrderKind.Interim ? 0 : 1)
            .SetProperty(o => o.LastDaySortKey, o => o.EndedOn != null && (o.LastInForceDay == null || o.EndedOn <= o.LastInForceDay)
                ? o.EndedOn ?? DateOnly.MaxValue
                : o.LastInForceDay ?? DateOnly.MaxValue)
            .SetProperty(o => o.StatusSortKey, o => o.EndedOn != null && (o.LastInForceDay == null || o.EndedOn <= o.LastInForceDay)
                ? group * (o.Ending == OrderEnding.Discharged ? 3 : o.Ending == OrderEnding.Quashed ? 4 : o.Ending == OrderEnding.Superseded ? 5 : 6)
                : group + (o.LastInForceDay == null ? 0 : after - o.LastInForceDay.Value.DayNumber))
            .SetProperty(o => o.NextDeadlineOn, o => db.StaffTasks.Where(t => t.OrderId == o.Id && t.Status == StaffTaskStatus.Open).Select(t => t.DueOn)
                .Concat(db.NotificationObligations.Where(n => n.OrderId == o.Id && (n.Status == ObligationStatus.Open || n.Status == ObligationStatus.Overdue))
                    .Select(n => n.DueBy))
                .Min(d => (DateOnly?)d) ?? DateOnly.MaxValue),
            ct);
    }
}
