using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Cases;

public sealed record OpenCaseOptions(IReadOnlyList<string> CrimeReferences, OffencesConsidered Offences, DateOnly ReportedOn, string OfficerInCharge, string Team);

public sealed record PersonDetails(string GivenNames, string FamilyName, DateOnly? DateOfBirth, Gender Gender = Gender.NotKnown, string? PncId = null);

public sealed record AddRespondentOptions(Guid CaseId, PersonDetails Person, string? HomeAddress, PoliceForce? HomeAddressPoliceArea, DateOnly? LivingThereSince);

public sealed record AddVictimOptions(Guid CaseId, PersonDetails Person, VictimRole Role, RelationshipToRespondent Relationship);

public sealed record RecordActOptions(Guid CaseId, DateTimeOffset OccurredFrom, DateTimeOffset? OccurredTo, string LocationCountry, string? Location,
    ActCategory Categories, string? OtherCategoryDescription, ActChannel Channel, Guid? TargetVictimId, string Description);

/// <summary>A correction to a recorded act; the reason is kept in the audit log, and the case's version guards against lost updates (RL4).</summary>
public sealed record AmendActOptions(Guid CaseId, Guid ActId, DateTimeOffset OccurredFrom, DateTimeOffset? OccurredTo, string LocationCountry, string? Location,
    ActCategory Categories, string? OtherCategoryDescription, ActChannel Channel, Guid? TargetVictimId, string Description, string Reason, long? ExpectedVersion);

public sealed record RecordRiskAssessmentOptions(Guid CaseId, RiskTool Tool, string? ToolVersion, string Answers, RiskLevel Level, string Assessor,
    DateOnly NextReviewOn, string? Notes);

public sealed record RecordFourAssessmentOptions(Guid CaseId, bool Fixated, bool Obsessive, bool Unwanted, bool Repeated, long? ExpectedVersion = null);

/// <summary>Gives a case to another officer and team, with the reason; the case's version guards against lost updates (RL4).</summary>
public sealed record ReassignCaseOptions(Guid CaseId, string OfficerInCharge, string Team, string Reason, long? ExpectedVersion);

/// <summary>
/// Who held the case before and after, and how many open tasks on it moved with it. <paramref name="OfficerName"/> is the display
/// name of the officer's staff account, or the officer in charge as given when no account was chosen.
/// </summary>
public sealed record CaseReassignedOutcome(string PreviousOfficer, string PreviousTeam, string OfficerInCharge, string Team, int TasksMoved, string OfficerName)
{
    /// <summary>The outcome in plain English.</summary>
    public string Explain() => TasksMoved switch
    {
        0 => $"Case reassigned to {OfficerName}",
        1 => $"Case reassigned to {OfficerName}, with its 1 open task",
        var n => $"Case reassigned to {OfficerName}, with its {n} open tasks",
    };
}

public sealed record RecordSpoDecisionOptions(Guid CaseId, SpoDecisionOutcome Decision, string Rationale, string? AuthorisingOfficer, string? LegalServicesReference);

public sealed record RecordReferralOptions(Guid CaseId, Guid? OrderId, ReferralForum Forum, string? OtherForum, DateOnly ReferredOn, string ReferredBy,
    string Reason);

public sealed record RecordReferralOutcomeOptions(Guid ReferralId, string Outcome, DateOnly OutcomeOn, long? ExpectedVersion = null);

public sealed record RecordRightToKnowOptions(Guid CaseId, Guid VictimId, DisclosureDecision Decision, string? InformationDisclosed, DateOnly DecidedOn,
    string DecidedBy, string Rationale, DateOnly? DisclosedOn);

public sealed record RecordOtherOrderOptions(Guid RespondentId, OtherOrderType Type, string? OtherTypeDescription, string CourtName, DateOnly MadeOn,
    bool UntilFurtherOrder, DateOnly? EndsOn, string? Reference, string? Notes);

