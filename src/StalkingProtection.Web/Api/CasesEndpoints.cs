using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Api;

public sealed record OpenCaseRequest(IReadOnlyList<string> CrimeReferences, IReadOnlyList<OffencesConsidered> Offences, DateOnly ReportedOn,
    string OfficerInCharge, string Team) : IApiRequest
{
    public void Validate(ApiValidator v) =>
        v.Must(CrimeReferences.Count > 0, "crimeReferences", "Enter at least one crime reference.")
            .Each("crimeReferences", CrimeReferences, (v, f, r) => v.Required(f, r, StalkingCase.CrimeReferenceMaxLength)
                .Must(!r.Contains(',', StringComparison.Ordinal), f, "A crime reference cannot contain a comma."))
            .Must(string.Join(",", CrimeReferences).Length <= StalkingCase.CrimeReferencesMaxLength, "crimeReferences", "Too many crime references.")
            .Date("reportedOn", ReportedOn)
            .Required("officerInCharge", OfficerInCharge, StalkingCase.OfficerMaxLength)
            .Required("team", Team, StalkingCase.TeamMaxLength);
}

public sealed record AddRespondentRequest(string GivenNames, string FamilyName, DateOnly? DateOfBirth = null, Gender Gender = Gender.NotKnown, string? PncId = null,
    string? HomeAddress = null, PoliceForce? HomeAddressPoliceArea = null, DateOnly? LivingThereSince = null) : IApiRequest
{
    public void Validate(ApiValidator v) =>
        v.Optional("givenNames", GivenNames, PersonName.NameMaxLength)
            .Required("familyName", FamilyName, PersonName.NameMaxLength)
            .Date("dateOfBirth", DateOfBirth)
            .Optional("pncId", PncId, Person.PncIdMaxLength)
            .Optional("homeAddress", HomeAddress, RespondentAddress.AddressMaxLength)
            .Date("livingThereSince", LivingThereSince);
}

public sealed record AddVictimRequest(string GivenNames, string FamilyName, VictimRole Role, RelationshipToRespondent Relationship,
    DateOnly? DateOfBirth = null, Gender Gender = Gender.NotKnown) : IApiRequest
{
    public void Validate(ApiValidator v) =>
        v.Optional("givenNames", GivenNames, PersonName.NameMaxLength)
            .Required("familyName", FamilyName, PersonName.NameMaxLength)
            .Date("dateOfBirth", DateOfBirth);
}

public sealed record RecordActRequest(DateTimeOffset OccurredFrom, string LocationCountry, IReadOnlyList<ActCategory> Categories, ActChannel Channel,
    string Description, DateTimeOffset? OccurredTo = null, string? Location = null, string? OtherCategoryDescription = null, Guid? TargetVictimId = null) : IApiRequest
{
    public void Validate(ApiValidator v) =>
        v.Instant("occurredFrom", OccurredFrom)
            .Instant("occurredTo", OccurredTo)
            .Optional("locationCountry", LocationCountry, StalkingAct.CountryMaxLength)
            .Optional("location", Location, StalkingAct.LocationMaxLength)
            .Optional("otherCategoryDescription", OtherCategoryDescription, StalkingAct.LocationMaxLength)
            .Required("description", Description, StalkingAct.DescriptionMaxLength);
}

public sealed record RecordRiskAssessmentRequest(RiskTool Tool, string Answers, RiskLevel Level, string Assessor, DateOnly NextReviewOn,
    string? ToolVersion = null, string? Notes = null) : IApiRequest
{
    public void Validate(ApiValidator v) =>
        v.Optional("toolVersion", ToolVersion, RiskAssessment.VersionMaxLength)
            .Required("answers", Answers, RiskAssessment.AnswersMaxLength)
            .Required("assessor", Assessor, RiskAssessment.AssessorMaxLength)
            .Date("nextReviewOn", NextReviewOn)
            .Optional("notes", Notes, RiskAssessment.NotesMaxLength);
}

