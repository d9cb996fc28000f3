using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Notifications;

public sealed record DeadlineCheckResult(int ObligationsMarkedOverdue, int TasksRaised, int ClosedByOrderEnds = 0);

/// <summary>Local policy lead times (R23, R42); the defaults apply when a force has configured none.</summary>
public sealed record DeadlineCheckSettings(
    int RenewalLeadDays = DeadlineCheckService.DefaultRenewalLeadDays,
    int InterimEndingLeadDays = DeadlineCheckService.DefaultInterimEndingLeadDays,
    int ReviewLeadDays = DeadlineCheckService.DefaultReviewLeadDays,
    int ReviewIntervalDays = ManagementReview.DefaultReviewIntervalDays);

/// <summary>
/// The periodic check of legal deadlines. Idempotent: every task has a unique key and an obligation is flagged overdue once, so
/// running it twice changes nothing, and a run stopped part-way (it saves a page of orders at a time) is finished by the next.
/// It never creates notification obligations (SPA 2019 s.9, R34).
/// </summary>
public sealed class DeadlineCheckService(StalkingProtectionDbContext db, AuditLog audit, StaffTaskRaiser staffTasks)
{
    /// <summary>R23: how long before a fixed period ends to raise "consider renewal".</summary>
    public const int DefaultRenewalLeadDays = 90;

    public const int DefaultInterimEndingLeadDays = 14;

    public const int DefaultReviewLeadDays = 7;

    /// <summary>How far back expiries are looked at for the R42 "update the PNC" task.</summary>
    public const int ExpiryLookBackDays = 30;

    /// <summary>How many orders one page reads, raises the tasks of and saves before the next.</summary>
    internal int OrdersPerPage { get; init; } = 1_000;

    public async Task<DeadlineCheckResult> RunAsync(DateTimeOffset now, DeadlineCheckSettings? settings = null, CancellationToken ct = default)
    {
        settings ??= new DeadlineCheckSettings();
        var actor = Actor.System;
        var today = LondonTime.DateOf(now);
        var overdue = 0;
        var candidates = new List<StaffTask>();

        // An order expires by the passage of time at the end of its last day (SPA 2019 s.3(1), s.5(6)(a)); what hangs on it ends
        // with it, before any duty is flagged overdue (s.9 applies only while an order is in force, R25–R28, R33).
        var closed = await CloseWhatHangsOnEndedOrdersAsync(actor, today, now, ct);
        await RestoreOpenKeysAsync(actor, now, ct);

        // SPA 2019 s.11, R33: the due day has ended in London with no valid notification.
        var open = await db.NotificationObligations.Where(o => o.Status == ObligationStatus.Open && o.DueBy < today).ToListAsync(ct);
        var casesByRespondent = await CasesForRespondentsAsync(open.Select(o => o.RespondentId), ct);
        foreach (var obligation in open.Where(o => o.MarkOverdueIfDue(now)))
        {
            overdue++;
            audit.Add(actor, AuditEvents.Obligation.Overdue.For(obligation.Id,
                $"Overdue – potential s.11 offence ({obligation.OffenceCode}); a reasonable excuse may exist",
                oldValues: new { Status = ObligationStatus.Open }, newValues: new { obligation.Status, obligation.OverdueFlaggedAt, obligation.OffenceCode }));
            casesByRespondent.TryGetValue(obligation.RespondentId, out var c);
            Candidate(candidates, StaffTaskType.PotentialS11Offence, $"S11:{obligation.Id}",
                $"Overdue – potential s.11 offence ({obligation.OffenceCode}): check for a reasonable excuse", today, obligation.OrderId, obligation.Id, c, now);
        }

        var raised = await RaiseAndSaveAsync(actor, candidates, ct);

        // Orders in force today, or expired within the look-back, read through the in-force index a page at a time, each page's
        // tasks raised and saved before the next is read: a force's first run over orders imported without their tasks raises
        // them all, and the memory it takes stays that of one page whatever the number of orders.
        var from = today.AddDays(-ExpiryLookBackDays);
        var inForceIds = await db.Orders
            .Where(o => o.MadeOn <= today && (o.LastInForceDay == null || o.LastInForceDay >= from) && (o.EndedOn == null || o.EndedOn > today))
            .Select(o => o.Id).ToListAsync(ct);
        foreach (var page in inForceIds.Chunk(OrdersPerPage))
        {
            raised += await RaiseAndSaveAsync(actor, await OrderCandidatesAsync(page, settings, today, now, ct), ct);
        }

        // Local policy: the risk assessment of an open case is reviewed by the date its assessor set.
        raised += await RaiseAndSaveAsync(actor, await RiskReviewCandidatesAsync(settings, today, now, ct), ct);
        return new DeadlineCheckResult(overdue, raised, closed);
    }

