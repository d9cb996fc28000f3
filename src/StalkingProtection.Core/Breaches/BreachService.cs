using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.VictimUpdates;

namespace StalkingProtection.Core.Breaches;

public sealed record RecordBreachOptions(Guid OrderId, Guid ConditionId, DateTimeOffset IncidentAt, string? Location, string Description,
    DateTimeOffset? ReportedAt = null, Override? Override = null);

public sealed record RecordBreachOutcomeOptions(Guid BreachId, BreachOutcome Outcome, DateOnly? ConvictedOn, string? Sentence, long? ExpectedVersion = null);

public sealed record UpdateBreachOptions(Guid BreachId, string? CrimeReference, DateTimeOffset? ArrestedAt, DateTimeOffset? ChargedAt,
    string? ReasonableExcuseClaimed, BreachOutcome Outcome, DateOnly? ConvictedOn, string? Sentence, DateTimeOffset? VictimInformedAt,
    long? ExpectedVersion = null);

public sealed record RecordBreachProgressOptions(Guid BreachId, BreachProgress Progress, long? ExpectedVersion = null);

/// <summary>Breaches of orders (SPA 2019 s.8).</summary>
public sealed class BreachService(StalkingProtectionDbContext db, TimeProvider timeProvider, AuditLog audit, StaffTaskRaiser staffTasks)
{
    /// <summary>R35, R36: the breach names a condition in force at the incident; pre-service incidents go to legal review.</summary>
    public async Task<BreachRecordedOutcome> RecordBreachAsync(RecordBreachOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var order = await db.Orders.SingleAsync(o => o.Id == options.OrderId, ct);
        var breach = Breach.Record(order, options.ConditionId, options.IncidentAt, options.Location, options.Description, options.ReportedAt ?? now,
            options.Override, now, out var overridden);
        var legalReviewFor = await AddAsync(actor, order, breach, options.Override, overridden, now, ct);
        await VictimUpdateOutbox.AddAsync(db, order.CaseId, VictimUpdateEvent.BreachReported, order.VictimReference, Time.LondonTime.DateOf(breach.ReportedAt), now, ct);
        await db.SaveChangesAsync(ct);
        return BreachRecordedOutcome.Recorded(breach, order, legalReviewFor);
    }

    /// <summary>
    /// Adds a recorded breach to the caller's unit of work with its audit entry and, for an incident before service, the legal
    /// review task (R35); shared by staff recording a breach and by an arrest on a breach reported online. Answers whom the legal
    /// review task was raised for, or null when none was needed.
    /// </summary>
    internal async Task<string?> AddAsync(Actor actor, StalkingProtectionOrder order, Breach breach, Override? @override, IReadOnlyList<RuleWarning> overridden, DateTimeOffset now, CancellationToken ct)
    {
        db.Breaches.Add(breach);
        string? legalReviewFor = null;
        if (breach.NeedsLegalReview)
        {
            var stalkingCase = await db.Cases.SingleAsync(c => c.Id == order.CaseId, ct);
            var task = StaffTask.Raise(StaffTaskType.LegalReview, $"LegalReview:Breach:{breach.Id}",
                "Legal review: breach incident before the order was served (R35)", Time.LondonTime.DateOf(now), order.Id, null, order.CaseId,
                stalkingCase.Team, stalkingCase.OfficerInCharge, now);
            await staffTasks.RaiseOnceAsync(actor, task, ct);
            legalReviewFor = string.IsNullOrWhiteSpace(stalkingCase.OfficerInCharge) ? stalkingCase.Team : stalkingCase.OfficerInCharge;
        }

        audit.Add(actor, AuditEvents.Breach.Recorded.For(breach.Id, Override.Justification(@override, overridden),
            newValues: new { breach.OrderId, breach.ConditionId, breach.IncidentAt, breach.OrderServedAt, breach.NeedsLegalReview, breach.ArrestedAt }));
        return legalReviewFor;
    }

