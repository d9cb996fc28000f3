using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Api;

public sealed record LodgeAppealRequest(AppellantType Appellant, AppealableDecision Decision, DateOnly DecisionOn, string Grounds, Guid? OrderId = null,
    Guid? ApplicationId = null, DateOnly? NoticeServedOn = null, IReadOnlyList<OverrideRequest>? Overrides = null) : IApiRequest
{
    public void Validate(ApiValidator v) =>
        v.Date("decisionOn", DecisionOn)
            .Date("noticeServedOn", NoticeServedOn)
            .Required("grounds", Grounds, Appeal.GroundsMaxLength)
            .Each("overrides", Overrides, OverrideRequest.Validate);
}

public sealed record DecideAppealRequest(AppealOutcome Outcome, DateOnly DecidedOn, long Version, string? CrownCourtReference = null) : IApiRequest
{
    public void Validate(ApiValidator v) => v.Date("decidedOn", DecidedOn).Optional("crownCourtReference", CrownCourtReference, Appeal.ReferenceMaxLength);
}

/// <summary>Appeals to the Crown Court (SPA 2019 s.7).</summary>
public static class AppealsEndpoints
{
    public static RouteGroupBuilder MapAppeals(this RouteGroupBuilder api)
    {
        api.MapPost("/appeals", (HttpContext http, AppealService appeals, StalkingProtectionDbContext db, IOptions<LegalRuleSet> rules, BankHolidayCalendar calendar) =>
            ApiRoute.HandleAsync<LodgeAppealRequest>(http.Request, async r =>
            {
                if (!await ApiTeamFilter.SeesAsync(http, db, "orders", r.OrderId) || !await ApiTeamFilter.SeesAsync(http, db, "applications", r.ApplicationId))
                {
                    return ApiProblems.NotFound("A record named in the request was");
                }

                var actor = http.User.ToActor();
                // R24: the provisional lodging deadline comes from the business-day calendar, never from the client.
                var deadline = rules.Value.AppealLodgingDeadline(r.DecisionOn, calendar);
                var lodged = await ApiOverrides.RunAsync(db, r.Overrides, actor, o => appeals.LodgeAsync(new LodgeAppealOptions(r.OrderId, r.ApplicationId, r.Appellant,
                    r.Decision, r.DecisionOn, deadline, r.NoticeServedOn, r.Grounds, o), actor, http.RequestAborted));
                var appeal = await ApiResponses.AppealAsync(db, lodged.AppealId, http.RequestAborted);
                return ApiRoute.Created($"/api/v1/appeals/{lodged.AppealId}", appeal! with { Explanation = lodged.Explain() });
            }))
            .Write<LodgeAppealRequest, AppealResponse>("LodgeAppeal", "Record an appeal to the Crown Court against a decision on an order (R24).");

        api.MapGet("/appeals/{id:guid}", (Guid id, HttpContext http, AuditLog audit, StalkingProtectionDbContext db) =>
            ApiRoute.ConsultAsync(http, audit, nameof(Appeal), id, () => ApiResponses.AppealAsync(db, id, http.RequestAborted)))
            .Read<AppealResponse>("GetAppeal", "Read an appeal.");

        api.MapPost("/appeals/{id:guid}/decision", (Guid id, HttpContext http, AppealService appeals, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<DecideAppealRequest>(http.Request, async r =>
            {
                var decided = await appeals.DecideAsync(new DecideAppealOptions(id, r.Outcome, r.DecidedOn, r.CrownCourtReference, r.Version), http.User.ToActor(),
                    http.RequestAborted);
                return Results.Ok((await ApiResponses.AppealAsync(db, id, http.RequestAborted))! with { Explanation = decided.Explain() });
            }, () => db.Appeals.AsNoTracking().Where(a => a.Id == id).Select(a => (long?)a.Version).SingleOrDefaultAsync()))
            .Write<DecideAppealRequest, AppealResponse>("DecideAppeal", "Record the Crown Court's decision; an allowed appeal against an order quashes it (s.7(4)).",
                StatusCodes.Status200OK);

        return api;
    }
}