/// <summary>Stalking cases: the report, the people, the acts, risk and the decision to seek an order.</summary>
public sealed class CaseService(StalkingProtectionDbContext db, TimeProvider timeProvider, AuditLog audit)
{
    public async Task<CaseStepOutcome> OpenCaseAsync(OpenCaseOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var stalkingCase = StalkingCase.Open(options.CrimeReferences, options.Offences, options.ReportedOn, options.OfficerInCharge, options.Team, now,
            await FindOfficerAccountAsync(options.OfficerInCharge, ct));
        db.Cases.Add(stalkingCase);
        audit.Add(actor, AuditEvents.Case.Opened.For(stalkingCase.Id,
            newValues: new { stalkingCase.CrimeReferences, stalkingCase.Offences, stalkingCase.ReportedOn, stalkingCase.OfficerInCharge, stalkingCase.Team }));
        await db.SaveChangesAsync(ct);
        return CaseStepOutcome.Opened(stalkingCase);
    }

    /// <summary>
    /// The active staff account the officer in charge names, when the workspace chose one by its id; an officer given only
    /// by name (older records, some API clients) has none.
    /// </summary>
    public const int ReassignReasonMaxLength = 1000;

    /// <summary>
    /// Gives the case to another officer and team. Its open tasks, and those of its orders, that were for the previous
    /// officer or team move with it, so nothing is left waiting in the old caseload; the change is audited with its reason.
    /// </summary>
    public async Task<CaseReassignedOutcome> ReassignAsync(ReassignCaseOptions options, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        new Rules.RuleCheck()
            .Must(!string.IsNullOrWhiteSpace(options.Reason) && options.Reason.Length <= ReassignReasonMaxLength, "Input", "reason",
                $"Give the reason for the change, in {ReassignReasonMaxLength} characters or fewer", "")
            .Must(!string.IsNullOrWhiteSpace(options.OfficerInCharge) && !string.IsNullOrWhiteSpace(options.Team), "Input", "officerInCharge",
                "Name the officer and the team", "")
            .ThrowIfBroken();
        var stalkingCase = await db.Cases.SingleAsync(c => c.Id == options.CaseId, ct);
        db.ExpectVersion(stalkingCase, options.ExpectedVersion);
        var (previousOfficer, previousTeam) = (stalkingCase.OfficerInCharge, stalkingCase.Team);
        var account = await FindOfficerAccountAsync(options.OfficerInCharge, ct);
        stalkingCase.Assign(options.OfficerInCharge, options.Team.Trim(), account);
        var tasks = await db.StaffTasks
            .Where(t => t.Status == Tasks.StaffTaskStatus.Open
                && (t.CaseId == stalkingCase.Id || db.Orders.Any(o => o.Id == t.OrderId && o.CaseId == stalkingCase.Id))
                && (t.AssignedOfficer == previousOfficer || (t.AssignedOfficer == null && t.AssignedTeam == previousTeam)))
            .ToListAsync(ct);
        foreach (var task in tasks)
        {
            task.Assign(stalkingCase.Team, stalkingCase.OfficerInCharge);
        }

        audit.Add(actor, AuditEvents.Case.Reassigned.For(stalkingCase.Id, options.Reason.Trim(),
            oldValues: new { OfficerInCharge = previousOfficer, Team = previousTeam },
            newValues: new { stalkingCase.OfficerInCharge, stalkingCase.Team, TasksMoved = tasks.Count }));
        await db.SaveChangesAsync(ct);
        var officerName = account is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleAsync(ct) : stalkingCase.OfficerInCharge;
        return new CaseReassignedOutcome(previousOfficer, previousTeam, stalkingCase.OfficerInCharge, stalkingCase.Team, tasks.Count, officerName);
    }

    internal async Task<Guid?> FindOfficerAccountAsync(string officerInCharge, CancellationToken ct = default) =>
        Guid.TryParse(officerInCharge, out var id) && await db.Users.AnyAsync(u => u.Id == id && u.DeactivatedAt == null, ct) ? id : null;

