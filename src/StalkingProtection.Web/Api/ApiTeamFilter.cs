using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Api;

/// <summary>
/// Need-to-know for an API client given a team (S4): a record named in the address that belongs to no case of
/// the client's team answers 404, exactly as a record that does not exist, whether it is read or written to. A route
/// whose record this filter cannot place in a case answers 404 too, so that a new route is closed until it is placed.
/// A force-wide client passes untouched.
/// </summary>
public sealed class ApiTeamFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.ClientTeam() is not { } team || http.Request.RouteValues["id"] is not string text || !Guid.TryParse(text, out var id))
        {
            return await next(context);
        }

        var db = http.RequestServices.GetRequiredService<StalkingProtectionDbContext>();
        var record = RecordOf(http.GetEndpoint() as RouteEndpoint);
        if (record is null || !await InTeamAsync(db, record, id, team, http.RequestAborted))
        {
            return ApiProblems.NotFound(HttpMethods.IsGet(http.Request.Method) && record is { } named && RecordTypes.TryGetValue(named, out var type)
                ? type
                : "A record named in the request was");
        }

        return await next(context);
    }

    /// <summary>
    /// Whether the client may see the record of kind <paramref name="record"/> (as its address names it: "cases", "orders")
    /// that a request's body names; always for a force-wide client.
    /// </summary>
    public static async Task<bool> SeesAsync(HttpContext http, StalkingProtectionDbContext db, string record, Guid? id)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(db);
        if (http.User.ClientTeam() is not { } team || id is not { } named)
        {
            return true;
        }

        return await InTeamAsync(db, record, named, team, http.RequestAborted);
    }

    /// <summary>Whether the record of kind <paramref name="record"/> lies in a case of <paramref name="team"/>; false for a kind this filter cannot place.</summary>
    private static async Task<bool> InTeamAsync(StalkingProtectionDbContext db, string record, Guid id, string team, CancellationToken ct)
    {
        var cases = CasesOf(db, record, id);
        return cases is not null && await db.Cases.AnyAsync(c => c.Team == team && cases.Contains(c.Id), ct);
    }

    /// <summary>The first part of the address, which names the kind of record the id is: "orders" in /api/v1/orders/{id}/service.</summary>
    private static string? RecordOf(RouteEndpoint? endpoint)
    {
        var parts = endpoint?.RoutePattern.PathSegments.Select(s => s.Parts.Count == 1 && s.Parts[0] is RoutePatternLiteralPart l ? l.Content : null).ToList();
        var at = parts?.FindIndex(p => p is null) ?? -1;
        return at > 0 ? parts![at - 1] : null;
    }

    /// <summary>What a read of each kind of record answers when there is none, so that another team's record looks the same.</summary>
    private static readonly Dictionary<string, string> RecordTypes = new(StringComparer.Ordinal)
    {
        ["cases"] = "StalkingCase",
        ["acts"] = "StalkingAct",
        ["victims"] = "Victim",
        ["risk-assessments"] = "RiskAssessment",
        ["spo-decisions"] = "SpoDecision",
        ["referrals"] = "MultiAgencyReferral",
        ["right-to-know-decisions"] = "RightToKnowDisclosure",
        ["applications"] = "Application",
        ["hearings"] = "Hearing",
        ["orders"] = "StalkingProtectionOrder",
        ["order-changes"] = "OrderChange",
        ["breaches"] = "Breach",
        ["management-plans"] = "ManagementPlan",
        ["appeals"] = "Appeal",
        ["respondents"] = "Respondent",
        ["notifications"] = "NotificationEvent",
        ["notification-offences"] = "NotificationOffence",
        ["other-orders"] = "RespondentOtherOrder",
    };

    /// <summary>The cases the record named <paramref name="id"/> belongs to; a respondent's records belong to each of the respondent's cases.</summary>
    private static IQueryable<Guid>? CasesOf(StalkingProtectionDbContext db, string record, Guid id)
    {
        var orders = db.Orders.AsNoTracking();
        var applications = db.Applications.AsNoTracking();
        IQueryable<Guid> OfRespondents(IQueryable<Guid> respondents) =>
            db.Cases.Where(c => c.RespondentId != null && respondents.Contains(c.RespondentId.Value)).Select(c => c.Id);
        IQueryable<Guid> OfOrders(IQueryable<Guid> ids) => orders.Where(o => ids.Contains(o.Id)).Select(o => o.CaseId);
        IQueryable<Guid> OfApplications(IQueryable<Guid> ids) => applications.Where(a => ids.Contains(a.Id)).Select(a => a.CaseId);

        return record switch
        {
            "cases" => db.Cases.Where(c => c.Id == id).Select(c => c.Id),
            "acts" => db.StalkingActs.Where(a => a.Id == id).Select(a => a.CaseId),
            "victims" => db.Victims.Where(v => v.Id == id).Select(v => v.CaseId),
            "risk-assessments" => db.RiskAssessments.Where(r => r.Id == id).Select(r => r.CaseId),
            "spo-decisions" => db.SpoDecisions.Where(d => d.Id == id).Select(d => d.CaseId),
            "referrals" => db.MultiAgencyReferrals.Where(r => r.Id == id).Select(r => r.CaseId),
            "right-to-know-decisions" => db.RightToKnowDisclosures.Where(d => d.Id == id).Select(d => d.CaseId),
            "applications" => OfApplications(applications.Where(a => a.Id == id).Select(a => a.Id)),
            "hearings" => OfApplications(db.Hearings.Where(h => h.Id == id).Select(h => h.ApplicationId)),
            "orders" => OfOrders(orders.Where(o => o.Id == id).Select(o => o.Id)),
            "order-changes" => OfOrders(db.OrderChanges.Where(c => c.Id == id).Select(c => c.OrderId)),
            "breaches" => OfOrders(db.Breaches.Where(b => b.Id == id).Select(b => b.OrderId)),
            "management-plans" => OfOrders(db.ManagementPlans.Where(p => p.Id == id).Select(p => p.OrderId)),
            "appeals" => OfOrders(db.Appeals.Where(a => a.Id == id && a.OrderId != null).Select(a => a.OrderId!.Value))
                .Concat(OfApplications(db.Appeals.Where(a => a.Id == id && a.ApplicationId != null).Select(a => a.ApplicationId!.Value))),
            "respondents" => OfRespondents(db.Respondents.Where(r => r.Id == id).Select(r => r.Id)),
            "notifications" => OfRespondents(db.NotificationEvents.Where(n => n.Id == id).Select(n => n.RespondentId)),
            "notification-offences" => OfRespondents(db.NotificationOffences.Where(o => o.Id == id).Select(o => o.RespondentId)),
            "other-orders" => OfRespondents(db.RespondentOtherOrders.Where(o => o.Id == id).Select(o => o.RespondentId)),
            _ => null,
        };
    }
}
