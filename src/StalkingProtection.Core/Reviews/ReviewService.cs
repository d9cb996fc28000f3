using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Reviews;

public sealed record RecordReviewOptions(Guid OrderId, string LeadOfficer, string Summary, bool PncEntryChecked, DateOnly NextReviewDue);

public sealed record RecordVictimContactOptions(Guid VictimId, Guid? OrderId, VictimContactEventType EventType, DateTimeOffset OccurredAt,
    ContactChannel Channel, string Summary);

/// <summary>Management reviews (R42), victim contact (R41) and staff tasks.</summary>
public sealed class ReviewService(StalkingProtectionDbContext db, TimeProvider timeProvider, AuditLog audit)
{
    /// <summary>R42: records a review, closes the review task and raises the next one.</summary>
    public async Task<Guid> RecordReviewAsync(RecordReviewOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var order = await db.Orders.SingleAsync(o => o.Id == options.OrderId, ct);
        var stalkingCase = await db.Cases.SingleAsync(c => c.Id == order.CaseId, ct);
        var review = ManagementReview.Record(order, actor.Name, options.LeadOfficer, options.Summary, options.PncEntryChecked, options.NextReviewDue,
            timeProvider.UkToday, now);
        db.ManagementReviews.Add(review);
        await StaffTaskRaiser.CompleteOpenAsync(db, audit, actor, order.Id, StaffTaskType.ReviewDue, now, ct);
        var next = StaffTask.Raise(StaffTaskType.ReviewDue, $"Review:{order.Id}:{options.NextReviewDue:yyyy-MM-dd}", "Review the order's management",
            options.NextReviewDue, order.Id, null, order.CaseId, stalkingCase.Team, options.LeadOfficer, now);
        await StaffTaskRaiser.RaiseOnceAsync(db, audit, actor, next, ct);
        audit.Add(actor, AuditKind.Collection, "Review.Recorded", nameof(ManagementReview), review.Id, null, null,
            new { review.OrderId, review.LeadOfficer, review.PncEntryChecked, review.NextReviewDue });
        await db.SaveChangesAsync(ct);
        return review.Id;
    }

    /// <summary>R41: a timestamped record of consulting or informing a victim.</summary>
    public async Task<Guid> RecordVictimContactAsync(RecordVictimContactOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        _ = await db.Victims.SingleAsync(v => v.Id == options.VictimId, ct);
        var contact = VictimContactEvent.Record(options.VictimId, options.OrderId, options.EventType, options.OccurredAt, options.Channel, actor.Name,
            options.Summary, now);
        db.VictimContactEvents.Add(contact);
        audit.Add(actor, AuditKind.Collection, "VictimContact.Recorded", nameof(VictimContactEvent), contact.Id, null, null,
            new { contact.VictimId, contact.OrderId, contact.EventType, contact.OccurredAt, contact.Channel });
        await db.SaveChangesAsync(ct);
        return contact.Id;
    }

    public async Task CompleteTaskAsync(Guid taskId, long? expectedVersion, Actor actor, CancellationToken ct = default)
    {
        var task = await db.StaffTasks.SingleAsync(t => t.Id == taskId, ct);
        db.ExpectVersion(task, expectedVersion);
        task.Complete(timeProvider.GetUtcNow());
        audit.Add(actor, AuditKind.Alteration, "Task.Completed", nameof(StaffTask), task.Id, null, new { Status = StaffTaskStatus.Open },
            new { task.Status, task.CompletedAt });
        await db.SaveChangesAsync(ct);
    }
}