    public async Task<CaseStepOutcome> AddRespondentAsync(AddRespondentOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var stalkingCase = await db.Cases.SingleAsync(c => c.Id == options.CaseId, ct);
        var person = CreatePerson(options.Person, now);
        var respondent = Respondent.Create(person, now);
        if (options.HomeAddress is { } address)
        {
            respondent.MoveTo(address, options.HomeAddressPoliceArea, options.LivingThereSince ?? timeProvider.UkToday, AddressSource.Other, now);
        }

        stalkingCase.SetRespondent(respondent.Id);
        db.People.Add(person);
        db.Respondents.Add(respondent);
        audit.Add(actor, AuditEvents.Respondent.Added.For(respondent.Id,
            newValues: new { options.CaseId, PersonId = person.Id, person.DateOfBirth, person.PncId, HasAddress = options.HomeAddress is not null, options.HomeAddressPoliceArea }));
        await db.SaveChangesAsync(ct);
        return CaseStepOutcome.RespondentAdded(options.CaseId, respondent, person);
    }

    /// <summary>SPA 2019 s.1(1)(c), R4: a protected person may be someone other than the direct victim.</summary>
    public async Task<CaseStepOutcome> AddVictimAsync(AddVictimOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        _ = await db.Cases.SingleAsync(c => c.Id == options.CaseId, ct);
        var person = CreatePerson(options.Person, now);
        var victim = Victim.Add(options.CaseId, person, options.Role, options.Relationship, now);
        db.People.Add(person);
        db.Victims.Add(victim);
        audit.Add(actor, AuditEvents.Victim.Added.For(victim.Id,
            newValues: new { options.CaseId, PersonId = person.Id, victim.Role, victim.Relationship }));
        await db.SaveChangesAsync(ct);
        return CaseStepOutcome.VictimAdded(victim, person);
    }

    public async Task<CaseStepOutcome> RecordActAsync(RecordActOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        _ = await db.Cases.SingleAsync(c => c.Id == options.CaseId, ct);
        var act = StalkingAct.Record(options.CaseId, options.OccurredFrom, options.OccurredTo, options.LocationCountry, options.Location, options.Categories,
            options.OtherCategoryDescription, options.Channel, options.TargetVictimId, options.Description, now);
        db.StalkingActs.Add(act);
        audit.Add(actor, AuditEvents.Act.Recorded.For(act.Id,
            newValues: new { act.CaseId, act.OccurredFrom, act.OccurredTo, act.LocationCountry, act.Categories, act.Channel, act.TargetVictimId }));
        await db.SaveChangesAsync(ct);
        return CaseStepOutcome.ActRecorded(act, amended: false);
    }

    public async Task<CaseStepOutcome> AmendActAsync(AmendActOptions options, Actor actor, CancellationToken ct = default)
    {
        var stalkingCase = await db.Cases.SingleAsync(c => c.Id == options.CaseId, ct);
        var act = await db.StalkingActs.SingleAsync(a => a.Id == options.ActId && a.CaseId == options.CaseId, ct);
        new Rules.RuleCheck()
            .Must(!string.IsNullOrWhiteSpace(options.Reason) && options.Reason.Length <= AuditEntry.JustificationMaxLength, "Audit", "reason",
                "Give the reason for changing the record of the act", "Data Protection Act 2018 s.62")
            .ThrowIfBroken();
        var old = new { act.OccurredFrom, act.OccurredTo, act.LocationCountry, act.Location, act.Categories, act.Channel, act.TargetVictimId, act.Description };
        act.Amend(options.OccurredFrom, options.OccurredTo, options.LocationCountry, options.Location, options.Categories, options.OtherCategoryDescription,
            options.Channel, options.TargetVictimId, options.Description, timeProvider.GetUtcNow());
        db.ExpectVersion(stalkingCase, options.ExpectedVersion);
        db.Touch(stalkingCase);
        audit.Add(actor, AuditEvents.Act.Amended.For(act.Id, options.Reason.Trim(), oldValues: old,
            newValues: new { act.OccurredFrom, act.OccurredTo, act.LocationCountry, act.Location, act.Categories, act.Channel, act.TargetVictimId, act.Description }));
        await db.SaveChangesAsync(ct);
        return CaseStepOutcome.ActRecorded(act, amended: true);
    }