    /// <summary>Raises the tasks not raised before and saves them with everything changed so far, then forgets what it tracked.</summary>
    private async Task<int> RaiseAndSaveAsync(Actor actor, IReadOnlyList<StaffTask> candidates, CancellationToken ct)
    {
        var raised = await staffTasks.RaiseManyOnceAsync(actor, candidates, ct);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return raised;
    }

    private async Task<List<StaffTask>> OrderCandidatesAsync(Guid[] orderIds, DeadlineCheckSettings settings, DateOnly today, DateTimeOffset now,
        CancellationToken ct)
    {
        var candidates = new List<StaffTask>();
        var orders = await db.Orders.AsNoTracking().IgnoreAutoIncludes().Where(o => orderIds.Contains(o.Id)).OrderBy(o => o.Id).ToListAsync(ct);
        var caseIds = orders.Select(o => o.CaseId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var nextReviews = await db.ManagementReviews.Where(r => orderIds.Contains(r.OrderId))
            .GroupBy(r => r.OrderId).Select(g => new { OrderId = g.Key, Next = g.Max(r => r.NextReviewDue) }).ToDictionaryAsync(x => x.OrderId, x => x.Next, ct);

        foreach (var order in orders)
        {
            var c = cases[order.CaseId];
            if (order.LastInForceDay is { } last && last < today)
            {
                // R42: expiry is recorded on the PNC too.
                Candidate(candidates, StaffTaskType.RecordOnPnc, $"Pnc:Expired:{order.Id}:{last:yyyy-MM-dd}", "Update the PNC entry: the order has expired",
                    today, order.Id, null, c, now);
                continue;
            }

            if (order.ServedAt is null)
            {
                Candidate(candidates, StaffTaskType.ServeOrder, $"Serve:{order.Id}", "Serve the order on the respondent", today, order.Id, null, c, now);
            }

            if (order.PncReference is null)
            {
                Candidate(candidates, StaffTaskType.RecordOnPnc, $"Pnc:Made:{order.Id}", "Record the order on the PNC", today, order.Id, null, c, now);
            }

            // R23: consider renewal before a full order's fixed period ends; the application must be lodged while it is in force.
            if (order.Kind == OrderKind.Full && order.LastInForceDay is { } lastDay && lastDay <= today.AddDays(settings.RenewalLeadDays))
            {
                Candidate(candidates, StaffTaskType.ConsiderRenewal, $"Renewal:{order.Id}:{lastDay:yyyy-MM-dd}",
                    $"Consider renewal: the order ends on {lastDay:d MMMM yyyy}; apply while it is in force", lastDay.AddDays(-14) < today ? today : lastDay.AddDays(-14),
                    order.Id, null, c, now);
            }

            if (order.Kind == OrderKind.Interim && order.LastInForceDay is { } interimLast && interimLast <= today.AddDays(settings.InterimEndingLeadDays))
            {
                Candidate(candidates, StaffTaskType.InterimEnding, $"InterimEnding:{order.Id}:{interimLast:yyyy-MM-dd}",
                    $"The interim order ends on {interimLast:d MMMM yyyy}: seek a renewal or a hearing of the main application", interimLast, order.Id, null, c, now);
            }

            // R42: review cadence is local policy; the next review is the last review's choice or the default after the order was made.
            var reviewDue = nextReviews.TryGetValue(order.Id, out var next) ? next : order.MadeOn.AddDays(settings.ReviewIntervalDays);
            if (reviewDue <= today.AddDays(settings.ReviewLeadDays))
            {
                Candidate(candidates, StaffTaskType.ReviewDue, $"Review:{order.Id}:{reviewDue:yyyy-MM-dd}", "Review the order's management", reviewDue,
                    order.Id, null, c, now);
            }
        }

        return candidates;
    }

    private async Task<List<StaffTask>> RiskReviewCandidatesAsync(DeadlineCheckSettings settings, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var candidates = new List<StaffTask>();
        var reviewBy = today.AddDays(settings.ReviewLeadDays);
        var dueCaseIds = await db.RiskAssessments
            .Where(r => r.NextReviewOn <= reviewBy && db.Cases.Any(c => c.Id == r.CaseId && c.Status != CaseStatus.Closed))
            .Select(r => r.CaseId).Distinct().ToListAsync(ct);
        var assessments = await db.RiskAssessments.AsNoTracking().Where(r => dueCaseIds.Contains(r.CaseId)).ToListAsync(ct);
        var assessedCases = await db.Cases.Where(c => dueCaseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        foreach (var latest in assessments.GroupBy(r => r.CaseId).Select(g => g.OrderByDescending(r => r.CompletedAt).First()).Where(r => r.NextReviewOn <= reviewBy))
        {
            var c = assessedCases[latest.CaseId];
            candidates.Add(StaffTask.Raise(StaffTaskType.RiskReview, $"RiskReview:{latest.Id}", "Review the risk assessment", latest.NextReviewOn,
                null, null, c.Id, c.Team, c.OfficerInCharge, now));
        }

        return candidates;
    }

    /// <summary>
    /// Orders no longer in force today that still have a task hanging on them, and the respondents whose open duty no order in
    /// force on its due day supports (SPA 2019 s.9): both found through indexes, so the check stays cheap when nothing has ended.
    /// </summary>
    private async Task<int> CloseWhatHangsOnEndedOrdersAsync(Actor actor, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var withTasks = await db.Orders.IgnoreAutoIncludes()
            .Where(o => (o.EndedOn <= today || o.LastInForceDay < today)
                && db.StaffTasks.Any(t => t.OrderId == o.Id && t.Status == StaffTaskStatus.Open
                    && t.Type != StaffTaskType.RecordOnPnc && t.Type != StaffTaskType.PotentialS11Offence && t.Type != StaffTaskType.LegalReview
                    && t.Type != StaffTaskType.ConsiderAppeal))
            .ToListAsync(ct);
        var unsupported = db.NotificationObligations.Where(d => d.Status == ObligationStatus.Open).Where(Negate(OrderEnd.StillArises(db.Orders)));
        var respondentIds = await unsupported.Select(d => d.RespondentId).Distinct().ToListAsync(ct);
        var ofRespondents = await db.Orders.IgnoreAutoIncludes()
            .Where(o => respondentIds.Contains(o.RespondentId) && (o.EndedOn <= today || o.LastInForceDay < today))
            .ToListAsync(ct);
        var ended = withTasks.Concat(ofRespondents).DistinctBy(o => o.Id).ToList();
        return await OrderEnd.CloseWhatHangsOnAsync(db, audit, staffTasks, actor, ended, today, now, ct);
    }

    /// <summary>Tasks raised before open keys existed: each gets its key, and of several open for one record only the newest stays open.</summary>
    private async Task RestoreOpenKeysAsync(Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var legacy = await db.StaffTasks.Where(t => t.Status == StaffTaskStatus.Open && t.OpenKey == null).ToListAsync(ct);
        if (legacy.Count == 0)
        {
            return;
        }

        foreach (var task in legacy)
        {
            task.RestoreOpenKey();
        }

        var keys = legacy.Select(t => t.OpenKey!).Distinct().ToList();
        var keyed = await db.StaffTasks.Where(t => t.OpenKey != null && keys.Contains(t.OpenKey)).ToListAsync(ct);
        foreach (var group in keyed.Concat(legacy).DistinctBy(t => t.Id).GroupBy(t => t.OpenKey!))
        {
            var keep = group.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).First();
            staffTasks.Cancel(actor, group.Where(t => t.Id != keep.Id), now, $"A duplicate of the open task \"{keep.Title}\" for the same record");
        }

        // The duplicates are closed (their open key cleared) in the same statement batch that gives the rest their keys.
        await db.SaveChangesAsync(ct);
    }

    private static System.Linq.Expressions.Expression<Func<T, bool>> Negate<T>(System.Linq.Expressions.Expression<Func<T, bool>> predicate) =>
        System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(System.Linq.Expressions.Expression.Not(predicate.Body), predicate.Parameters);

    private async Task<Dictionary<Guid, StalkingCase>> CasesForRespondentsAsync(IEnumerable<Guid> respondentIds, CancellationToken ct)
    {
        var ids = respondentIds.Distinct().ToList();
        var cases = await db.Cases.Where(c => c.RespondentId != null && ids.Contains(c.RespondentId.Value)).ToListAsync(ct);
        return cases.GroupBy(c => c.RespondentId!.Value).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.OpenedAt).First());
    }

    private static void Candidate(List<StaffTask> candidates, StaffTaskType type, string key, string title, DateOnly dueOn, Guid? orderId, Guid? obligationId,
        StalkingCase? c, DateTimeOffset now) =>
        candidates.Add(StaffTask.Raise(type, key, title, dueOn, orderId, obligationId, c?.Id, c?.Team, c?.OfficerInCharge, now));
}
