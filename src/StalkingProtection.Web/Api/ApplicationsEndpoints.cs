using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Api;

public sealed record EvidenceRequest(Limb Limb, EvidenceKind Kind, Guid? ReferenceId = null, string Description = "")
{
    public static void Validate(ApiValidator v, string field, EvidenceRequest e) =>
        v.Optional(field + ".description", e.Description, ApplicationEvidence.DescriptionMaxLength);
}

public sealed record CreateApplicationRequest(Guid CaseId, ApplicationType Type, PoliceForce ApplicantForce, CourtVenue Venue, string CourtName,
    Guid? MainApplicationId = null, JurisdictionBasis? JurisdictionBasis = null, string? JurisdictionNotes = null, IReadOnlyList<Guid>? ProtectedPersonIds = null,
    IReadOnlyList<EvidenceRequest>? Evidence = null) : IApiRequest
{
    public void Validate(ApiValidator v) =>
        v.Required("courtName", CourtName, Application.CourtNameMaxLength)
            .Optional("jurisdictionNotes", JurisdictionNotes, Application.NotesMaxLength)
            .Each("evidence", Evidence, EvidenceRequest.Validate);
}

/// <summary>
/// A variation, renewal or discharge application: what it asks the court to do, whether a variation adds or tightens conditions, and
/// why (SPA 2019 s.4, R21). <see cref="Version"/> is the order's version as the client read it (RL4).
/// </summary>
public sealed record CreateChangeApplicationRequest(ApplicationType Type, ApplicantParty ApplicantParty, string CourtName, PoliceForce? ApplicantForce = null,
    string? NecessityRationale = null, string? ChangeSought = null, bool? AddsOrTightens = null, long? Version = null) : IApiRequest
{
    public void Validate(ApiValidator v) =>
        v.Required("courtName", CourtName, Application.CourtNameMaxLength)
            .Optional("changeSought", ChangeSought, Application.NotesMaxLength)
            .Optional("necessityRationale", NecessityRationale, Application.NotesMaxLength)
            .Must(AddsOrTightens is null || Type == ApplicationType.Variation, "addsOrTightens",
                "Only a variation adds or tightens conditions: leave this out for a renewal or a discharge.");
}

/// <summary>
/// The coordinator who authorised the application in the force's own system: their staff account's id or email, and
/// <c>authorisedOn</c>, the day they did, today when left out, never in the future.
/// </summary>
public sealed record AuthoriseApplicationRequest(string AuthorisedBy, long Version, DateOnly? AuthorisedOn = null) : IApiRequest
{
    public void Validate(ApiValidator v) => v.Required("authorisedBy", AuthorisedBy, 256).Date("authorisedOn", AuthorisedOn);
}

/// <summary>Lodging an application: <c>lodgedOn</c> is the day it was made to the court, today when left out, never in the future.</summary>
public sealed record SubmitApplicationRequest(long Version, DateOnly? LodgedOn = null) : IApiRequest
{
    public void Validate(ApiValidator v) => v.Date("lodgedOn", LodgedOn);
}

public sealed record ListHearingRequest(DateTimeOffset ListedFor, string CourtName) : IApiRequest
{
    public void Validate(ApiValidator v) => v.Instant("listedFor", ListedFor).Required("courtName", CourtName, Hearing.CourtNameMaxLength);
}

public sealed record AdjournHearingRequest(string Reason, DateTimeOffset? NextHearingAt = null) : IApiRequest
{
    public void Validate(ApiValidator v) => v.Required("reason", Reason, Hearing.ReasonMaxLength).Instant("nextHearingAt", NextHearingAt);
}

/// <summary>R38: the standard argued and, if the court stated it, the standard it applied (otherwise "NotStated").</summary>
public sealed record RecordStandardOfProofRequest(StandardOfProof Argued, StandardOfProof Found, long Version) : IApiRequest
{
    public void Validate(ApiValidator v)
    {
    }
}

/// <summary>The court's decision; <c>decidedOn</c> is the day the court decided, today when left out, never in the future.</summary>
public sealed record DetermineApplicationRequest(Determination Determination, string Reason, long Version, DateOnly? DecidedOn = null) : IApiRequest
{
    // R39: a missing reason is the domain's rule, so it is answered with its rule ID.
    public void Validate(ApiValidator v) => v.Optional("reason", Reason, Application.NotesMaxLength).Date("decidedOn", DecidedOn);
}

