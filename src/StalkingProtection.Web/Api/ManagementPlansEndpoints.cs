using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Api;

/// <summary>The three parts of a Subject Profile Management Plan (spo-rules.md §7.1), the actions and the next review (R42).</summary>
public sealed record ManagementPlanRequest(string LeadOfficer, string OffendingAndSafeguarding, string Plan, DateOnly NextReviewOn,
    string? SubsequentPoliceInformation = null, string? Actions = null) : IApiRequest
{
    public ManagementPlanContent ToContent() => new(LeadOfficer, OffendingAndSafeguarding, SubsequentPoliceInformation, Plan, Actions, NextReviewOn);

    public void Validate(ApiValidator v) =>
        v.Optional("leadOfficer", LeadOfficer, ManagementPlan.NameMaxLength)
            .Optional("offendingAndSafeguarding", OffendingAndSafeguarding, ManagementPlan.TextMaxLength)
            .Optional("subsequentPoliceInformation", SubsequentPoliceInformation, ManagementPlan.TextMaxLength)
            .Optional("plan", Plan, ManagementPlan.TextMaxLength)
            .Optional("actions", Actions, ManagementPlan.TextMaxLength)
            .Date("nextReviewOn", NextReviewOn);
}

public sealed record ReviseManagementPlanRequest(string LeadOfficer, string OffendingAndSafeguarding, string Plan, DateOnly NextReviewOn, string Reason, long Version,
    string? SubsequentPoliceInformation = null, string? Actions = null) : IApiRequest
{
    public void Validate(ApiValidator v) =>
        new ManagementPlanRequest(LeadOfficer, OffendingAndSafeguarding, Plan, NextReviewOn, SubsequentPoliceInformation, Actions).Validate(
            v.Optional("reason", Reason, ManagementPlanRevision.ReasonMaxLength));
}

public sealed record ManagementPlanRevisionResponse(int Number, string LeadOfficer, string OffendingAndSafeguarding, string? SubsequentPoliceInformation, string Plan,
    string? Actions, DateOnly NextReviewOn, string PreparedBy, DateTimeOffset PreparedAt, string? ReasonForRevision);

/// <summary>The order's reviews (contacts, compliance checks, risk review) are the plan's history of being carried out.</summary>
public sealed record ManagementReviewSummary(Guid Id, DateOnly ReviewedOn, string ReviewedBy, string LeadOfficer, DateOnly NextReviewDue);

public sealed record ManagementPlanResponse(Guid Id, Guid OrderId, ManagementPlanRevisionResponse Current, IReadOnlyList<ManagementPlanRevisionResponse> History,
    IReadOnlyList<ManagementReviewSummary> Reviews, long Version, string? Explanation = null);

/// <summary>The management plan of an order (SPMP, R42): created once, then revised with every version kept.</summary>
public static class ManagementPlansEndpoints
{
    public static RouteGroupBuilder MapManagementPlans(this RouteGroupBuilder api)
    {
        api.MapPost("/orders/{id:guid}/management-plan", (Guid id, HttpContext http, ReviewService reviews, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<ManagementPlanRequest>(http.Request, async r =>
            {
                var created = await reviews.CreatePlanAsync(new CreateManagementPlanOptions(id, r.ToContent()), http.User.ToActor(), http.RequestAborted);
                var plan = await PlanAsync(db, created.RecordId, http.RequestAborted);
                return ApiRoute.Created($"/api/v1/management-plans/{created.RecordId}", plan! with { Explanation = created.Explain() });
            }))
            .Write<ManagementPlanRequest, ManagementPlanResponse>("CreateManagementPlan",
                "Record the order's management plan: lead officer, the three SPMP parts, actions and the next review (R42).");

        api.MapGet("/management-plans/{id:guid}", (Guid id, HttpContext http, AuditLog audit, StalkingProtectionDbContext db) =>
            ApiRoute.ConsultAsync(http, audit, nameof(ManagementPlan), id, () => PlanAsync(db, id, http.RequestAborted)))
            .Read<ManagementPlanResponse>("GetManagementPlan", "Read a management plan, every earlier version, and the order's reviews.");

        api.MapPost("/management-plans/{id:guid}/revisions", (Guid id, HttpContext http, ReviewService reviews, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<ReviseManagementPlanRequest>(http.Request, async r =>
            {
                var revised = await reviews.RevisePlanAsync(new ReviseManagementPlanOptions(id,
                    new ManagementPlanContent(r.LeadOfficer, r.OffendingAndSafeguarding, r.SubsequentPoliceInformation, r.Plan, r.Actions, r.NextReviewOn), r.Reason,
                    r.Version), http.User.ToActor(), http.RequestAborted);
                return Results.Ok((await PlanAsync(db, id, http.RequestAborted))! with { Explanation = revised.Explain() });
            }, () => db.ManagementPlans.AsNoTracking().Where(p => p.Id == id).Select(p => (long?)p.Version).SingleOrDefaultAsync()))
            .Write<ReviseManagementPlanRequest, ManagementPlanResponse>("ReviseManagementPlan",
                "Revise the management plan; the earlier version is kept (R42).", StatusCodes.Status200OK);

        return api;
    }

    private static async Task<ManagementPlanResponse?> PlanAsync(StalkingProtectionDbContext db, Guid id, CancellationToken ct)
    {
        if (await db.ManagementPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is not { } plan)
        {
            return null;
        }

        var reviews = await db.ManagementReviews.AsNoTracking().Where(r => r.OrderId == plan.OrderId).OrderBy(r => r.ReviewedAt)
            .Select(r => new ManagementReviewSummary(r.Id, r.ReviewedOn, r.ReviewedBy, r.LeadOfficer, r.NextReviewDue)).ToListAsync(ct);
        return new ManagementPlanResponse(plan.Id, plan.OrderId, Revision(plan.Current),
            plan.Revisions.OrderByDescending(r => r.Number).Skip(1).Select(Revision).ToList(), reviews, plan.Version);
    }

    private static ManagementPlanRevisionResponse Revision(ManagementPlanRevision r) =>
        new(r.Number, r.LeadOfficer, r.OffendingAndSafeguarding, r.SubsequentPoliceInformation, r.Plan, r.Actions, r.NextReviewOn, r.PreparedBy, r.PreparedAt,
            r.ReasonForRevision);
}
