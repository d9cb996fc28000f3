using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Reports;

/// <summary>The person who reported for themselves, recorded as the victim on the new case.</summary>
public sealed record ReporterAsVictim(string GivenNames, string FamilyName, bool CopyContactDetails);

public sealed record OpenCaseFromReportOptions(Guid ReportId, long? ExpectedVersion, IReadOnlyList<string> CrimeReferences, OffencesConsidered Offences,
    string OfficerInCharge, string Team, ReporterAsVictim? Victim = null);

public sealed record AddReportToCaseOptions(Guid ReportId, long? ExpectedVersion, Guid CaseId);

public sealed record CloseReportOptions(Guid ReportId, long? ExpectedVersion, TriageCloseReason Reason, string Details);

public sealed record TriageQueueRow(Guid Id, string Reference, DateTimeOffset SubmittedAt, PublicReportStatus Status, bool InImmediateDanger,
    string? TriageStartedByName, ReportingFor ReportingFor = ReportingFor.Myself);

/// <summary>
/// The triage queue of online reports: each becomes a new case, joins an existing case, or is closed with its reason.
/// The outcome and every read of the contact details are audited (DPA 2018 s.62).
/// </summary>
public sealed class TriageService(
    StalkingProtectionDbContext db, TimeProvider timeProvider, AuditLog audit, IDataProtectionProvider dataProtection, VictimContactService victimContacts,
    Statistics.DashboardQueries dashboard, CaseService cases)
{
    public const int QueueLimit = 200;

    /// <summary>Reports not yet decided; answered from the (status, submitted at) index.</summary>
    public IQueryable<PublicReport> AwaitingTriage() => dashboard.ReportsAwaitingTriage();

    /// <summary>Reports made by someone in immediate danger first, then the oldest first.</summary>
    public async Task<IReadOnlyList<TriageQueueRow>> QueueAsync(Actor actor, CancellationToken ct = default)
    {
        var rows = await AwaitingTriage()
            .OrderByDescending(r => r.InImmediateDanger).ThenBy(r => r.SubmittedAt).Take(QueueLimit)
            .Select(r => new TriageQueueRow(r.Id, r.Reference, r.SubmittedAt, r.Status, r.InImmediateDanger, r.TriageStartedByName, r.ReportingFor))
            .ToListAsync(ct);
        await audit.RecordConsultationAsync(actor, AuditEvents.PublicReports.Listed.For(null, $"rows={rows.Count}"), ct);
        return rows;
    }

    /// <summary>A report's answers without its contact details; viewing it is a consultation.</summary>
    public async Task<PublicReport?> ViewAsync(Guid reportId, Actor actor, CancellationToken ct = default)
    {
        var report = await db.PublicReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is not null)
        {
            await audit.RecordConsultationAsync(actor, AuditEvents.PublicReport.Viewed.For(reportId), ct);
        }

        return report;
    }

    /// <summary>
    /// Need-to-know (DPA 2018 s.62): the safe contact details are for the coordinator triaging the report while it is in triage,
    /// and afterwards for the officer in charge of the case it opened or joined, decided by their staff account.
    /// </summary>
    public async Task<bool> MayReadContactDetailsAsync(PublicReport report, Actor actor, bool isCoordinator, CancellationToken ct = default)
    {
        if (isCoordinator && report.Status == PublicReportStatus.InTriage && report.TriageStartedById == actor.Id)
        {
            return true;
        }

        return report.CaseId is { } caseId && Guid.TryParse(actor.Id, out var staffId)
            && await db.Cases.AnyAsync(c => c.Id == caseId && c.OfficerInChargeId == staffId, ct);
    }

    /// <summary>
    /// Decrypts the safe contact details for the member of staff who needs them and audits the read with their reason
    /// (DPA 2018 s.62); anyone else is refused before anything is decrypted.
    /// </summary>
    public async Task<SafeContactDetails?> ReadContactDetailsAsync(Guid reportId, Actor actor, bool isCoordinator, string reason, CancellationToken ct = default)
    {
        var report = await db.PublicReports.AsNoTracking().SingleAsync(r => r.Id == reportId, ct);
        if (!await MayReadContactDetailsAsync(report, actor, isCoordinator, ct))
        {
            throw new UnauthorizedAccessException("Only the coordinator triaging the report or the officer in charge of its case may read its contact details.");
        }

        return await SafeContactProtection.ReadForReasonAsync(dataProtection, audit, actor, AuditEvents.PublicReport.ContactDetailsViewed, reportId,
            report.ProtectedContact, reason, ct);
    }

    public async Task<ReportTriagedOutcome> StartTriageAsync(Guid reportId, long? expectedVersion, Actor actor, CancellationToken ct = default)
    {
        var report = await LoadAsync(reportId, expectedVersion, ct);
        if (report.Status == PublicReportStatus.InTriage)
        {
            return ReportTriagedOutcome.TriageStarted(report, started: false);
        }

        report.StartTriage(actor.Id, actor.Name, timeProvider.GetUtcNow());
        audit.Add(actor, AuditEvents.PublicReport.TriageStarted.For(report.Id,
            oldValues: new { Status = nameof(PublicReportStatus.New) }, newValues: new { Status = report.Status.ToString() }));
        await db.SaveChangesAsync(ct);
        return ReportTriagedOutcome.TriageStarted(report, started: true);
    }

    /// <summary>
    /// Opens a case from the report: reported on the day it was sent (London), with the report received (§10.8(1)) and its
    /// answers as the first entries. The reporter, when they reported for themselves, may be added as the victim, and their safe
    /// contact details copied into the victim's encrypted contact details through <see cref="VictimContactService"/>.
    /// </summary>
    public async Task<ReportTriagedOutcome> OpenCaseAsync(OpenCaseFromReportOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var report = await LoadAsync(options.ReportId, options.ExpectedVersion, ct);
        var victim = options.Victim;
        new RuleCheck()
            .Must(victim is null || report.ReportingFor == ReportingFor.Myself, "Input", "victim",
                "Only a person who reported for themselves can be added as the victim from their report", "")
            .Must(victim is null || !string.IsNullOrWhiteSpace(victim.GivenNames) || !string.IsNullOrWhiteSpace(victim.FamilyName), "Input", "familyName",
                "Enter the victim's name", "")
            .Must(victim is null || (victim.GivenNames.Length <= PersonName.NameMaxLength && victim.FamilyName.Length <= PersonName.NameMaxLength), "Input",
                "familyName", $"Each part of the victim's name must be {PersonName.NameMaxLength} characters or fewer", "")
            .Must(victim is not { CopyContactDetails: true } || report.ProtectedContact is not null, "Input", "copyContactDetails",
                "The report has no contact details to copy", "")
            .ThrowIfBroken();

        var stalkingCase = StalkingCase.Open(options.CrimeReferences, options.Offences, LondonTime.DateOf(report.SubmittedAt), options.OfficerInCharge,
            options.Team, now, await cases.FindOfficerAccountAsync(options.OfficerInCharge, ct));
        db.Cases.Add(stalkingCase);
        audit.Add(actor, AuditEvents.Case.Opened.For(stalkingCase.Id,
            newValues: new { stalkingCase.CrimeReferences, stalkingCase.Offences, stalkingCase.ReportedOn, stalkingCase.OfficerInCharge, stalkingCase.Team, PublicReportId = report.Id }));
        AddReportEntries(stalkingCase.Id, report, actor, now);

        Victim? added = null;
        if (victim is not null)
        {
            var person = Person.Create(victim.GivenNames, victim.FamilyName, null, Gender.NotKnown, null, now);
            added = Victim.Add(stalkingCase.Id, person, VictimRole.Both, RelationshipToRespondent.Other, now);
            db.People.Add(person);
            db.Victims.Add(added);
            audit.Add(actor, AuditEvents.Victim.Added.For(added.Id,
                newValues: new { CaseId = stalkingCase.Id, PersonId = person.Id, added.Role, added.Relationship, PublicReportId = report.Id }));
        }

        Decided(report, actor, () => report.RecordCaseOpened(stalkingCase.Id, actor.Id, actor.Name, now));

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var copied = false;
        if (added is not null && victim!.CopyContactDetails && SafeContactProtection.Unprotect(dataProtection, report.ProtectedContact) is { } contact)
        {
            copied = true;
            audit.Add(actor, AuditEvents.PublicReport.ContactDetailsCopied.For(report.Id,
                $"Copied into the contact details of victim {added.Id} on case {stalkingCase.Id}"));
            await victimContacts.SetAsync(new SetVictimContactOptions(added.Id, ToVictimContact(contact, report.ContactMethods)), actor, ct);
        }

        await transaction.CommitAsync(ct);
        return ReportTriagedOutcome.Decided(report, added?.Id, copied);
    }

    /// <summary>The report is about a case already open: its answers are added to that case's record.</summary>
    public async Task<ReportTriagedOutcome> AddToCaseAsync(AddReportToCaseOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var report = await LoadAsync(options.ReportId, options.ExpectedVersion, ct);
        var stalkingCase = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == options.CaseId, ct);
        new RuleCheck()
            .Must(stalkingCase is not null, "Input", "caseId", "There is no case with that reference", "")
            .Must(stalkingCase is null || stalkingCase.Status != CaseStatus.Closed, "Status", "caseId",
                "That case is closed: open a new case from the report instead", "")
            .ThrowIfBroken();
        AddReportEntries(options.CaseId, report, actor, now);
        Decided(report, actor, () => report.RecordAddedToCase(options.CaseId, actor.Id, actor.Name, now));
        await db.SaveChangesAsync(ct);
        return ReportTriagedOutcome.Decided(report);
    }

    /// <summary>R39: closing a report without a case records why.</summary>
    public async Task<ReportTriagedOutcome> CloseAsync(CloseReportOptions options, Actor actor, CancellationToken ct = default)
    {
        var report = await LoadAsync(options.ReportId, options.ExpectedVersion, ct);
        Decided(report, actor, () => report.Close(options.Reason, options.Details, actor.Id, actor.Name, timeProvider.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return ReportTriagedOutcome.Decided(report);
    }

    private async Task<PublicReport> LoadAsync(Guid reportId, long? expectedVersion, CancellationToken ct)
    {
        var report = await db.PublicReports.SingleAsync(r => r.Id == reportId, ct);
        db.ExpectVersion(report, expectedVersion);
        return report;
    }

    private void Decided(PublicReport report, Actor actor, Action decide)
    {
        var old = new { Status = report.Status.ToString() };
        decide();
        audit.Add(actor, AuditEvents.PublicReport.Triaged.For(report.Id, report.CloseDetails, oldValues: old,
            newValues: new { Status = report.Status.ToString(), Outcome = report.Outcome?.ToString(), CloseReason = report.CloseReason?.ToString(), report.CaseId }));
    }

    private void AddReportEntries(Guid caseId, PublicReport report, Actor actor, DateTimeOffset now)
    {
        // spo-rules.md §10.8(1): the report received, as a UTC instant with its London date.
        var received = CaseEvent.Record(caseId, CaseEventType.ReportReceived, report.SubmittedAt, actor.Name,
            $"Online report {report.Reference} received", report.Id, now);
        var note = CaseEvent.Record(caseId, CaseEventType.Note, report.SubmittedAt, actor.Name, ReportDescriptions.AsCaseNote(report), report.Id, now);
        db.CaseEvents.AddRange(received, note);
        audit.Add(actor, AuditEvents.Case.ReportAdded.For(caseId,
            newValues: new { PublicReportId = report.Id, report.Reference, ReceivedEventId = received.Id, NoteId = note.Id }));
    }

    private static VictimContact ToVictimContact(SafeContactDetails contact, SafeContactMethods methods)
    {
        var safeTimes = string.Join(" ", new[]
        {
            $"Contact by: {ReportDescriptions.ContactMethods(methods)}.",
            string.IsNullOrWhiteSpace(contact.Name) ? null : $"Ask for: {contact.Name}.",
            string.IsNullOrWhiteSpace(contact.SafeTimes) ? null : $"Safe times: {contact.SafeTimes}",
        }.Where(p => p is not null));
        return new VictimContact(contact.PhoneNumber, contact.Email, null, safeTimes.Length <= VictimContact.SafeTimesMaxLength ? safeTimes : safeTimes[..VictimContact.SafeTimesMaxLength],
            contact.VoicemailAllowed == true);
    }
}
