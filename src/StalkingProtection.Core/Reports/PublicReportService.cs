using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Reports;

public enum DraftStatus
{
    Missing,
    Expired,
    Active,
    Submitted,
}

public sealed record ReportDraftState(DraftStatus Status, ReportAnswers Answers, string? Reference = null)
{
    public bool IsActive => Status == DraftStatus.Active;
}

public enum SubmitOutcome
{
    Sent,
    AlreadySent,
    Expired,
    Incomplete,
}

public sealed record SubmitResult(SubmitOutcome Outcome, string? Reference = null, ReportStep? FirstUnanswered = null);

/// <summary>The online "report stalking" journey: encrypted drafts that expire, and reports sent to the triage queue.</summary>
public sealed class PublicReportService(
    StalkingProtectionDbContext db, IDataProtectionProvider dataProtection, AuditLog auditLog, TimeProvider timeProvider)
{
    public const string ContactPurpose = "StalkingProtection.PublicReport.v1";
    public const string DraftPurpose = "StalkingProtection.PublicReportDraft.v1";

    /// <summary>Answers are deleted after this long without activity.</summary>
    public static readonly TimeSpan DraftLifetime = TimeSpan.FromMinutes(30);

    public static Actor PublicActor { get; } = new("public", "Member of the public (online report)", null);


    private PublicDrafts Drafts => field ??= new PublicDrafts(db, dataProtection, timeProvider);

    public Task<Guid> StartDraftAsync(CancellationToken ct = default) => Drafts.StartAsync<ReportAnswers>(PublicJourney.ReportStalking, ct);

    /// <summary>Deletes every draft past its expiry, with its answers, whichever journey it belongs to; a sent draft keeps no answers to delete.</summary>
    public Task<int> PurgeExpiredDraftsAsync(CancellationToken ct = default) => Drafts.PurgeExpiredAsync(ct);

    /// <summary>Loads a draft and counts the visit as activity.</summary>
    public Task<ReportDraftState> GetDraftAsync(Guid draftId, CancellationToken ct = default) =>
        UpdateAnswersAsync(draftId, _ => { }, ct);

    /// <summary>Changes the answers of an active draft; an expired draft is deleted instead.</summary>
    public async Task<ReportDraftState> UpdateAnswersAsync(Guid draftId, Action<ReportAnswers> change, CancellationToken ct = default)
    {
        var read = await Drafts.UpdateAsync(draftId, PublicJourney.ReportStalking, change, ct);
        if (read.SentId is { } reportId)
        {
            var reference = await db.PublicReports.Where(r => r.Id == reportId).Select(r => r.Reference).SingleAsync(ct);
            return new ReportDraftState(DraftStatus.Submitted, new ReportAnswers(), reference);
        }

        return new ReportDraftState(read.Status, read.Answers);
    }

    /// <summary>Deletes a draft and its answers at once, whichever journey it belongs to.</summary>
    public Task DiscardAsync(Guid draftId, CancellationToken ct = default) => Drafts.DiscardAsync(draftId, ct);

    /// <summary>
    /// Sends the draft to the triage queue with its contact details encrypted, and audits the collection. Sending
    /// the same draft again, even at the same moment, gives the reference of the one report (RL9).
    /// </summary>
    public async Task<SubmitResult> SubmitAsync(Guid draftId, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var state = await GetDraftAsync(draftId, ct);
        switch (state.Status)
        {
            case DraftStatus.Submitted:
                return new SubmitResult(SubmitOutcome.AlreadySent, state.Reference);
            case DraftStatus.Missing or DraftStatus.Expired:
                return new SubmitResult(SubmitOutcome.Expired);
        }

        var answers = state.Answers;
        if (answers.FirstUnanswered() is { } step)
        {
            return new SubmitResult(SubmitOutcome.Incomplete, FirstUnanswered: step);
        }

        var report = CreateReport(draftId, answers, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Claim the draft first: a second send of the same draft waits here for the first to commit, then finds it
        // claimed. The unique index on DraftId is the last guard.
        if (!await Drafts.ClaimAsync(draftId, report.Id, ct))
        {
            await transaction.RollbackAsync(ct);
            return await AlreadySentAsync(draftId, ct);
        }

        db.PublicReports.Add(report);

        // DPA 2018 s.62: the collection of personal data is logged; the log holds no personal data itself.
        auditLog.Add(PublicActor, AuditEvents.PublicReport.Submitted.For(report.Id,
            newValues: new { report.Reference, Status = report.Status.ToString() }));
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new SubmitResult(SubmitOutcome.Sent, report.Reference);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await AlreadySentAsync(draftId, ct);
        }
    }

    private async Task<SubmitResult> AlreadySentAsync(Guid draftId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var reference = await db.PublicReports.AsNoTracking().Where(r => r.DraftId == draftId).Select(r => r.Reference).SingleOrDefaultAsync(ct);
        return reference is null ? new SubmitResult(SubmitOutcome.Expired) : new SubmitResult(SubmitOutcome.AlreadySent, reference);
    }

    /// <summary>A reference in the same format as a real one, for a submission that is not stored.</summary>
    public static string NewReference() => PublicReference.New("SPR");

    private PublicReport CreateReport(Guid draftId, ReportAnswers answers, DateTimeOffset now)
    {
        var forSomeoneElse = answers.ForSomeoneElse;
        var contact = answers.WantsContact || forSomeoneElse
            ? new SafeContactDetails(
                answers.WantsContact ? Clean(answers.ContactName) : null,
                answers.NeedsPhone ? Clean(answers.PhoneNumber) : null,
                answers.NeedsEmail ? Clean(answers.Email) : null,
                answers.WantsContact ? Clean(answers.SafeTimes) : null,
                answers.CanCall ? answers.VoicemailAllowed : null,
                forSomeoneElse ? Clean(answers.PersonName) : null,
                forSomeoneElse && answers.PersonContactRoute == Reports.PersonContactRoute.Directly ? Clean(answers.PersonContactDetails) : null)
            : null;
        return new PublicReport
        {
            Id = Guid.CreateVersion7(now),
            Reference = NewReference(),
            DraftId = draftId,
            SubmittedAt = now,
            InImmediateDanger = answers.InImmediateDanger == true,
            ReportingFor = answers.ReportingFor!.Value,
            PersonKnowsAboutReport = forSomeoneElse ? answers.PersonKnowsAboutReport : null,
            PersonContactRoute = forSomeoneElse ? answers.PersonContactRoute : null,
            Behaviours = answers.Behaviours,
            OtherBehaviour = answers.Behaviours.HasFlag(StalkingBehaviours.SomethingElse) ? Clean(answers.OtherBehaviour) : null,
            StartedWhen = Clean(answers.StartedWhen)!,
            HowOften = answers.HowOften!.Value,
            SuspectKnown = answers.SuspectKnown == true,
            SuspectName = answers.SuspectKnown == true ? Clean(answers.SuspectName) : null,
            SuspectDetails = answers.SuspectKnown == true ? Clean(answers.SuspectDetails) : null,
            Effect = Clean(answers.Effect)!,
            ContactMethods = answers.ContactMethods ?? SafeContactMethods.None,
            ProtectedContact = contact is null ? null : SafeContactProtection.Protect(dataProtection, contact),
        };
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