    public async Task<CaseStepOutcome> RecordRiskAssessmentAsync(RecordRiskAssessmentOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        _ = await db.Cases.SingleAsync(c => c.Id == options.CaseId, ct);
        var assessment = RiskAssessment.Record(options.CaseId, options.Tool, options.ToolVersion, options.Answers, options.Level, options.Assessor,
            options.NextReviewOn, options.Notes, now);
        db.RiskAssessments.Add(assessment);
        audit.Add(actor, AuditEvents.RiskAssessment.Recorded.For(assessment.Id,
            newValues: new { assessment.CaseId, assessment.Tool, assessment.ToolVersion, assessment.Level, assessment.NextReviewOn }));

        // A new assessment is the review the open risk-review task asked for.
        var reviews = await db.StaffTasks.Where(t => t.CaseId == options.CaseId && t.Type == Tasks.StaffTaskType.RiskReview && t.Status == Tasks.StaffTaskStatus.Open)
            .ToListAsync(ct);
        foreach (var task in reviews)
        {
            task.Complete(now);
            audit.Add(actor, AuditEvents.Task.Completed.For(task.Id, "Risk assessment recorded",
                oldValues: new { Status = Tasks.StaffTaskStatus.Open }, newValues: new { task.Status, task.CompletedAt }));
        }

        await db.SaveChangesAsync(ct);
        return CaseStepOutcome.RiskAssessed(assessment, reviews.Count);
    }

    public async Task<CaseStepOutcome> RecordFourAssessmentAsync(RecordFourAssessmentOptions options, Actor actor, CancellationToken ct = default)
    {
        var stalkingCase = await db.Cases.SingleAsync(c => c.Id == options.CaseId, ct);
        db.ExpectVersion(stalkingCase, options.ExpectedVersion);
        var old = stalkingCase.Four;
        stalkingCase.AssessFour(options.Fixated, options.Obsessive, options.Unwanted, options.Repeated, actor.Name, timeProvider.GetUtcNow());
        db.Touch(stalkingCase);
        audit.Add(actor, AuditEvents.Case.FourAssessed.For(stalkingCase.Id, oldValues: old, newValues: stalkingCase.Four));
        await db.SaveChangesAsync(ct);
        return CaseStepOutcome.FourAssessed(stalkingCase);
    }

    /// <summary>R39: the decision to apply, or not, with its rationale and who made it.</summary>
    public async Task<SpoDecisionRecordedOutcome> RecordSpoDecisionAsync(RecordSpoDecisionOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var stalkingCase = await db.Cases.SingleAsync(c => c.Id == options.CaseId, ct);
        var decision = SpoDecision.Record(options.CaseId, options.Decision, options.Rationale, actor.Name, options.AuthorisingOfficer,
            options.LegalServicesReference, timeProvider.UkToday, now);
        stalkingCase.NoteSpoDecision(decision);
        db.SpoDecisions.Add(decision);
        audit.Add(actor, AuditEvents.SpoDecision.Recorded.For(decision.Id, decision.Rationale,
            newValues: new { decision.CaseId, decision.Decision, decision.DecidedBy, decision.AuthorisingOfficer, decision.LegalServicesReference }));
        await db.SaveChangesAsync(ct);
        return SpoDecisionRecordedOutcome.Recorded(decision, stalkingCase);
    }

    /// <summary>A referral to MARAC, MAPPA, a stalking clinic or another multi-agency forum (spo-rules.md §7.2).</summary>
    public async Task<CaseStepOutcome> RecordReferralAsync(RecordReferralOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var stalkingCase = await db.Cases.SingleAsync(c => c.Id == options.CaseId, ct);
        var order = options.OrderId is { } orderId ? await db.Orders.SingleAsync(o => o.Id == orderId, ct) : null;
        var referral = MultiAgencyReferral.Record(stalkingCase, order, options.Forum, options.OtherForum, options.ReferredOn, options.ReferredBy, options.Reason,
            timeProvider.UkToday, now);
        db.MultiAgencyReferrals.Add(referral);

        // DPA 2018 s.62: a referral shares the case with other agencies, so the log names the forum it went to.
        audit.Add(actor, AuditEvents.Referral.Recorded.For(referral.Id, referral.Reason,
            newValues: new { referral.CaseId, referral.OrderId, referral.Forum, referral.OtherForum, referral.ReferredOn, referral.ReferredBy }));
        await db.SaveChangesAsync(ct);
        return CaseStepOutcome.ReferralRecorded(referral);
    }

