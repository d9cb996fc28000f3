using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Notifications;

public sealed record RecordNotificationOptions(Guid RespondentId, NotificationEvent.Details Details, Guid? ObligationId = null);

public sealed record RecordNameChangeOptions(Guid RespondentId, string GivenNames, string FamilyName, DateOnly FirstUsedOn);

public sealed record RecordAddressChangeOptions(Guid RespondentId, string Address, Applications.PoliceForce? PoliceArea, DateOnly MovedOn,
    AddressSource Source = AddressSource.Other);

public sealed record RecordSoaFinalDayOptions(Guid RespondentId, DateOnly FinalDay);

public sealed record RecordSoaStartOptions(Guid RespondentId, DateOnly StartedOn);

/// <summary>Exactly one of <see cref="ObligationId"/> (a failure to notify) or <see cref="NotificationEventId"/> (H20168, H20169).</summary>
public sealed record RecordNotificationOffenceOptions(Guid RespondentId, Guid? ObligationId, Guid? NotificationEventId, string OffenceCode,
    string? ReasonableExcuseNotes);

public sealed record RecordNotificationOffenceOutcomeOptions(Guid OffenceId, NotificationOffenceOutcome Outcome, DateOnly? OutcomeOn, string? ReasonableExcuseNotes,
    long? ExpectedVersion = null);

public sealed record ExcuseObligationOptions(Guid ObligationId, string Reason, long? ExpectedVersion = null);

/// <summary>The respondent's notification duties (SPA 2019 ss.9–11).</summary>
public sealed class NotificationService(StalkingProtectionDbContext db, TimeProvider timeProvider, AuditLog audit, StaffTaskRaiser staffTasks)
{
    /// <summary>
    /// Records a notification at a police station (s.10) and marks the duties it meets: the named one, or every open or overdue
    /// duty of the respondent it can meet. R32: a refusal of fingerprints or photographs raises a potential s.11 offence task.
    /// Answers with the acknowledgement reference and the duties met, each on time or late.
    /// </summary>
    public async Task<NotificationRecordedOutcome> RecordNotificationAsync(RecordNotificationOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var respondent = await db.Respondents.SingleToChangeAsync(options.RespondentId, ct);
        var notifiedOn = LondonTime.DateOf(options.Details.NotifiedAt);
        var expectedArea = await ExpectedPoliceAreaAsync(respondent, notifiedOn, ct);

        // SPA 2019 s.10(4), R31: every notification is acknowledged in writing; the service issues the reference if the
        // station has not already given one. An issued reference carries a whole new identifier, so two notifications at the
        // same instant never share one.
        var details = string.IsNullOrWhiteSpace(options.Details.AcknowledgementReference)
            ? options.Details with
            {
                AcknowledgementReference = IssuedReference(notifiedOn, now),
                AcknowledgedAt = options.Details.AcknowledgedAt ?? now,
            }
            : options.Details;
        var reference = details.AcknowledgementReference.Trim();
        if (await db.NotificationEvents.AnyAsync(e => e.AcknowledgementReference == reference, ct))
        {
            throw RuleViolationException.Conflict("acknowledgementReference",
                $"The acknowledgement reference \"{reference}\" is already held by another notification: each written acknowledgement has its own reference (SPA 2019 s.10(4), R31)");
        }

        var notification = NotificationEvent.Record(respondent, details, expectedArea, now);
        db.NotificationEvents.Add(notification);

        // A duty already met by a later notification is met by this one instead (entry order never changes the law, R27, R28).
        var obligations = options.ObligationId is { } id
            ? await db.NotificationObligations.Where(o => o.Id == id).ToListAsync(ct)
            : await db.NotificationObligations
                .Where(o => o.RespondentId == respondent.Id && (o.Status == ObligationStatus.Open || o.Status == ObligationStatus.Overdue
                    || (o.Status == ObligationStatus.Met && o.MetOn > notifiedOn)))
                .ToListAsync(ct);
        if (options.ObligationId is not null && obligations.Count == 0)
        {
            throw new RuleViolationException([new RuleViolation("R25", "obligationId", "There is no such notification duty", "SPA 2019 s.9")]);
        }

        var met = new List<Guid>();
        var before = obligations.ToDictionary(o => o.Id, o => new { o.Status, o.MetOn });
        var metNow = options.ObligationId is null
            ? NotificationObligation.MeetAllItCan(notification, respondent, obligations)
            : [.. obligations.Select(o => { o.Meet(notification, respondent); return o; })];
        foreach (var obligation in metNow)
        {
            met.Add(obligation.Id);
            MarkNameNotified(respondent, obligation);
            audit.Add(actor, AuditEvents.Obligation.Met.For(obligation.Id, oldValues: before[obligation.Id],
                newValues: new { obligation.Status, obligation.MetOn, NotificationId = notification.Id }));
        }

        if (notification.BiometricsRefused)
        {
            // SPA 2019 s.10(5), s.11(1)(a), R32: H20168; flagged, never alleged.
            var stalkingCase = await db.Cases.Where(c => c.RespondentId == respondent.Id).OrderByDescending(c => c.OpenedAt).FirstOrDefaultAsync(ct);
            var task = StaffTask.Raise(StaffTaskType.PotentialS11Offence, $"S11:Biometrics:{notification.Id}",
                "Potential s.11 offence (H20168): fingerprints or photographs refused on notification", timeProvider.UkToday, null, null, stalkingCase?.Id,
                stalkingCase?.Team, stalkingCase?.OfficerInCharge, now);
            await staffTasks.RaiseOnceAsync(actor, task, ct);
        }

        audit.Add(actor, Recorded(notification, met));
        await db.SaveChangesAsync(ct);
        return NotificationRecordedOutcome.Recorded(notification, metNow);
    }

