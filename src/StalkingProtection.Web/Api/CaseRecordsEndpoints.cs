using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Api;

public sealed record RecordFourAssessmentRequest(bool Fixated, bool Obsessive, bool Unwanted, bool Repeated, long Version) : IApiRequest
{
    public void Validate(ApiValidator v)
    {
    }
}

/// <summary>R39: a missing or short rationale is the domain's rule, so it is answered with its rule ID.</summary>
public sealed record RecordSpoDecisionRequest(SpoDecisionOutcome Decision, string Rationale, string? AuthorisingOfficer = null, string? LegalServicesReference = null)
    : IApiRequest
{
    public void Validate(ApiValidator v) =>
        v.Optional("rationale", Rationale, SpoDecision.RationaleMaxLength)
            .Optional("authorisingOfficer", AuthorisingOfficer, SpoDecision.NameMaxLength)
            .Optional("legalServicesReference", LegalServicesReference, SpoDecision.ReferenceMaxLength);
}

public sealed record SpoDecisionResponse(Guid Id, Guid CaseId, SpoDecisionOutcome Decision, string Rationale, string DecidedBy, DateTimeOffset DecidedAt,
    DateOnly DecidedOn, string? AuthorisingOfficer, string? LegalServicesReference, string? Explanation = null);

public sealed record RecordReferralRequest(ReferralForum Forum, DateOnly ReferredOn, string ReferredBy, string Reason, string? OtherForum = null, Guid? OrderId = null)
    : IApiRequest
{
    public void Validate(ApiValidator v) =>
        v.Date("referredOn", ReferredOn)
            .Optional("referredBy", ReferredBy, MultiAgencyReferral.NameMaxLength)
            .Optional("reason", Reason, MultiAgencyReferral.TextMaxLength)
            .Optional("otherForum", OtherForum, MultiAgencyReferral.NameMaxLength);
}

public sealed record RecordReferralOutcomeRequest(string Outcome, DateOnly OutcomeOn, long Version) : IApiRequest
{
    public void Validate(ApiValidator v) => v.Optional("outcome", Outcome, MultiAgencyReferral.TextMaxLength).Date("outcomeOn", OutcomeOn);
}

public sealed record ReferralResponse(Guid Id, Guid CaseId, Guid? OrderId, ReferralForum Forum, string? OtherForum, DateOnly ReferredOn, string ReferredBy,
    string Reason, string? Outcome, DateOnly? OutcomeOn, long Version, string? Explanation = null);

public sealed record RecordRightToKnowRequest(Guid VictimId, DisclosureDecision Decision, DateOnly DecidedOn, string DecidedBy, string Rationale,
    string? InformationDisclosed = null, DateOnly? DisclosedOn = null) : IApiRequest
{
    public void Validate(ApiValidator v) =>
        v.Date("decidedOn", DecidedOn)
            .Date("disclosedOn", DisclosedOn)
            .Optional("decidedBy", DecidedBy, RightToKnowDisclosure.NameMaxLength)
            .Optional("rationale", Rationale, RightToKnowDisclosure.TextMaxLength)
            .Optional("informationDisclosed", InformationDisclosed, RightToKnowDisclosure.TextMaxLength);
}

public sealed record RightToKnowResponse(Guid Id, Guid CaseId, Guid VictimId, Guid RespondentId, DisclosureDecision Decision, string InformationDisclosed,
    DateOnly DecidedOn, string DecidedBy, string Rationale, DateOnly? DisclosedOn, string? Explanation = null);

public sealed record RecordOtherOrderRequest(OtherOrderType Type, string CourtName, DateOnly MadeOn, bool UntilFurtherOrder = false, DateOnly? EndsOn = null,
    string? OtherTypeDescription = null, string? Reference = null, string? Notes = null) : IApiRequest
{
    public void Validate(ApiValidator v) =>
        v.Required("courtName", CourtName, RespondentOtherOrder.NameMaxLength)
            .Date("madeOn", MadeOn)
            .Date("endsOn", EndsOn)
            .Optional("otherTypeDescription", OtherTypeDescription, RespondentOtherOrder.NameMaxLength)
            .Optional("reference", Reference, RespondentOtherOrder.ReferenceMaxLength)
            .Optional("notes", Notes, RespondentOtherOrder.NotesMaxLength);
}

public sealed record OtherOrderResponse(Guid Id, Guid RespondentId, OtherOrderType Type, string? OtherTypeDescription, string CourtName, DateOnly MadeOn,
    bool UntilFurtherOrder, DateOnly? EndsOn, string? Reference, string? Notes, string? Explanation = null);