/// <summary>Applications to the court (full, interim, variation, renewal, discharge), their authorisation, submission, hearings and determination.</summary>
public static class ApplicationsEndpoints
{
    public static RouteGroupBuilder MapApplications(this RouteGroupBuilder api)
    {
        api.MapPost("/applications", (HttpContext http, ApplicationService applications, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<CreateApplicationRequest>(http.Request, async r =>
            {
                if (!await ApiTeamFilter.SeesAsync(http, db, "cases", r.CaseId))
                {
                    return ApiProblems.NotFound("A record named in the request was");
                }

                var drafted = await applications.CreateAsync(new CreateApplicationOptions(r.CaseId, r.Type, r.ApplicantForce, r.Venue, r.CourtName, r.MainApplicationId,
                    r.JurisdictionBasis, r.JurisdictionNotes, r.ProtectedPersonIds,
                    r.Evidence?.Select(e => new EvidenceLink(e.Limb, e.Kind, e.ReferenceId, e.Description)).ToList()), http.User.ToActor(), http.RequestAborted);
                return ApiRoute.Created($"/api/v1/applications/{drafted.ApplicationId}", await ApiResponses.ApplicationAsync(db, drafted, http.RequestAborted));
            }))
            .Write<CreateApplicationRequest, ApplicationResponse>("CreateApplication",
                "Draft an application for a full order, or for an interim order linked to its main application (R1, R2, R4, R18).");

        api.MapPost("/orders/{id:guid}/applications", (Guid id, HttpContext http, ApplicationService applications, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<CreateChangeApplicationRequest>(http.Request, async r =>
            {
                var drafted = await applications.CreateChangeAsync(new CreateChangeApplicationOptions(id, r.Type, r.ApplicantParty, r.ApplicantForce, r.CourtName,
                    r.NecessityRationale, r.ChangeSought, r.AddsOrTightens, r.Version), http.User.ToActor(), http.RequestAborted);
                return ApiRoute.Created($"/api/v1/applications/{drafted.ApplicationId}", await ApiResponses.ApplicationAsync(db, drafted, http.RequestAborted));
            }, () => db.Orders.AsNoTracking().Where(o => o.Id == id).Select(o => (long?)o.Version).SingleOrDefaultAsync()))
            .Write<CreateChangeApplicationRequest, ApplicationResponse>("CreateChangeApplication",
                "Draft an application to vary, renew or discharge an order: what it asks for and why (R20: the defendant or a relevant chief officer; R21, R23).");

        api.MapGet("/applications/{id:guid}", (Guid id, HttpContext http, AuditLog audit, StalkingProtectionDbContext db) =>
            ApiRoute.ConsultAsync(http, audit, nameof(Application), id, () => ApiResponses.ApplicationAsync(db, id, http.RequestAborted)))
            .Read<ApplicationResponse>("GetApplication", "Read an application.");

        api.MapPost("/applications/{id:guid}/authorisation", async (Guid id, HttpContext http, ApplicationService applications, UserManager<StaffUser> users,
                StalkingProtectionDbContext db) =>
            !http.User.HasClaim(ApiKeyAuthenticationHandler.DecisionsClaim, "true")
                ? ApiKeyAuthenticationHandler.MayNotRecordDecisions()
                : await ApiRoute.HandleAsync<AuthoriseApplicationRequest>(http.Request, async r =>
                {
                    var staff = await ApiActors.FindStaffInRoleAsync(users, r.AuthorisedBy, StaffRoles.Coordinator);
                    if (staff is null)
                    {
                        return ApiProblems.Invalid("authorisedBy",
                            "Name the SPO coordinator who authorised the application by the id or email of their staff account; it must be an active account with the Coordinator role.",
                            rule: "Authorisation", status: StatusCodes.Status422UnprocessableEntity);
                    }

                    var coordinator = ApiActors.OnBehalfOf(http.User.ToActor(), staff.DisplayName, StaffRoles.Coordinator);
                    var authorised = await applications.AuthoriseAsync(new AuthoriseApplicationOptions(id, r.Version, r.AuthorisedOn), coordinator, http.RequestAborted);
                    return Results.Ok(await ApiResponses.ApplicationAsync(db, authorised, http.RequestAborted));
                }, () => ApplicationVersionAsync(db, id)))
            .Write<AuthoriseApplicationRequest, ApplicationResponse>("AuthoriseApplication",
                "Record the SPO coordinator's authorisation of a draft application, made in the force's own system. `authorisedBy` is the id or email of "
                + "an active staff account with the Coordinator role; the key must be allowed to record coordinator decisions (403 otherwise). `authorisedOn` is "
                + "the day the coordinator authorised it, which may be in the past for a record entered after the fact (today when left out; never in the future).",
                StatusCodes.Status200OK);

        api.MapPost("/applications/{id:guid}/submission", (Guid id, HttpContext http, ApplicationService applications, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<SubmitApplicationRequest>(http.Request, async r =>
            {
                var lodged = await applications.SubmitAsync(new SubmitApplicationOptions(id, r.Version, r.LodgedOn), http.User.ToActor(), http.RequestAborted);
                return Results.Ok(await ApiResponses.ApplicationAsync(db, lodged, http.RequestAborted));
            }, () => ApplicationVersionAsync(db, id)))
            .Write<SubmitApplicationRequest, ApplicationResponse>("SubmitApplication",
                "Lodge the application with the court; every rule for its type is checked at once (R2, R3, R4, R7, R18, R21), on `lodgedOn`: the day it "
                + "was made to the court, which may be in the past for a record entered after the fact (today when left out; never in the future).", StatusCodes.Status200OK);

        api.MapPost("/applications/{id:guid}/hearings", (Guid id, HttpContext http, HearingService hearings, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<ListHearingRequest>(http.Request, async r =>
            {
                var listed = await hearings.ListHearingAsync(new ListHearingOptions(id, r.ListedFor, r.CourtName), http.User.ToActor(), http.RequestAborted);
                return ApiRoute.Created($"/api/v1/hearings/{listed.HearingId}", await ApiResponses.HearingAsync(db, listed, http.RequestAborted));
            }))
            .Write<ListHearingRequest, HearingResponse>("ListHearing", "Record that the application is listed for a hearing.");

        api.MapGet("/hearings/{id:guid}", (Guid id, HttpContext http, AuditLog audit, StalkingProtectionDbContext db) =>
            ApiRoute.ConsultAsync(http, audit, nameof(Hearing), id, () => ApiResponses.HearingAsync(db, id, http.RequestAborted)))
            .Read<HearingResponse>("GetHearing", "Read a hearing.");

        api.MapPost("/hearings/{id:guid}/adjournment", (Guid id, HttpContext http, HearingService hearings, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<AdjournHearingRequest>(http.Request, async r =>
            {
                var adjourned = await hearings.AdjournHearingAsync(new AdjournHearingOptions(id, r.Reason, r.NextHearingAt), http.User.ToActor(), http.RequestAborted);
                return Results.Ok(await ApiResponses.HearingAsync(db, adjourned, http.RequestAborted));
            }))
            .Write<AdjournHearingRequest, HearingResponse>("AdjournHearing", "Record that a hearing was adjourned, with the reason and the next date.",
                StatusCodes.Status200OK);

        api.MapPost("/hearings/{id:guid}/standard-of-proof", (Guid id, HttpContext http, HearingService hearings, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<RecordStandardOfProofRequest>(http.Request, async r =>
            {
                var recorded = await hearings.RecordStandardOfProofAsync(new RecordStandardOfProofOptions(id, r.Argued, r.Found, r.Version), http.User.ToActor(),
                    http.RequestAborted);
                return Results.Ok((await ApiResponses.HearingAsync(db, id, http.RequestAborted))! with { Explanation = recorded.Explain() });
            }, () => db.Hearings.AsNoTracking().Where(h => h.Id == id).Select(h => (long?)h.Version).SingleOrDefaultAsync()))
            .Write<RecordStandardOfProofRequest, HearingResponse>("RecordStandardOfProof",
                "Record the standard of proof argued and, if the court stated it, the standard applied (R38: the April 2024 guidance says the civil standard is likely).",
                StatusCodes.Status200OK);

        api.MapPost("/applications/{id:guid}/determination", (Guid id, HttpContext http, ApplicationService applications, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<DetermineApplicationRequest>(http.Request, async r =>
            {
                var determined = await applications.DetermineAsync(new DetermineApplicationOptions(id, r.Determination, r.Reason, r.Version, r.DecidedOn), http.User.ToActor(),
                    http.RequestAborted);
                return Results.Ok(await ApiResponses.ApplicationAsync(db, determined, http.RequestAborted));
            }, () => ApplicationVersionAsync(db, id)))
            .Write<DetermineApplicationRequest, ApplicationResponse>("DetermineApplication",
                "Record a refusal, dismissal or withdrawal (a grant is recorded with the order made); interim orders on a main application cease (R17, R39). "
                + "`decidedOn` is the day the court decided, which may be in the past for a record entered after the fact, not before the application "
                + "was lodged (today when left out; never in the future).",
                StatusCodes.Status200OK);

        return api;
    }

    private static Task<long?> ApplicationVersionAsync(StalkingProtectionDbContext db, Guid id) =>
        db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => (long?)a.Version).SingleOrDefaultAsync();
}
