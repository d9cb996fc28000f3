using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Reviews;

public sealed record RecordReviewOptions(Guid OrderId, string LeadOfficer, string Summary, bool PncEntryChecked, DateOnly NextReviewDue);

public sealed record RecordVictimContactOptions(Guid VictimId, Guid? OrderId, VictimContactEventType EventType, DateTimeOffset OccurredAt,
    ContactChannel Channel, string Summary);

public sealed record CreateManagementPlanOptions(Guid OrderId, ManagementPlanContent Content);

public sealed record ReviseManagementPlanOptions(Guid PlanId, ManagementPlanContent Content, string Reason, long? ExpectedVersion = null);

/// <summary>Management reviews (R42), victim contact (R41) and staff tasks.</summary>
public sealed class ReviewService(StalkingProtectionDbContext db, TimeProvider timeProvider, AuditLog audit, StaffTaskRaiser staffTasks)
{
    /// <summary>R42: records a review, closes the review task and raises the next one.</summary>
    public async Task<ReviewStepOutcome> RecordReviewAsync(RecordReviewOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var order = await db.Orders.SingleAsync(o => o.Id == options.OrderId, ct);
        var stalkingCase = await db.Cases.SingleAsync(c => c.Id == order.CaseId, ct);
        var review = ManagementReview.Record(order, actor.Name, options.LeadOfficer, options.Summary, options.PncEntryChecked, options.NextReviewDue,
            timeProvider.UkToday, now);
        db.ManagementReviews.Add(review);
        await staffTasks.CompleteOpenAsync(actor, order.Id, StaffTaskType.ReviewDue, now, ct);
        var next = StaffTask.Raise(StaffTaskType.ReviewDue, $"Review:{order.Id}:{options.NextReviewDue:yyyy-MM-dd}", "Review the order's management",
            options.NextReviewDue, order.Id, null, order.CaseId, stalkingCase.Team, options.LeadOfficer, now);
        await staffTasks.RaiseOnceAsync(actor, next, ct);
        audit.Add(actor, AuditEvents.Review.Recorded.For(review.Id,
            newValues: new { review.OrderId, review.LeadOfficer, review.PncEntryChecked, review.NextReviewDue }));
        await db.SaveChangesAsync(ct);
        return ReviewStepOutcome.ReviewRecorded(review);
    }

    /// <summary>The order's management plan (SPMP, R42); its next review becomes the lead officer's task.</summary>
    public async Task<ReviewStepOutcome> CreatePlanAsync(CreateManagementPlanOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var order = await db.Orders.SingleAsync(o => o.Id == options.OrderId, ct);
        new Rules.RuleCheck()
            .Must(!await db.ManagementPlans.AnyAsync(p => p.OrderId == order.Id, ct), "Status", "orderId",
                "The order already has a management plan: revise it instead, so that its history is kept", ManagementPlan.Source)
            .ThrowIfBroken();
        var plan = ManagementPlan.Create(order, options.Content, actor.Name, timeProvider.UkToday, now);
        db.ManagementPlans.Add(plan);
        await RaiseReviewAsync(order, plan.Current, actor, now, ct);
        audit.Add(actor, AuditEvents.ManagementPlan.Created.For(plan.Id,
            newValues: new { plan.OrderId, plan.Current.Number, plan.Current.LeadOfficer, plan.Current.NextReviewOn }));
        await db.SaveChangesAsync(ct);
        return ReviewStepOutcome.PlanChanged(plan, plan.Current);
    }

    /// <summary>A new version of the plan; earlier versions are kept unchanged.</summary>
    public async Task<ReviewStepOutcome> RevisePlanAsync(ReviseManagementPlanOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var plan = await db.ManagementPlans.SingleAsync(p => p.Id == options.PlanId, ct);
        db.ExpectVersion(plan, options.ExpectedVersion);
        var order = await db.Orders.SingleAsync(o => o.Id == plan.OrderId, ct);
        var previous = plan.Current;
        var revision = plan.Revise(options.Content, options.Reason, actor.Name, timeProvider.UkToday, now);
        db.Entry(revision).State = EntityState.Added;
        db.Touch(plan);
        await RaiseReviewAsync(order, revision, actor, now, ct);
        audit.Add(actor, AuditEvents.ManagementPlan.Revised.For(plan.Id, revision.ReasonForRevision,
            oldValues: new { previous.Number, previous.LeadOfficer, previous.NextReviewOn }, newValues: new { revision.Number, revision.LeadOfficer, revision.NextReviewOn }));
        await db.SaveChangesAsync(ct);
        return ReviewStepOutcome.PlanChanged(plan, revision);
    }

    // R42: the same task key as a recorded review, so a plan and a review on the same date raise one task.
    private async Task RaiseReviewAsync(Orders.StalkingProtectionOrder order, ManagementPlanRevision revision, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var stalkingCase = await db.Cases.SingleAsync(c => c.Id == order.CaseId, ct);
        var task = StaffTask.Raise(StaffTaskType.ReviewDue, $"Review:{order.Id}:{revision.NextReviewOn:yyyy-MM-dd}", "Review the order's management",
            revision.NextReviewOn, order.Id, null, order.CaseId, stalkingCase.Team, revision.LeadOfficer, now);
        await staffTasks.RaiseOnceAsync(actor, task, ct);
    }

    /// <summary>R41: a timestamped record of consulting or informing a victim.</summary>
    public async Task<ReviewStepOutcome> RecordVictimContactAsync(RecordVictimContactOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        _ = await db.Victims.SingleAsync(v => v.Id == options.VictimId, ct);
        var contact = VictimContactEvent.Record(options.VictimId, options.OrderId, options.EventType, options.OccurredAt, options.Channel, actor.Name,
            options.Summary, now);
        db.VictimContactEvents.Add(contact);
        audit.Add(actor, AuditEvents.VictimContact.Recorded.For(contact.Id,
            newValues: new { contact.VictimId, contact.OrderId, contact.EventType, contact.OccurredAt, contact.Channel }));
        await db.SaveChangesAsync(ct);
        return ReviewStepOutcome.VictimContactRecorded(contact);
    }

    public async Task<ReviewStepOutcome> CompleteTaskAsync(Guid taskId, long? expectedVersion, Actor actor, CancellationToken ct = default)
    {
        var task = await db.StaffTasks.SingleAsync(t => t.Id == taskId, ct);
        db.ExpectVersion(task, expectedVersion);

        // SPA 2019 s.8(1), R39: a breach reported online is closed only by recording the decision on it, with its reasons.
        new RuleCheck().Must(!Breaches.ReportedBreachService.IsClosedByDecision(task.Type), "R39", "taskId",
            "Record the decision on the reported breach, with its reasons, to close this task (SPA 2019 s.8(1), R39)", "SPA 2019 s.8(1)").ThrowIfBroken();
        task.Complete(timeProvider.GetUtcNow());
        audit.Add(actor, AuditEvents.Task.Completed.For(task.Id, oldValues: new { Status = StaffTaskStatus.Open },
            newValues: new { task.Status, task.CompletedAt }));
        await db.SaveChangesAsync(ct);
        return ReviewStepOutcome.TaskCompleted(task);
    }
}