    public async Task<CaseStepOutcome> RecordReferralOutcomeAsync(RecordReferralOutcomeOptions options, Actor actor, CancellationToken ct = default)
    {
        var referral = await db.MultiAgencyReferrals.SingleAsync(r => r.Id == options.ReferralId, ct);
        db.ExpectVersion(referral, options.ExpectedVersion);
        var old = new { referral.Outcome, referral.OutcomeOn };
        referral.RecordOutcome(options.Outcome, options.OutcomeOn, timeProvider.UkToday);
        audit.Add(actor, AuditEvents.Referral.OutcomeRecorded.For(referral.Id, oldValues: old,
            newValues: new { referral.Outcome, referral.OutcomeOn }));
        await db.SaveChangesAsync(ct);
        return CaseStepOutcome.ReferralOutcomeRecorded(referral);
    }

    /// <summary>
    /// A Right to Know decision (spo-rules.md §8 [U]). R39: the rationale is kept whichever way it goes. A decision to disclose
    /// tells the victim who the respondent is, so it is also logged as a disclosure of the respondent's personal data (DPA 2018 s.62(1)).
    /// </summary>
    public async Task<CaseStepOutcome> RecordRightToKnowAsync(RecordRightToKnowOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var stalkingCase = await db.Cases.SingleAsync(c => c.Id == options.CaseId, ct);
        var victim = await db.Victims.SingleAsync(v => v.Id == options.VictimId, ct);
        var disclosure = RightToKnowDisclosure.Record(stalkingCase, victim, options.Decision, options.InformationDisclosed, options.DecidedOn, options.DecidedBy,
            options.Rationale, options.DisclosedOn, timeProvider.UkToday, now);
        db.RightToKnowDisclosures.Add(disclosure);
        audit.Add(actor, AuditEvents.RightToKnow.Decided.For(disclosure.Id, disclosure.Rationale,
            newValues: new { disclosure.CaseId, disclosure.VictimId, disclosure.RespondentId, disclosure.Decision, disclosure.DecidedOn, disclosure.DecidedBy, disclosure.DisclosedOn }));
        if (disclosure.Decision == DisclosureDecision.Disclose)
        {
            audit.Add(actor, AuditEvents.RightToKnow.Disclosed.For(disclosure.RespondentId, disclosure.Rationale,
                newValues: new { DisclosureId = disclosure.Id, DisclosedTo = nameof(Victim), disclosure.VictimId, disclosure.InformationDisclosed, disclosure.DisclosedOn }));
        }

        await db.SaveChangesAsync(ct);
        return CaseStepOutcome.RightToKnowDecided(disclosure);
    }

    /// <summary>An order other than an SPO that binds the respondent (restraining order, non-molestation order, DAPO, SHPO).</summary>
    public async Task<CaseStepOutcome> RecordOtherOrderAsync(RecordOtherOrderOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var respondent = await db.Respondents.SingleToChangeAsync(options.RespondentId, ct);
        var order = RespondentOtherOrder.Record(respondent, options.Type, options.OtherTypeDescription, options.CourtName, options.MadeOn, options.UntilFurtherOrder,
            options.EndsOn, options.Reference, options.Notes, timeProvider.UkToday, now);
        db.RespondentOtherOrders.Add(order);
        audit.Add(actor, AuditEvents.Respondent.OtherOrderRecorded.For(order.Id,
            newValues: new { order.RespondentId, order.Type, order.CourtName, order.MadeOn, order.UntilFurtherOrder, order.EndsOn, order.Reference }));
        await db.SaveChangesAsync(ct);
        return CaseStepOutcome.OtherOrderRecorded(order);
    }

    private static Person CreatePerson(PersonDetails details, DateTimeOffset now) =>
        Person.Create(details.GivenNames, details.FamilyName, details.DateOfBirth, details.Gender, details.PncId, now);
}