    /// <summary>SPA 2019 s.10(4), R31: the reference the service issues for a notification's written acknowledgement.</summary>
    internal static string IssuedReference(DateOnly notifiedOn, DateTimeOffset now) =>
        $"SPA-ACK-{notifiedOn:yyyyMMdd}-{Guid.CreateVersion7(now).ToString("N").ToUpperInvariant()}";

    internal static AuditEvent Recorded(NotificationEvent notification, IReadOnlyList<Guid> met) => AuditEvents.Notification.Recorded.For(notification.Id,
        newValues: new
        {
            notification.RespondentId,
            notification.NotifiedAt,
            notification.StationName,
            notification.StationPoliceArea,
            notification.Mode,
            notification.ReceivedBy,
            notification.AcknowledgementReference,
            notification.AcknowledgedAt,
            notification.BiometricsRequested,
            notification.BiometricsOutcome,
            ObligationsMet = met,
        });

    /// <summary>
    /// SPA 2019 s.10(1)–(3), R29: the police area where the respondent had to notify on <paramref name="on"/>, or null when the
    /// service knows neither a home address nor an order made by then.
    /// </summary>
    public async Task<Applications.PoliceForce?> ExpectedPoliceAreaAsync(Respondent respondent, DateOnly on, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(respondent);
        var lastCourtArea = await db.Orders.Where(o => o.RespondentId == respondent.Id && o.MadeOn <= on)
            .OrderByDescending(o => o.MadeOn).ThenByDescending(o => o.RecordedAt)
            .Select(o => o.CourtPoliceArea).FirstOrDefaultAsync(ct);
        return NotificationEvent.ExpectedPoliceArea(respondent, on, lastCourtArea);
    }

    /// <summary>SPA 2019 s.9(3), R27: a new name creates a duty due by the end of the third day beginning with first use, where s.9 applies.</summary>
    public async Task<NotificationDutyOutcome> RecordNameChangeAsync(RecordNameChangeOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var respondent = await db.Respondents.SingleToChangeAsync(options.RespondentId, ct);
        var person = await db.People.SingleAsync(p => p.Id == respondent.PersonId, ct);
        var name = person.AddAlias(options.GivenNames, options.FamilyName, options.FirstUsedOn, now);
        db.Entry(name).State = EntityState.Added;
        db.Touch(person);
        var duty = StalkingProtectionOrder.NotificationDutyFor(NotificationTrigger.NewName, options.FirstUsedOn, name.Id, respondent,
            await OrdersMadeByAsync(respondent, options.FirstUsedOn, ct), now, await NotificationsOfAsync(respondent, ct));
        AddCreated(duty, respondent);
        audit.Add(actor, AuditEvents.Respondent.NameAdded.For(person.Id,
            newValues: new { NameId = name.Id, name.FirstUsedOn, duty.ObligationId, duty.Obligation?.DueBy, duty.Obligation?.MetOn }));
        await db.SaveChangesAsync(ct);
        return duty;
    }