/// <summary>Cases and what is recorded on them: the respondent, victims and protected persons, acts, risk assessments.</summary>
public static class CasesEndpoints
{
    public static RouteGroupBuilder MapCases(this RouteGroupBuilder api)
    {
        api.MapPost("/cases", (HttpContext http, CaseService cases, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<OpenCaseRequest>(http.Request, async r =>
            {
                var offences = r.Offences.Aggregate(OffencesConsidered.None, (all, o) => all | o);
                var opened = await cases.OpenCaseAsync(new OpenCaseOptions(r.CrimeReferences, offences, r.ReportedOn, r.OfficerInCharge, r.Team), http.User.ToActor(),
                    http.RequestAborted);
                var created = await ApiResponses.CaseAsync(db, opened.RecordId, http.RequestAborted);
                return ApiRoute.Created($"/api/v1/cases/{opened.RecordId}", created! with { Explanation = opened.Explain() });
            }))
            .Write<OpenCaseRequest, CaseResponse>("OpenCase", "Open a stalking case from a report.");

        api.MapGet("/cases/{id:guid}", (Guid id, HttpContext http, AuditLog audit, StalkingProtectionDbContext db) =>
            ApiRoute.ConsultAsync(http, audit, nameof(StalkingCase), id, () => ApiResponses.CaseAsync(db, id, http.RequestAborted)))
            .Read<CaseResponse>("GetCase", "Read a case.");

        api.MapPost("/cases/{id:guid}/respondent", (Guid id, HttpContext http, CaseService cases, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<AddRespondentRequest>(http.Request, async r =>
            {
                var added = await cases.AddRespondentAsync(new AddRespondentOptions(id, new PersonDetails(r.GivenNames, r.FamilyName, r.DateOfBirth, r.Gender, r.PncId),
                    r.HomeAddress, r.HomeAddressPoliceArea, r.LivingThereSince), http.User.ToActor(), http.RequestAborted);
                var respondent = await ApiResponses.RespondentAsync(db, added.RecordId, http.RequestAborted);
                return ApiRoute.Created($"/api/v1/respondents/{added.RecordId}", respondent! with { Explanation = added.Explain() });
            }))
            .Write<AddRespondentRequest, RespondentResponse>("AddRespondent", "Record the respondent (the Act's \"defendant\") on a case.");

        api.MapGet("/respondents/{id:guid}", (Guid id, HttpContext http, AuditLog audit, StalkingProtectionDbContext db) =>
            ApiRoute.ConsultAsync(http, audit, nameof(Respondent), id, () => ApiResponses.RespondentAsync(db, id, http.RequestAborted)))
            .Read<RespondentResponse>("GetRespondent", "Read a respondent: names (with aliases) and home-address history.");

        api.MapPost("/cases/{id:guid}/victims", (Guid id, HttpContext http, CaseService cases, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<AddVictimRequest>(http.Request, async r =>
            {
                var added = await cases.AddVictimAsync(new AddVictimOptions(id, new PersonDetails(r.GivenNames, r.FamilyName, r.DateOfBirth, r.Gender), r.Role,
                    r.Relationship), http.User.ToActor(), http.RequestAborted);
                var victim = await ApiResponses.VictimAsync(db, added.RecordId, http.RequestAborted);
                return ApiRoute.Created($"/api/v1/victims/{added.RecordId}", victim! with { Explanation = added.Explain() });
            }))
            .Write<AddVictimRequest, VictimResponse>("AddVictim", "Record a victim or protected person on a case (R4: a protected person need not be a victim of any act).");

        api.MapGet("/victims/{id:guid}", (Guid id, HttpContext http, AuditLog audit, StalkingProtectionDbContext db) =>
            ApiRoute.ConsultAsync(http, audit, nameof(Victim), id, () => ApiResponses.VictimAsync(db, id, http.RequestAborted)))
            .Read<VictimResponse>("GetVictim", "Read a victim or protected person (never their contact details).");

        api.MapPost("/cases/{id:guid}/acts", (Guid id, HttpContext http, CaseService cases, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<RecordActRequest>(http.Request, async r =>
            {
                var categories = r.Categories.Aggregate(ActCategory.None, (all, c) => all | c);
                var recorded = await cases.RecordActAsync(new RecordActOptions(id, r.OccurredFrom, r.OccurredTo, r.LocationCountry, r.Location, categories,
                    r.OtherCategoryDescription, r.Channel, r.TargetVictimId, r.Description), http.User.ToActor(), http.RequestAborted);
                var act = await ApiResponses.ActAsync(db, recorded.RecordId, http.RequestAborted);
                return ApiRoute.Created($"/api/v1/acts/{recorded.RecordId}", act! with { Explanation = recorded.Explain() });
            }))
            .Write<RecordActRequest, ActResponse>("RecordAct", "Record an act associated with stalking (R5: anywhere, any date; R6: at least one category).");

        api.MapGet("/acts/{id:guid}", (Guid id, HttpContext http, AuditLog audit, StalkingProtectionDbContext db) =>
            ApiRoute.ConsultAsync(http, audit, nameof(StalkingAct), id, () => ApiResponses.ActAsync(db, id, http.RequestAborted)))
            .Read<ActResponse>("GetAct", "Read an act associated with stalking.");

        api.MapPost("/cases/{id:guid}/risk-assessments", (Guid id, HttpContext http, CaseService cases, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<RecordRiskAssessmentRequest>(http.Request, async r =>
            {
                var assessed = await cases.RecordRiskAssessmentAsync(new RecordRiskAssessmentOptions(id, r.Tool, r.ToolVersion, r.Answers, r.Level, r.Assessor,
                    r.NextReviewOn, r.Notes), http.User.ToActor(), http.RequestAborted);
                return ApiRoute.Created($"/api/v1/risk-assessments/{assessed.RecordId}",
                    new RiskAssessmentResponse(assessed.RecordId, id, assessed.RiskTool!.Value, assessed.RiskLevel!.Value, assessed.NextReviewOn!.Value, assessed.Explain()));
            }))
            .Write<RecordRiskAssessmentRequest, RiskAssessmentResponse>("RecordRiskAssessment", "Record a risk assessment (DASH, S-DASH, SRP …).");

        api.MapGet("/risk-assessments/{id:guid}", (Guid id, HttpContext http, AuditLog audit, StalkingProtectionDbContext db) =>
            ApiRoute.ConsultAsync(http, audit, nameof(RiskAssessment), id, () => ApiResponses.RiskAssessmentAsync(db, id, http.RequestAborted)))
            .Read<RiskAssessmentResponse>("GetRiskAssessment", "Read a risk assessment.");

        return api;
    }
}
