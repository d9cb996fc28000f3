using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Tasks;

namespace StalkingProtection.Core.Orders;

/// <summary>
/// The end of an order is one event, however it came: expiry at the end of its last day (SPA 2019 s.3(1)), discharge (s.4),
/// ceasing when the main application is determined or replacement by the full order (s.5(6)(b), R17, R19), or quashing on appeal
/// (s.7(4)). What hung on the order ends with it: the notification duties of s.9 apply only to a person subject to an order, so a
/// duty whose period had not run out when the last order ended can no longer be breached (R25–R28, R33); the tasks to serve,
/// review, renew or manage the order are cancelled. The PNC update (R42) and a potential s.11 offence already committed remain.
/// </summary>
public static class OrderEnd
{
    /// <summary>Tasks that stay open after the end: the PNC must record the end (R42); an offence or breach while in force stands.</summary>
    private static readonly StaffTaskType[] _outliveTheOrder =
        [StaffTaskType.RecordOnPnc, StaffTaskType.PotentialS11Offence, StaffTaskType.LegalReview, StaffTaskType.ConsiderAppeal];

    /// <summary>How and when the order ended, in words; null while it is in force or not yet made.</summary>
    public static string? Describe(OrderStatus status, DateOnly? endedOn, DateOnly? lastInForceDay, bool replacedByFullOrder) => status switch
    {
        OrderStatus.Expired => $"Expired on {lastInForceDay:d MMMM yyyy}",
        OrderStatus.Discharged => $"Discharged on {endedOn:d MMMM yyyy}",
        OrderStatus.Quashed => $"Quashed on appeal on {endedOn:d MMMM yyyy}",
        OrderStatus.Ceased when replacedByFullOrder => $"Replaced by the full order on {endedOn:d MMMM yyyy}",
        OrderStatus.Ceased => $"Ceased on {endedOn:d MMMM yyyy}: the main application was determined",
        OrderStatus.Superseded => $"Replaced on {endedOn:d MMMM yyyy}",
        _ => null,
    };

    /// <summary>Whether a full order replaced this interim order (SPA 2019 s.5(6)(b), R19), read through the index on the replacing order's link.</summary>
    public static Task<bool> ReplacedByFullOrderAsync(StalkingProtectionDbContext db, Guid interimOrderId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Orders.AnyAsync(f => f.ReplacedInterimOrderId == interimOrderId, ct);
    }

    public static string? Describe(StalkingProtectionOrder order, DateOnly today, bool replacedByFullOrder) =>
        Describe(order.StatusOn(today), order.EndedOn, order.LastInForceDay, replacedByFullOrder);

    /// <summary>The last day the order bound the respondent: the day before an early end, else its last day.</summary>
    public static DateOnly? LastDayInForce(DateOnly? endedOn, DateOnly? lastInForceDay) =>
        endedOn is { } e && (lastInForceDay is null || e <= lastInForceDay) ? e.AddDays(-1) : lastInForceDay;

    /// <summary>
    /// SPA 2019 s.9, R25–R28: an open duty counts only while some order against the respondent is in force on its due day. For
    /// queries that must not count the duties of ended orders before the deadline check has closed them.
    /// </summary>
    public static Expression<Func<NotificationObligation, bool>> StillArises(IQueryable<StalkingProtectionOrder> orders) =>
        d => orders.Any(o => o.RespondentId == d.RespondentId && o.MadeOn <= d.DueBy
            && (o.LastInForceDay == null || o.LastInForceDay >= d.DueBy)
            && (o.EndedOn == null || o.EndedOn > d.DueBy));

    /// <summary>
    /// Closes what hangs on orders that are no longer in force on <paramref name="today"/>, in the caller's unit of work, audited.
    /// Idempotent: a second call finds nothing open.
    /// </summary>
    public static async Task<int> CloseWhatHangsOnAsync(StalkingProtectionDbContext db, AuditLog audit, StaffTaskRaiser staffTasks, Actor actor,
        IReadOnlyCollection<StalkingProtectionOrder> orders, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var ended = Ended(orders, today);
        if (ended.Count == 0)
        {
            return 0;
        }

        var respondentIds = ended.Select(o => o.RespondentId).Distinct().ToList();
        var respondentOrders = await db.Orders.IgnoreAutoIncludes().Where(o => respondentIds.Contains(o.RespondentId)).ToListAsync(ct);

        // A full order made in the same unit of work (R19) is not in the database yet, but keeps the duties it inherits.
        respondentOrders.AddRange(db.Orders.Local.Where(o => respondentIds.Contains(o.RespondentId) && !respondentOrders.Contains(o)));
        var duties = await db.NotificationObligations
            .Where(d => respondentIds.Contains(d.RespondentId) && (d.Status == ObligationStatus.Open))
            .ToListAsync(ct);
        var excused = ExcuseDuties(duties, respondentOrders, today, e => audit.Add(actor, e));
        var tasks = await db.StaffTasks.Where(TasksEndingWith(ended.Select(o => o.Id).ToList(), excused)).ToListAsync(ct);
        CancelTasks(tasks, ended, respondentOrders, today, (group, reason) => staffTasks.Cancel(actor, group, now, reason));
        return excused.Count + tasks.Count;
    }

