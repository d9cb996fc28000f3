using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Reviews;

public sealed record DeadlineCheckResult(int ObligationsMarkedOverdue, int TasksRaised);

/// <summary>
/// The periodic check of legal deadlines. Idempotent: every task has a unique key and an obligation is flagged overdue once, so
/// running it twice changes nothing. It never creates notification obligations (SPA 2019 s.9, R34).
/// </summary>
public sealed class DeadlineCheckService(StalkingProtectionDbContext db, AuditLog audit)
{
    /// <summary>R23: how long before a fixed period ends to raise "consider renewal" (default 90 days).</summary>
    public const int RenewalLeadDays = 90;

    public const int InterimEndingLeadDays = 14;

    public const int ReviewLeadDays = 7;

    /// <summary>How far back expiries are looked at for the R42 "update the PNC" task.</summary>
    public const int ExpiryLookBackDays = 30;

    public async Task<DeadlineCheckResult> RunAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var actor = Actor.System;
        var today = LondonTime.DateOf(now);
        var overdue = 0;
        var raised = 0;

        // SPA 2019 s.11, R33: the due day has ended in London with no valid notification.
        var open = await db.NotificationObligations.Where(o => o.Status == ObligationStatus.Open && o.DueBy < today).ToListAsync(ct);
        var casesByRespondent = await CasesForRespondentsAsync(open.Select(o => o.RespondentId), ct);
        foreach (var obligation in open.Where(o => o.MarkOverdueIfDue(now)))
        {
            overdue++;
            audit.Add(actor, AuditKind.Alteration, "Obligation.Overdue", nameof(NotificationObligation), obligation.Id,
                $"Overdue – potential s.11 offence ({obligation.OffenceCode}); a reasonable excuse may exist",
                new { Status = ObligationStatus.Open }, new { obligation.Status, obligation.OverdueFlaggedAt, obligation.OffenceCode });
            casesByRespondent.TryGetValue(obligation.RespondentId, out var c);
            raised += await RaiseAsync(StaffTaskType.PotentialS11Offence, $"S11:{obligation.Id}",
                $"Overdue – potential s.11 offence ({obligation.OffenceCode}): check for a reasonable excuse", today, obligation.OrderId, obligation.Id, c, actor, now, ct);
        }

        // Orders in force today, or expired within the look-back, read through the in-force index.
        var from = today.AddDays(-ExpiryLookBackDays);
        var orders = await db.Orders.IgnoreAutoIncludes()
            .Where(o => o.MadeOn <= today && (o.LastInForceDay == null || o.LastInForceDay >= from) && (o.EndedOn == null || o.EndedOn > today))
            .ToListAsync(ct);
        var caseIds = orders.Select(o => o.CaseId).Distinct().ToList();
        var cases = await db.Cases.Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var orderIds = orders.Select(o => o.Id).ToList();
        var nextReviews = await db.ManagementReviews.Where(r => orderIds.Contains(r.OrderId))
            .GroupBy(r => r.OrderId).Select(g => new { OrderId = g.Key, Next = g.Max(r => r.NextReviewDue) }).ToDictionaryAsync(x => x.OrderId, x => x.Next, ct);

        foreach (var order in orders)
        {
            var c = cases[order.CaseId];
            if (order.LastInForceDay is { } last && last < today)
            {
                // R42: expiry is recorded on the PNC too.
                raised += await RaiseAsync(StaffTaskType.RecordOnPnc, $"Pnc:Expired:{order.Id}:{last:yyyy-MM-dd}", "Update the PNC entry: the order has expired",
                    today, order.Id, null, c, actor, now, ct);
                continue;
            }

            if (order.ServedAt is null)
            {
                raised += await RaiseAsync(StaffTaskType.ServeOrder, $"Serve:{order.Id}", "Serve the order on the respondent", today, order.Id, null, c, actor, now, ct);
            }

            if (order.PncReference is null)
            {
                raised += await RaiseAsync(StaffTaskType.RecordOnPnc, $"Pnc:Made:{order.Id}", "Record the order on the PNC", today, order.Id, null, c, actor, now, ct);
            }

            // R23: consider renewal before a full order's fixed period ends; the application must be lodged while it is in force.
            if (order.Kind == OrderKind.Full && order.LastInForceDay is { } lastDay && lastDay <= today.AddDays(RenewalLeadDays))
            {
                raised += await RaiseAsync(StaffTaskType.ConsiderRenewal, $"Renewal:{order.Id}:{lastDay:yyyy-MM-dd}",
                    $"Consider renewal: the order ends on {lastDay:d MMMM yyyy}; apply while it is in force", lastDay.AddDays(-14) < today ? today : lastDay.AddDays(-14),
                    order.Id, null, c, actor, now, ct);
            }

            if (order.Kind == OrderKind.Interim && order.LastInForceDay is { } interimLast && interimLast <= today.AddDays(InterimEndingLeadDays))
            {
                raised += await RaiseAsync(StaffTaskType.InterimEnding, $"InterimEnding:{order.Id}:{interimLast:yyyy-MM-dd}",
                    $"The interim order ends on {interimLast:d MMMM yyyy}: seek a renewal or a hearing of the main application", interimLast, order.Id, null, c, actor, now, ct);
            }

            // R42: review cadence is local policy; the next review is the last review's choice or the default after the order was made.
            var reviewDue = nextReviews.TryGetValue(order.Id, out var next) ? next : order.MadeOn.AddDays(ManagementReview.DefaultReviewIntervalDays);
            if (reviewDue <= today.AddDays(ReviewLeadDays))
            {
                raised += await RaiseAsync(StaffTaskType.ReviewDue, $"Review:{order.Id}:{reviewDue:yyyy-MM-dd}", "Review the order's management", reviewDue,
                    order.Id, null, c, actor, now, ct);
            }
        }

        await db.SaveChangesAsync(ct);
        return new DeadlineCheckResult(overdue, raised);
    }

    private async Task<Dictionary<Guid, StalkingCase>> CasesForRespondentsAsync(IEnumerable<Guid> respondentIds, CancellationToken ct)
    {
        var ids = respondentIds.Distinct().ToList();
        var cases = await db.Cases.Where(c => c.RespondentId != null && ids.Contains(c.RespondentId.Value)).ToListAsync(ct);
        return cases.GroupBy(c => c.RespondentId!.Value).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.OpenedAt).First());
    }

    private async Task<int> RaiseAsync(StaffTaskType type, string key, string title, DateOnly dueOn, Guid? orderId, Guid? obligationId, StalkingCase? c,
        Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var task = StaffTask.Raise(type, key, title, dueOn, orderId, obligationId, c?.Id, c?.Team, c?.OfficerInCharge, now);
        return await StaffTaskRaiser.RaiseOnceAsync(db, audit, actor, task, ct) ? 1 : 0;
    }
}