    /// <summary>SPA 2019 s.9(4), R28: a change of home address creates a duty due by the end of the third day beginning with the move, where s.9 applies.</summary>
    public async Task<NotificationDutyOutcome> RecordAddressChangeAsync(RecordAddressChangeOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var respondent = await db.Respondents.SingleToChangeAsync(options.RespondentId, ct);
        var old = respondent.HomeAddressOn(options.MovedOn.AddDays(-1));
        var address = respondent.MoveTo(options.Address, options.PoliceArea, options.MovedOn, options.Source, now);
        db.Entry(address).State = EntityState.Added;
        db.Touch(respondent);
        var duty = StalkingProtectionOrder.NotificationDutyFor(NotificationTrigger.NewAddress, options.MovedOn, address.Id, respondent,
            await OrdersMadeByAsync(respondent, options.MovedOn, ct), now, await NotificationsOfAsync(respondent, ct));
        AddCreated(duty, respondent);
        audit.Add(actor, AuditEvents.Respondent.AddressChanged.For(respondent.Id,
            oldValues: new { PreviousAddressId = old?.Id, PreviousPoliceArea = old?.PoliceArea },
            newValues: new { AddressId = address.Id, address.PoliceArea, address.FromDate, duty.ObligationId, duty.Obligation?.DueBy, duty.Obligation?.MetOn }));
        await db.SaveChangesAsync(ct);
        return duty;
    }

    /// <summary>SPA 2019 s.9(6)–(7), R26: SOA 2003 Part 2 ends while an order is in effect, so s.9 starts to apply.</summary>
    public async Task<NotificationDutyOutcome> RecordSoaFinalDayAsync(RecordSoaFinalDayOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var respondent = await db.Respondents.SingleToChangeAsync(options.RespondentId, ct);
        respondent.EndSoaPart2(options.FinalDay);
        db.Touch(respondent);
        var duty = StalkingProtectionOrder.NotificationDutyFor(NotificationTrigger.FinalDaySoa, options.FinalDay, null, respondent,
            await OrdersMadeByAsync(respondent, options.FinalDay, ct), now, await NotificationsOfAsync(respondent, ct));
        AddCreated(duty, respondent);
        audit.Add(actor, AuditEvents.Respondent.SoaPart2Ended.For(respondent.Id,
            newValues: new { options.FinalDay, duty.ObligationId, duty.Obligation?.DueBy, duty.Obligation?.MetOn }));
        await db.SaveChangesAsync(ct);
        return duty;
    }

    /// <summary>SPA 2019 s.9(5), R25: the respondent becomes subject to SOA 2003 Part 2, so no new s.9 duty arises while it lasts.</summary>
    public async Task<SoaPart2StartedOutcome> RecordSoaStartAsync(RecordSoaStartOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var respondent = await db.Respondents.SingleToChangeAsync(options.RespondentId, ct);
        var period = respondent.StartSoaPart2(options.StartedOn, now);
        db.Entry(period).State = EntityState.Added;
        db.Touch(respondent);
        audit.Add(actor, AuditEvents.Respondent.SoaPart2Started.For(respondent.Id,
            newValues: new { PeriodId = period.Id, period.StartedOn }));
        await db.SaveChangesAsync(ct);
        return SoaPart2StartedOutcome.Started(respondent, period);
    }

