using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;
using StalkingProtection.Core.VictimUpdates;

namespace StalkingProtection.Core.Hearings;

public sealed record ListHearingOptions(Guid ApplicationId, DateTimeOffset ListedFor, string CourtName);

public sealed record AdjournHearingOptions(Guid HearingId, string Reason, DateTimeOffset? NextHearingAt);

public sealed record RecordStandardOfProofOptions(Guid HearingId, StandardOfProof Argued, StandardOfProof Found, long? ExpectedVersion = null);

/// <summary>Hearings of an application before the court: listing, adjournment, the standard of proof (R38) and the decision made at one.</summary>
public sealed class HearingService(StalkingProtectionDbContext db, TimeProvider timeProvider, AuditLog audit, ApplicationService applications, StaffTaskRaiser staffTasks)
{
    public async Task<HearingRecordedOutcome> ListHearingAsync(ListHearingOptions options, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var application = await db.Applications.SingleAsync(a => a.Id == options.ApplicationId, ct);
        var hearing = Hearing.List(application, options.ListedFor, options.CourtName, timeProvider.GetUtcNow());
        db.Hearings.Add(hearing);
        audit.Add(actor, AuditEvents.Hearing.Listed.For(hearing.Id,
            newValues: new { hearing.ApplicationId, hearing.ListedFor, hearing.CourtName }));
        var stalkingCase = await db.Cases.SingleAsync(c => c.Id == application.CaseId, ct);
        var listedOn = LondonTime.DateOf(hearing.ListedFor);
        var task = StaffTask.Raise(StaffTaskType.PrepareForHearing, $"Hearing:{hearing.Id}",
            $"Prepare for the hearing at {hearing.CourtName} on {listedOn:d MMMM yyyy}", listedOn, application.OrderId, null, application.CaseId,
            stalkingCase.Team, stalkingCase.OfficerInCharge, timeProvider.GetUtcNow(), hearing.Id);
        await staffTasks.RaiseOnceAsync(actor, task, ct);
        var reference = application.OrderId is { } orderId ? await db.Orders.Where(o => o.Id == orderId).Select(o => o.VictimReference).SingleOrDefaultAsync(ct) : null;
        await VictimUpdateOutbox.AddAsync(db, application.CaseId, VictimUpdateEvent.HearingListed, reference, listedOn, timeProvider.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return HearingRecordedOutcome.Listed(hearing, string.IsNullOrWhiteSpace(stalkingCase.OfficerInCharge) ? stalkingCase.Team : stalkingCase.OfficerInCharge);
    }

    public async Task<HearingRecordedOutcome> AdjournHearingAsync(AdjournHearingOptions options, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hearing = await db.Hearings.SingleAsync(h => h.Id == options.HearingId, ct);
        var application = await db.Applications.SingleAsync(a => a.Id == hearing.ApplicationId, ct);
        hearing.Adjourn(application, options.Reason, options.NextHearingAt);
        audit.Add(actor, AuditEvents.Hearing.Adjourned.For(hearing.Id, options.Reason,
            newValues: new { hearing.Outcome, hearing.NextHearingAt }));
        await staffTasks.CompleteOpenForRecordAsync(actor, hearing.Id, StaffTaskType.PrepareForHearing, timeProvider.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return HearingRecordedOutcome.Adjourned(hearing);
    }

    /// <summary>R38: the standard of proof argued and, where the court states it, the standard it applied.</summary>
    public async Task<StandardOfProofRecordedOutcome> RecordStandardOfProofAsync(RecordStandardOfProofOptions options, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hearing = await db.Hearings.SingleAsync(h => h.Id == options.HearingId, ct);
        db.ExpectVersion(hearing, options.ExpectedVersion);
        var old = new { hearing.StandardArgued, hearing.StandardFound };
        hearing.RecordStandardOfProof(options.Argued, options.Found);
        db.Touch(hearing);
        audit.Add(actor, AuditEvents.Hearing.StandardOfProofRecorded.For(hearing.Id, oldValues: old,
            newValues: new { hearing.StandardArgued, hearing.StandardFound }));
        await db.SaveChangesAsync(ct);
        return StandardOfProofRecordedOutcome.Recorded(hearing);
    }

    /// <summary>The court's decision at a hearing: the hearing is marked determined with the application (R17 via ApplicationService.DetermineAsync).</summary>
    public async Task<ApplicationStepOutcome> DetermineAtHearingAsync(Guid hearingId, DetermineApplicationOptions options, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hearing = await db.Hearings.SingleAsync(h => h.Id == hearingId && h.ApplicationId == options.ApplicationId, ct);
        hearing.MarkDetermined();
        return await applications.DetermineAsync(options, actor, ct);
    }
}