    public async Task<BreachUpdatedOutcome> RecordOutcomeAsync(RecordBreachOutcomeOptions options, Actor actor, CancellationToken ct = default)
    {
        var breach = await db.Breaches.SingleAsync(b => b.Id == options.BreachId, ct);
        db.ExpectVersion(breach, options.ExpectedVersion);
        var old = new { breach.Outcome, breach.ConvictedOn, breach.Sentence };
        breach.RecordOutcome(options.Outcome, options.ConvictedOn, options.Sentence);
        audit.Add(actor, AuditEvents.Breach.OutcomeRecorded.For(breach.Id, oldValues: old,
            newValues: new { breach.Outcome, breach.ConvictedOn, breach.Sentence }));
        await TellOutcomeAsync(breach, old.Outcome, ct);
        await db.SaveChangesAsync(ct);
        return BreachUpdatedOutcome.Updated(breach, old.Outcome);
    }

    /// <summary>What followed a breach: arrest, charge, court outcome and sentence (R37), and when the victim was told (R41).</summary>
    public async Task<BreachUpdatedOutcome> UpdateAsync(UpdateBreachOptions options, Actor actor, CancellationToken ct = default)
    {
        var breach = await db.Breaches.SingleAsync(b => b.Id == options.BreachId, ct);
        db.ExpectVersion(breach, options.ExpectedVersion);
        var old = new { breach.CrimeReference, breach.ArrestedAt, breach.ChargedAt, breach.Outcome, breach.ConvictedOn, breach.Sentence, breach.VictimInformedAt };
        breach.RecordProgress(options.CrimeReference, options.ArrestedAt, options.ChargedAt, options.ReasonableExcuseClaimed);
        breach.RecordOutcome(options.Outcome, options.ConvictedOn, options.Sentence);
        if (options.VictimInformedAt is { } informed)
        {
            breach.RecordVictimInformed(informed);
        }

        audit.Add(actor, AuditEvents.Breach.Updated.For(breach.Id, oldValues: old,
            newValues: new { breach.CrimeReference, breach.ArrestedAt, breach.ChargedAt, breach.Outcome, breach.ConvictedOn, breach.Sentence, breach.VictimInformedAt }));
        await TellOutcomeAsync(breach, old.Outcome, ct);
        await db.SaveChangesAsync(ct);
        return BreachUpdatedOutcome.Updated(breach, old.Outcome);
    }

    /// <summary>Arrest, charge, plea, court outcome, sentence (R37) and when the victim was told (R41), checked together.</summary>
    public async Task<BreachUpdatedOutcome> RecordProgressAsync(RecordBreachProgressOptions options, Actor actor, CancellationToken ct = default)
    {
        var breach = await db.Breaches.SingleAsync(b => b.Id == options.BreachId, ct);
        db.ExpectVersion(breach, options.ExpectedVersion);
        var old = new { breach.CrimeReference, breach.ArrestedAt, breach.ChargedAt, breach.Plea, breach.PleaOn, breach.Outcome, breach.ConvictedOn, breach.Sentence, breach.VictimInformedAt };
        breach.RecordProgress(options.Progress, timeProvider.GetUtcNow());
        audit.Add(actor, AuditEvents.Breach.ProgressRecorded.For(breach.Id, oldValues: old,
            newValues: new { breach.CrimeReference, breach.ArrestedAt, breach.ChargedAt, breach.Plea, breach.PleaOn, breach.Outcome, breach.ConvictedOn, breach.Sentence, breach.VictimInformedAt }));
        await TellOutcomeAsync(breach, old.Outcome, ct);
        await db.SaveChangesAsync(ct);
        return BreachUpdatedOutcome.Updated(breach, old.Outcome);
    }

    /// <summary>
    /// R41: a new outcome reaches the victims who asked for it, whichever page or API call records it; keyed by the breach and the
    /// outcome, so the same outcome recorded again raises no second update.
    /// </summary>
    private async Task TellOutcomeAsync(Breach breach, BreachOutcome before, CancellationToken ct)
    {
        if (breach.Outcome == before)
        {
            return;
        }

        var order = await db.Orders.AsNoTracking().Where(o => o.Id == breach.OrderId).Select(o => new { o.CaseId, o.VictimReference }).SingleAsync(ct);
        var now = timeProvider.GetUtcNow();
        await VictimUpdateOutbox.AddAsync(db, order.CaseId, VictimUpdateEvent.BreachOutcome, order.VictimReference, Time.LondonTime.DateOf(now), now, ct,
            key: $"BreachOutcome:{breach.Id:N}:{breach.Outcome}", detail: VictimUpdateOutbox.OutcomeDetail(breach.Outcome));
    }
}