    /// <summary>
    /// SPA 2019 s.11, R33: a person records a suspected offence; the deadline check only ever flags an overdue duty. The code must fit
    /// what happened: H20165–H20167 against the duty not met, H20168 (R32) or H20169 against the notification.
    /// </summary>
    public async Task<NotificationOffenceRecordedOutcome> RecordOffenceAsync(RecordNotificationOffenceOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        new RuleCheck()
            .Must((options.ObligationId is null) != (options.NotificationEventId is null), "Input", "obligationId",
                "Name either the notification duty that was not met or the notification the offence concerns, not both", "SPA 2019 s.11")
            .ThrowIfBroken();
        NotificationOffence offence;
        NotificationOffenceRecordedOutcome recorded;
        if (options.ObligationId is { } obligationId)
        {
            var obligation = await db.NotificationObligations.SingleAsync(o => o.Id == obligationId && o.RespondentId == options.RespondentId, ct);
            offence = NotificationOffence.ForFailureToNotify(obligation, options.OffenceCode, options.ReasonableExcuseNotes, actor.Name, timeProvider.UkToday, now);
            recorded = NotificationOffenceRecordedOutcome.AgainstDuty(offence, obligation);
        }
        else
        {
            var notification = await db.NotificationEvents.SingleAsync(e => e.Id == options.NotificationEventId && e.RespondentId == options.RespondentId, ct);
            offence = NotificationOffence.ForNotification(notification, options.OffenceCode, options.ReasonableExcuseNotes, actor.Name, now);
            recorded = NotificationOffenceRecordedOutcome.AgainstNotification(offence);
        }

        db.NotificationOffences.Add(offence);
        audit.Add(actor, AuditEvents.NotificationOffence.Recorded.For(offence.Id,
            newValues: new { offence.RespondentId, offence.ObligationId, offence.NotificationEventId, offence.OffenceCode, offence.OffenceOn, offence.RecordedBy }));
        await db.SaveChangesAsync(ct);
        return recorded;
    }

    /// <summary>SPA 2019 s.11, R33: what became of a suspected offence; an accepted reasonable excuse is an outcome, since it is an element of the offence.</summary>
    public async Task<NotificationOffenceUpdatedOutcome> RecordOffenceOutcomeAsync(RecordNotificationOffenceOutcomeOptions options, Actor actor, CancellationToken ct = default)
    {
        var offence = await db.NotificationOffences.SingleAsync(o => o.Id == options.OffenceId, ct);
        db.ExpectVersion(offence, options.ExpectedVersion);
        var old = new { offence.Outcome, offence.OutcomeOn };
        offence.RecordOutcome(options.Outcome, options.OutcomeOn, options.ReasonableExcuseNotes, timeProvider.UkToday);
        audit.Add(actor, AuditEvents.NotificationOffence.OutcomeRecorded.For(offence.Id, oldValues: old,
            newValues: new { offence.Outcome, offence.OutcomeOn }));
        await db.SaveChangesAsync(ct);
        return NotificationOffenceUpdatedOutcome.Recorded(offence, old.Outcome);
    }

    /// <summary>R33: a reasonable excuse accepted, or the duty fell away.</summary>
    public async Task<ObligationExcusedOutcome> ExcuseAsync(ExcuseObligationOptions options, Actor actor, CancellationToken ct = default)
    {
        var obligation = await db.NotificationObligations.SingleAsync(o => o.Id == options.ObligationId, ct);
        db.ExpectVersion(obligation, options.ExpectedVersion);
        var old = new { obligation.Status };
        obligation.Excuse(options.Reason, timeProvider.UkToday);
        audit.Add(actor, AuditEvents.Obligation.Excused.For(obligation.Id, options.Reason, oldValues: old, newValues: new { obligation.Status }));
        await db.SaveChangesAsync(ct);
        return ObligationExcusedOutcome.Excused(obligation, old.Status);
    }

    private async Task<List<StalkingProtectionOrder>> OrdersMadeByAsync(Respondent respondent, DateOnly on, CancellationToken ct) =>
        await db.Orders.Where(o => o.RespondentId == respondent.Id && o.MadeOn <= on).ToListAsync(ct);

    private void AddCreated(NotificationDutyOutcome duty, Respondent respondent)
    {
        if (duty.Obligation is { } obligation)
        {
            db.NotificationObligations.Add(obligation);
            MarkNameNotified(respondent, obligation);
        }
    }

    // SPA 2019 s.9(3): a new name met by a notification now counts as notified.
    private static void MarkNameNotified(Respondent respondent, NotificationObligation obligation)
    {
        if (obligation is { Trigger: NotificationTrigger.NewName, SubjectId: { } nameId, MetOn: { } metOn })
        {
            respondent.Person.Names.SingleOrDefault(n => n.Id == nameId)?.MarkNotified(metOn);
        }
    }

    private async Task<List<NotificationEvent>> NotificationsOfAsync(Respondent respondent, CancellationToken ct) =>
        await db.NotificationEvents.Where(e => e.RespondentId == respondent.Id).ToListAsync(ct);
}