/// <summary>
/// The rest of a case's record (spo-rules.md §11): the FOUR check, SPO decisions (R39), multi-agency referrals, Right to Know
/// decisions and the respondent's other orders.
/// </summary>
public static class CaseRecordsEndpoints
{
    public static RouteGroupBuilder MapCaseRecords(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{id:guid}/four-assessment", (Guid id, HttpContext http, CaseService cases, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<RecordFourAssessmentRequest>(http.Request, async r =>
            {
                var assessed = await cases.RecordFourAssessmentAsync(new RecordFourAssessmentOptions(id, r.Fixated, r.Obsessive, r.Unwanted, r.Repeated, r.Version),
                    http.User.ToActor(), http.RequestAborted);
                return Results.Ok((await ApiResponses.CaseAsync(db, id, http.RequestAborted))! with { Explanation = assessed.Explain() });
            }, () => db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => (long?)c.Version).SingleOrDefaultAsync()))
            .Write<RecordFourAssessmentRequest, CaseResponse>("RecordFourAssessment",
                "Record the College of Policing FOUR check: fixated, obsessive, unwanted, repeated.", StatusCodes.Status200OK);

        api.MapPost("/cases/{id:guid}/spo-decisions", (Guid id, HttpContext http, CaseService cases, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<RecordSpoDecisionRequest>(http.Request, async r =>
            {
                var d = await cases.RecordSpoDecisionAsync(new RecordSpoDecisionOptions(id, r.Decision, r.Rationale, r.AuthorisingOfficer,
                    r.LegalServicesReference), http.User.ToActor(), http.RequestAborted);
                return ApiRoute.Created($"/api/v1/spo-decisions/{d.DecisionId}", new SpoDecisionResponse(d.DecisionId, d.CaseId, d.Decision, d.Rationale, d.DecidedBy,
                    d.DecidedAt, d.DecidedOn, d.AuthorisingOfficer, d.LegalServicesReference, d.Explain()));
            }))
            .Write<RecordSpoDecisionRequest, SpoDecisionResponse>("RecordSpoDecision",
                "Record the decision to apply, or not to apply, for an order, with its rationale (R39).");

        api.MapGet("/spo-decisions/{id:guid}", (Guid id, HttpContext http, AuditLog audit, StalkingProtectionDbContext db) =>
            ApiRoute.ConsultAsync(http, audit, nameof(SpoDecision), id, () => SpoDecisionAsync(db, id, http.RequestAborted)))
            .Read<SpoDecisionResponse>("GetSpoDecision", "Read an SPO decision and its rationale.");

        api.MapPost("/cases/{id:guid}/referrals", (Guid id, HttpContext http, CaseService cases, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<RecordReferralRequest>(http.Request, async r =>
            {
                var recorded = await cases.RecordReferralAsync(new RecordReferralOptions(id, r.OrderId, r.Forum, r.OtherForum, r.ReferredOn, r.ReferredBy, r.Reason),
                    http.User.ToActor(), http.RequestAborted);
                var referral = await ReferralAsync(db, recorded.RecordId, http.RequestAborted);
                return ApiRoute.Created($"/api/v1/referrals/{recorded.RecordId}", referral! with { Explanation = recorded.Explain() });
            }))
            .Write<RecordReferralRequest, ReferralResponse>("RecordReferral",
                "Record a referral of the case (and optionally an order) to MARAC, MAPPA, a stalking clinic, S-TAC, safeguarding or the youth offending team.");

        api.MapGet("/referrals/{id:guid}", (Guid id, HttpContext http, AuditLog audit, StalkingProtectionDbContext db) =>
            ApiRoute.ConsultAsync(http, audit, nameof(MultiAgencyReferral), id, () => ReferralAsync(db, id, http.RequestAborted)))
            .Read<ReferralResponse>("GetReferral", "Read a multi-agency referral.");

        api.MapPost("/referrals/{id:guid}/outcome", (Guid id, HttpContext http, CaseService cases, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<RecordReferralOutcomeRequest>(http.Request, async r =>
            {
                var recorded = await cases.RecordReferralOutcomeAsync(new RecordReferralOutcomeOptions(id, r.Outcome, r.OutcomeOn, r.Version), http.User.ToActor(),
                    http.RequestAborted);
                return Results.Ok((await ReferralAsync(db, id, http.RequestAborted))! with { Explanation = recorded.Explain() });
            }, () => db.MultiAgencyReferrals.AsNoTracking().Where(x => x.Id == id).Select(x => (long?)x.Version).SingleOrDefaultAsync()))
            .Write<RecordReferralOutcomeRequest, ReferralResponse>("RecordReferralOutcome", "Record what the forum decided.", StatusCodes.Status200OK);

        api.MapPost("/cases/{id:guid}/right-to-know-decisions", (Guid id, HttpContext http, CaseService cases, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<RecordRightToKnowRequest>(http.Request, async r =>
            {
                var decided = await cases.RecordRightToKnowAsync(new RecordRightToKnowOptions(id, r.VictimId, r.Decision, r.InformationDisclosed, r.DecidedOn,
                    r.DecidedBy, r.Rationale, r.DisclosedOn), http.User.ToActor(), http.RequestAborted);
                var decision = await RightToKnowAsync(db, decided.RecordId, http.RequestAborted);
                return ApiRoute.Created($"/api/v1/right-to-know-decisions/{decided.RecordId}", decision! with { Explanation = decided.Explain() });
            }))
            .Write<RecordRightToKnowRequest, RightToKnowResponse>("RecordRightToKnowDecision",
                "Record a decision whether to tell the victim who is stalking them, with its rationale (R39); a disclosure is audited as one (DPA 2018 s.62).");

        api.MapGet("/right-to-know-decisions/{id:guid}", (Guid id, HttpContext http, AuditLog audit, StalkingProtectionDbContext db) =>
            ApiRoute.ConsultAsync(http, audit, nameof(RightToKnowDisclosure), id, () => RightToKnowAsync(db, id, http.RequestAborted)))
            .Read<RightToKnowResponse>("GetRightToKnowDecision", "Read a Right to Know decision.");

        api.MapPost("/respondents/{id:guid}/other-orders", (Guid id, HttpContext http, CaseService cases, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<RecordOtherOrderRequest>(http.Request, async r =>
            {
                var recorded = await cases.RecordOtherOrderAsync(new RecordOtherOrderOptions(id, r.Type, r.OtherTypeDescription, r.CourtName, r.MadeOn,
                    r.UntilFurtherOrder, r.EndsOn, r.Reference, r.Notes), http.User.ToActor(), http.RequestAborted);
                var order = await OtherOrderAsync(db, recorded.RecordId, http.RequestAborted);
                return ApiRoute.Created($"/api/v1/other-orders/{recorded.RecordId}", order! with { Explanation = recorded.Explain() });
            }))
            .Write<RecordOtherOrderRequest, OtherOrderResponse>("RecordOtherOrder",
                "Record another order binding the respondent: restraining order, non-molestation order, DAPO, SHPO or other.");

        api.MapGet("/other-orders/{id:guid}", (Guid id, HttpContext http, AuditLog audit, StalkingProtectionDbContext db) =>
            ApiRoute.ConsultAsync(http, audit, nameof(RespondentOtherOrder), id, () => OtherOrderAsync(db, id, http.RequestAborted)))
            .Read<OtherOrderResponse>("GetOtherOrder", "Read another order binding the respondent.");

        return api;
    }

    private static async Task<SpoDecisionResponse?> SpoDecisionAsync(StalkingProtectionDbContext db, Guid id, CancellationToken ct) =>
        await db.SpoDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct) is { } d
            ? new SpoDecisionResponse(d.Id, d.CaseId, d.Decision, d.Rationale, d.DecidedBy, d.DecidedAt, d.DecidedOn, d.AuthorisingOfficer, d.LegalServicesReference)
            : null;

    private static async Task<ReferralResponse?> ReferralAsync(StalkingProtectionDbContext db, Guid id, CancellationToken ct) =>
        await db.MultiAgencyReferrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is { } r
            ? new ReferralResponse(r.Id, r.CaseId, r.OrderId, r.Forum, r.OtherForum, r.ReferredOn, r.ReferredBy, r.Reason, r.Outcome, r.OutcomeOn, r.Version)
            : null;

    private static async Task<RightToKnowResponse?> RightToKnowAsync(StalkingProtectionDbContext db, Guid id, CancellationToken ct) =>
        await db.RightToKnowDisclosures.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct) is { } d
            ? new RightToKnowResponse(d.Id, d.CaseId, d.VictimId, d.RespondentId, d.Decision, d.InformationDisclosed, d.DecidedOn, d.DecidedBy, d.Rationale, d.DisclosedOn)
            : null;

    private static async Task<OtherOrderResponse?> OtherOrderAsync(StalkingProtectionDbContext db, Guid id, CancellationToken ct) =>
        await db.RespondentOtherOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) is { } o
            ? new OtherOrderResponse(o.Id, o.RespondentId, o.Type, o.OtherTypeDescription, o.CourtName, o.MadeOn, o.UntilFurtherOrder, o.EndsOn, o.Reference, o.Notes)
            : null;
}
