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

public sealed record RecordSpoDecisionOptions(Guid CaseId, SpoDecisionOutcome Decision, string Rationale, string? AuthorisingOfficer, string? LegalServicesReference);

/// <summary>Stalking cases: the report, the people, the acts, risk and the decision to seek an order.</summary>
public sealed class CaseService(StalkingProtectionDbContext db, TimeProvider timeProvider, AuditLog audit)
{
    public async Task<Guid> OpenCaseAsync(OpenCaseOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var stalkingCase = StalkingCase.Open(options.CrimeReferences, options.Offences, options.ReportedOn, options.OfficerInCharge, options.Team, now);
        db.Cases.Add(stalkingCase);
        audit.Add(actor, AuditKind.Collection, "Case.Opened", nameof(StalkingCase), stalkingCase.Id, null, null,
            new { stalkingCase.CrimeReferences, stalkingCase.Offences, stalkingCase.ReportedOn, stalkingCase.OfficerInCharge, stalkingCase.Team });
        await db.SaveChangesAsync(ct);
        return stalkingCase.Id;
    }

    public async Task<Guid> AddRespondentAsync(AddRespondentOptions options, Actor actor, CancellationToken ct = default)
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
        audit.Add(actor, AuditKind.Collection, "Respondent.Added", nameof(Respondent), respondent.Id, null, null,
            new { options.CaseId, PersonId = person.Id, person.DateOfBirth, person.PncId, HasAddress = options.HomeAddress is not null, options.HomeAddressPoliceArea });
        await db.SaveChangesAsync(ct);
        return respondent.Id;
    }

    /// <summary>SPA 2019 s.1(1)(c), R4: a protected person may be someone other than the direct victim.</summary>
    public async Task<Guid> AddVictimAsync(AddVictimOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        _ = await db.Cases.SingleAsync(c => c.Id == options.CaseId, ct);
        var person = CreatePerson(options.Person, now);
        var victim = Victim.Add(options.CaseId, person, options.Role, options.Relationship, now);
        db.People.Add(person);
        db.Victims.Add(victim);
        audit.Add(actor, AuditKind.Collection, "Victim.Added", nameof(Victim), victim.Id, null, null,
            new { options.CaseId, PersonId = person.Id, victim.Role, victim.Relationship });
        await db.SaveChangesAsync(ct);
        return victim.Id;
    }

    public async Task<Guid> RecordActAsync(RecordActOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        _ = await db.Cases.SingleAsync(c => c.Id == options.CaseId, ct);
        var act = StalkingAct.Record(options.CaseId, options.OccurredFrom, options.OccurredTo, options.LocationCountry, options.Location, options.Categories,
            options.OtherCategoryDescription, options.Channel, options.TargetVictimId, options.Description, now);
        db.StalkingActs.Add(act);
        audit.Add(actor, AuditKind.Collection, "Act.Recorded", nameof(StalkingAct), act.Id, null, null,
            new { act.CaseId, act.OccurredFrom, act.OccurredTo, act.LocationCountry, act.Categories, act.Channel, act.TargetVictimId });
        await db.SaveChangesAsync(ct);
        return act.Id;
    }

    public async Task AmendActAsync(AmendActOptions options, Actor actor, CancellationToken ct = default)
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
        audit.Add(actor, AuditKind.Alteration, "Act.Amended", nameof(StalkingAct), act.Id, options.Reason.Trim(), old,
            new { act.OccurredFrom, act.OccurredTo, act.LocationCountry, act.Location, act.Categories, act.Channel, act.TargetVictimId, act.Description });
        await db.SaveChangesAsync(ct);
    }

    public async Task<Guid> RecordRiskAssessmentAsync(RecordRiskAssessmentOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        _ = await db.Cases.SingleAsync(c => c.Id == options.CaseId, ct);
        var assessment = RiskAssessment.Record(options.CaseId, options.Tool, options.ToolVersion, options.Answers, options.Level, options.Assessor,
            options.NextReviewOn, options.Notes, now);
        db.RiskAssessments.Add(assessment);
        audit.Add(actor, AuditKind.Collection, "RiskAssessment.Recorded", nameof(RiskAssessment), assessment.Id, null, null,
            new { assessment.CaseId, assessment.Tool, assessment.ToolVersion, assessment.Level, assessment.NextReviewOn });
        await db.SaveChangesAsync(ct);
        return assessment.Id;
    }

    public async Task RecordFourAssessmentAsync(RecordFourAssessmentOptions options, Actor actor, CancellationToken ct = default)
    {
        var stalkingCase = await db.Cases.SingleAsync(c => c.Id == options.CaseId, ct);
        db.ExpectVersion(stalkingCase, options.ExpectedVersion);
        var old = stalkingCase.Four;
        stalkingCase.AssessFour(options.Fixated, options.Obsessive, options.Unwanted, options.Repeated, actor.Name, timeProvider.GetUtcNow());
        db.Touch(stalkingCase);
        audit.Add(actor, AuditKind.Alteration, "Case.FourAssessed", nameof(StalkingCase), stalkingCase.Id, null, old, stalkingCase.Four);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>R39: the decision to apply, or not, with its rationale and who made it.</summary>
    public async Task<Guid> RecordSpoDecisionAsync(RecordSpoDecisionOptions options, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        _ = await db.Cases.SingleAsync(c => c.Id == options.CaseId, ct);
        var decision = SpoDecision.Record(options.CaseId, options.Decision, options.Rationale, actor.Name, options.AuthorisingOfficer,
            options.LegalServicesReference, timeProvider.UkToday, now);
        db.SpoDecisions.Add(decision);
        audit.Add(actor, AuditKind.Collection, "SpoDecision.Recorded", nameof(SpoDecision), decision.Id, decision.Rationale, null,
            new { decision.CaseId, decision.Decision, decision.DecidedBy, decision.AuthorisingOfficer, decision.LegalServicesReference });
        await db.SaveChangesAsync(ct);
        return decision.Id;
    }

    private static Person CreatePerson(PersonDetails details, DateTimeOffset now) =>
        Person.Create(details.GivenNames, details.FamilyName, details.DateOfBirth, details.Gender, details.PncId, now);
}