    /// <summary>The orders of <paramref name="orders"/> no longer in force on <paramref name="today"/>.</summary>
    internal static List<StalkingProtectionOrder> Ended(IEnumerable<StalkingProtectionOrder> orders, DateOnly today) =>
        orders.Where(o => o.NoLongerInForceFrom is { } from && from <= today).ToList();

    /// <summary>
    /// Excuses the open duties (SPA 2019 s.9, R25–R28, R33) no order of the respondent in <paramref name="respondentOrders"/> keeps,
    /// each with its audit event; answers their ids. Shared by the services and the tracker import's bulk path.
    /// </summary>
    internal static List<Guid> ExcuseDuties(IEnumerable<NotificationObligation> openDuties, IReadOnlyList<StalkingProtectionOrder> respondentOrders, DateOnly today,
        Action<AuditEvent> audit)
    {
        var excused = new List<Guid>();
        foreach (var duty in openDuties)
        {
            var theirs = respondentOrders.Where(o => o.RespondentId == duty.RespondentId).ToList();

            // SPA 2019 s.9: another order in force on the due day keeps the duty; one still in force today may yet carry it.
            if (theirs.Any(o => o.IsInForceOn(duty.DueBy)) || (duty.DueBy >= today && theirs.Any(o => o.IsInForceOn(today))))
            {
                continue;
            }

            var cause = theirs.FirstOrDefault(o => o.Id == duty.OrderId && o.NoLongerInForceFrom is not null)
                ?? theirs.Where(o => o.NoLongerInForceFrom is not null).OrderByDescending(o => o.NoLongerInForceFrom).First();
            var endedOn = cause.NoLongerInForceFrom!.Value;
            var replaced = respondentOrders.Any(o => o.ReplacedInterimOrderId == cause.Id);
            var how = Describe(cause.StatusOn(today), cause.EndedOn, cause.LastInForceDay, replaced) ?? "The order ended";
            var reason = $"{how}, before the notification period ended on {duty.DueBy:d MMMM yyyy}: the duty applies only while an order is in force (SPA 2019 s.9, R25–R28, R33)";
            var old = new { duty.Status };
            duty.Excuse(reason, endedOn > duty.TriggerDate ? endedOn : duty.TriggerDate);
            audit(AuditEvents.Obligation.Excused.For(duty.Id, reason, oldValues: old,
                newValues: new { duty.Status, duty.ExcusedOn, OrderId = cause.Id }));
            excused.Add(duty.Id);
        }

        return excused;
    }

    /// <summary>The open tasks that end with the orders: those on an ended order that do not outlive it, and those of an excused duty.</summary>
    internal static Expression<Func<StaffTask, bool>> TasksEndingWith(List<Guid> endedIds, List<Guid> excused) =>
        t => t.Status == StaffTaskStatus.Open
            && ((t.OrderId != null && endedIds.Contains(t.OrderId.Value) && !_outliveTheOrder.Contains(t.Type))
                || (t.ObligationId != null && excused.Contains(t.ObligationId.Value)));

    /// <summary>
    /// <see cref="TasksEndingWith"/> for tasks in memory (the tracker import's bulk path), written out rather than compiled from
    /// the expression, which would compile and JIT a method for each discharged row.
    /// </summary>
    internal static bool EndsWith(StaffTask t, List<Guid> endedIds, List<Guid> excused) =>
        t.Status == StaffTaskStatus.Open
            && ((t.OrderId != null && endedIds.Contains(t.OrderId.Value) && !_outliveTheOrder.Contains(t.Type))
                || (t.ObligationId != null && excused.Contains(t.ObligationId.Value)));

    /// <summary>Cancels the tasks, a group for each order, with the reason the order ended.</summary>
    internal static void CancelTasks(IEnumerable<StaffTask> tasks, IReadOnlyList<StalkingProtectionOrder> ended, IReadOnlyList<StalkingProtectionOrder> respondentOrders,
        DateOnly today, Action<IEnumerable<StaffTask>, string> cancel)
    {
        foreach (var group in tasks.GroupBy(t => t.OrderId))
        {
            var order = ended.FirstOrDefault(o => o.Id == group.Key) ?? respondentOrders.FirstOrDefault(o => o.Id == group.Key);
            var how = order is null ? null : Describe(order.StatusOn(today), order.EndedOn, order.LastInForceDay, respondentOrders.Any(o => o.ReplacedInterimOrderId == order.Id));
            cancel(group, $"{how ?? "The order ended"}: nothing more to do on it");
        }
    }
}
