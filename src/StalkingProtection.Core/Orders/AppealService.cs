using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Orders;

public sealed record LodgeAppealOptions(
    Guid? OrderId,
    Guid? ApplicationId,
    AppellantType Appellant,
    AppealableDecision Decision,
    DateOnly DecisionOn,
    DateOnly LodgingDeadline,
    DateOnly? NoticeServedOn,
    string Grounds,
    Override? Override = null);

public sealed record DecideAppealOptions(Guid AppealId, AppealOutcome Outcome, DateOnly DecidedOn, string? CrownCourtReference, long? ExpectedVersion = null,
    string? ConsequentialOrders = null);

/// <summary>Appeals to the Crown Court (SPA 2019 s.7).</summary>
public sealed class AppealService(StalkingProtectionDbContext db, TimeProvider timeProvider, AuditLog audit, StaffTaskRaiser staffTasks)
{
    /// <summary>R24: the appellant and decision pair must be one s.7 allows; the deadline comes from the business-day calendar.</summary>
    public async Task<AppealLodgedOutcome> LodgeAsync(LodgeAppealOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var appeal = Appeal.Lodge(options.OrderId, options.ApplicationId, options.Appellant, options.Decision, options.DecisionOn, options.LodgingDeadline,
            options.NoticeServedOn, options.Grounds, options.Override, now, out var overridden);
        db.Appeals.Add(appeal);
        var tasksCompleted = 0;
        if (appeal.ApplicationId is { } refused)
        {
            // SPA 2019 s.7, R24: the appeal lodged is what the "consider appealing" task asked for.
            tasksCompleted = await staffTasks.CompleteOpenForRecordAsync(actor, refused, Tasks.StaffTaskType.ConsiderAppeal, now, ct);
        }

        audit.Add(actor, AuditEvents.Appeal.Lodged.For(appeal.Id, Override.Justification(options.Override, overridden),
            newValues: new { appeal.OrderId, appeal.ApplicationId, appeal.Appellant, appeal.Decision, appeal.DecisionOn, appeal.LodgingDeadline, appeal.NoticeServedOn, appeal.LodgedLate }));
        await db.SaveChangesAsync(ct);
        return AppealLodgedOutcome.Lodged(appeal, tasksCompleted);
    }

    /// <summary>SPA 2019 s.7(4): an appeal allowed against the making of an order quashes it.</summary>
    public async Task<AppealDecidedOutcome> DecideAsync(DecideAppealOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var appeal = await db.Appeals.SingleAsync(a => a.Id == options.AppealId, ct);
        if (options.ExpectedVersion is { } expected && appeal.Version != expected)
        {
            // RL4: someone else recorded the outcome (or changed the appeal) since the user read it; nothing is saved.
            throw new DbUpdateConcurrencyException("The appeal changed since it was read.");
        }

        db.ExpectVersion(appeal, options.ExpectedVersion);
        appeal.Decide(options.Outcome, options.DecidedOn, options.CrownCourtReference, options.ConsequentialOrders, timeProvider.UkToday);
        StalkingProtectionOrder? quashed = null;
        if (options.Outcome == AppealOutcome.Allowed && appeal.OrderId is { } orderId && appeal.QuashesOrderIfAllowed)
        {
            var order = await db.Orders.SingleAsync(o => o.Id == orderId, ct);
            order.Quash(options.DecidedOn, now);
            quashed = order;
            audit.Add(actor, AuditEvents.Order.Quashed.For(order.Id, "Appeal allowed (SPA 2019 s.7(4))",
                oldValues: new { Status = OrderStatus.InForce }, newValues: new { Status = OrderStatus.Quashed, order.EndedOn }));

            // SPA 2019 s.7(4), s.9, R33: what hung on the quashed order ends with it.
            await OrderEnd.CloseWhatHangsOnAsync(db, audit, staffTasks, actor, [order], timeProvider.UkToday, now, ct);
            var stalkingCase = await db.Cases.SingleAsync(c => c.Id == order.CaseId, ct);
            var pnc = Tasks.StaffTask.Raise(Tasks.StaffTaskType.RecordOnPnc, $"Pnc:Quashed:{order.Id}", "Update the PNC entry: the order was quashed on appeal",
                timeProvider.UkToday, order.Id, null, order.CaseId, stalkingCase.Team, stalkingCase.OfficerInCharge, now);
            await staffTasks.RaiseOnceAsync(actor, pnc, ct);
        }

        audit.Add(actor, AuditEvents.Appeal.Decided.For(appeal.Id, oldValues: new { Outcome = AppealOutcome.Pending },
            newValues: new { appeal.Outcome, appeal.DecidedOn, appeal.CrownCourtReference, appeal.ConsequentialOrders }));
        await db.SaveChangesAsync(ct);
        return AppealDecidedOutcome.Decided(appeal, quashed);
    }
}
