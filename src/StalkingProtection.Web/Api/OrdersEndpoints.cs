using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Lists;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Statistics;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Api;

public sealed record ConditionRequest(ConditionType Type, ConditionCategory Category, string Wording, ConditionScope Scope,
    IReadOnlyList<Guid> ProtectedPersonIds, string NecessityRationale, bool ConflictConsidered, string? LocalityText = null, bool ConflictFound = false, string? ConflictNotes = null,
    ConditionDuration Duration = ConditionDuration.AsOrder, DateOnly? EndsOn = null, string? MapReference = null, string? LocalityPolygon = null)
{
    public static void Validate(ApiValidator v, string field, ConditionRequest c) =>
        v.Required(field + ".wording", c.Wording, Condition.WordingMaxLength)
            .Optional(field + ".localityText", c.LocalityText, Condition.LocalityMaxLength)
            .Optional(field + ".necessityRationale", c.NecessityRationale, Condition.RationaleMaxLength)
            .Optional(field + ".conflictNotes", c.ConflictNotes, Condition.NotesMaxLength)
            .Optional(field + ".mapReference", c.MapReference, LocalityMap.MapReferenceMaxLength)
            .Optional(field + ".localityPolygon", c.LocalityPolygon, LocalityMap.PolygonMaxLength)
            .Date(field + ".endsOn", c.EndsOn);

    public ConditionDraft ToDraft() =>
        new(Type, Category, Wording, Scope, LocalityText, ProtectedPersonIds, NecessityRationale, ConflictConsidered, ConflictFound, ConflictNotes, Duration, EndsOn,
            MapReference, LocalityPolygon);
}

/// <summary>An order as the court made it, entered from the order drawn up.</summary>
public sealed record RecordOrderRequest(Guid CaseId, OrderKind Kind, OrderOrigin Origin, string CourtName, DateOnly MadeOn, DurationType DurationType,
    IReadOnlyList<ConditionRequest> Conditions, Guid? ApplicationId = null, PoliceForce? CourtPoliceArea = null, DateOnly? LastInForceDay = null,
    bool NoIncompatibilityAttested = false,
    IReadOnlyList<OverrideRequest>? Overrides = null) : IApiRequest
{
    public void Validate(ApiValidator v) =>
        v.Required("courtName", CourtName, StalkingProtectionOrder.CourtNameMaxLength)
            .Date("madeOn", MadeOn)
            .Date("lastInForceDay", LastInForceDay)
            .Each("conditions", Conditions, ConditionRequest.Validate)
            .Each("overrides", Overrides, OverrideRequest.Validate);
}

public sealed record RecordServiceRequest(DateTimeOffset ServedAt, ServiceMethod Method, string ServedBy, long Version) : IApiRequest
{
    public void Validate(ApiValidator v) => v.Instant("servedAt", ServedAt).Required("servedBy", ServedBy, StalkingProtectionOrder.NameMaxLength);
}

public sealed record VaryOrderRequest(ApplicantParty ApplicantParty, DateOnly DecidedOn, DateOnly EffectiveFrom, IReadOnlyList<ConditionRequest> Conditions,
    bool AddsOrTightens, long Version, PoliceForce? ApplicantForce = null, string? NecessityRationale = null, Guid? ApplicationId = null,
    IReadOnlyList<OverrideRequest>? Overrides = null) : IApiRequest
{
    public void Validate(ApiValidator v) =>
        v.Date("decidedOn", DecidedOn)
            .Date("effectiveFrom", EffectiveFrom)
            .Optional("necessityRationale", NecessityRationale, OrderChange.RationaleMaxLength)
            .Each("conditions", Conditions, ConditionRequest.Validate)
            .Each("overrides", Overrides, OverrideRequest.Validate);
}

public sealed record RenewOrderRequest(ApplicantParty ApplicantParty, DateOnly ApplicationLodgedOn, DateOnly DecidedOn, DurationType DurationType,
    string NecessityRationale, long Version, PoliceForce? ApplicantForce = null, DateOnly? NewLastDay = null, Guid? ApplicationId = null) : IApiRequest
{
    public void Validate(ApiValidator v) =>
        v.Date("applicationLodgedOn", ApplicationLodgedOn)
            .Date("decidedOn", DecidedOn)
            .Date("newLastDay", NewLastDay)
            .Optional("necessityRationale", NecessityRationale, StalkingProtectionOrder.NoteMaxLength);
}

/// <summary>R22: a party's consent to discharge within the first 2 years.</summary>
public sealed record ConsentRequest(ConsentParty Party, DateOnly GivenOn, ConsentMethod Method)
{
    public static void Validate(ApiValidator v, string field, ConsentRequest c) => v.Date(field + ".givenOn", c.GivenOn);
}

public sealed record DischargeOrderRequest(ApplicantParty ApplicantParty, DateOnly DecidedOn, DateOnly EffectiveOn, IReadOnlyList<ConsentRequest> Consents,
    long Version, PoliceForce? ApplicantForce = null, Guid? ApplicationId = null) : IApiRequest
{
    public void Validate(ApiValidator v) =>
        v.Date("decidedOn", DecidedOn).Date("effectiveOn", EffectiveOn).Each("consents", Consents, ConsentRequest.Validate);
}

/// <summary>Orders as the court made them, service, variation, renewal and discharge, and the order as it stood on any date.</summary>
public static class OrdersEndpoints
{
    public static RouteGroupBuilder MapOrders(this RouteGroupBuilder api)
    {
        api.MapPost("/orders", (HttpContext http, OrderService orders, OrderStatusQueries queries, StalkingProtectionDbContext db,
                IOptions<LegalRuleSet> rules) =>
            ApiRoute.HandleAsync<RecordOrderRequest>(http.Request, async r =>
            {
                if (!await ApiTeamFilter.SeesAsync(http, db, "cases", r.CaseId))
                {
                    return ApiProblems.NotFound("A record named in the request was");
                }

                var actor = http.User.ToActor();
                var terms = new OrderTerms(r.Kind, r.Origin, r.CourtName, r.CourtPoliceArea, r.MadeOn, r.DurationType, r.LastInForceDay,
                    r.Conditions.Select(c => c.ToDraft()).ToList());
                var made = await ApiOverrides.RunAsync(db, r.Overrides, actor, o => orders.RecordOrderAsync(
                    new RecordOrderOptions(r.CaseId, r.ApplicationId, terms, r.NoIncompatibilityAttested, rules.Value.CourtMadeOrdersCommencement, o), actor,
                    http.RequestAborted));
                var order = await ApiResponses.OrderAsync(queries, made.OrderId, r.MadeOn, http.RequestAborted);
                return ApiRoute.Created($"/api/v1/orders/{made.OrderId}", order is null ? null : order with
                {
                    InterimOrdersEnded = made.InterimOrdersEnded.Select(e => new InterimOrderEndedResponse(e.OrderId, e.CeasedOn)).ToList(),
                    Explanation = made.Explain(),
                });
            }))
            .Write<RecordOrderRequest, OrderResponse>("RecordOrder",
                "Record a full or interim order as made by the court, with its prohibitions and requirements (R8–R16, R19, R43).");

        api.MapGet("/orders", ListOrdersAsync)
            .Read<OrderListResponse>("ListOrders",
                "List orders, oldest made first, 50 to a page (?limit= up to 100) with the next page's address in \"next\" (?cursor=); "
                + "filtered by ?status= (InForce, Interim, Full, Unserved, EndingSoon, Ended or All, the default), ?team=, the respondent's ?pncId=, "
                + "or the respondent's ?familyName= with ?dateOfBirth=YYYY-MM-DD (any name they are known by).")
            .QueryValues<OrderListFilter>("status");

        api.MapGet("/orders/{id:guid}", async (Guid id, string? asAt, HttpContext http, AuditLog audit, OrderStatusQueries queries, StalkingProtectionDbContext db,
                TimeProvider time) =>
            {
                if (AsAtDate(asAt, time) is not { } date)
                {
                    return AsAtProblem;
                }

                return await ApiRoute.ConsultAsync(http, audit, nameof(StalkingProtectionOrder), id, () => ApiResponses.OrderAsync(queries, id, date, http.RequestAborted));
            })
            .Read<OrderResponse>("GetOrder",
                "Read an order's status, the conditions in force and the respondent's notification duties as at a date (?asAt=YYYY-MM-DD, or an instant with its offset such as 2026-03-01T23:30:00Z, read as its London date; default today).");

        api.MapGet("/respondents/{id:guid}/obligations", async (Guid id, string? asAt, HttpContext http, AuditLog audit, StalkingProtectionDbContext db,
                TimeProvider time) =>
            {
                if (AsAtDate(asAt, time) is not { } date)
                {
                    return AsAtProblem;
                }

                return await ApiRoute.ConsultAsync(http, audit, nameof(Core.People.Respondent), id,
                    () => ApiResponses.RespondentObligationsAsync(db, id, date, http.RequestAborted));
            })
            .Read<RespondentObligationsResponse>("GetRespondentObligations",
                "Read every duty to notify of a respondent, across all their orders, with its status as at a date or instant (?asAt=, default today; SPA 2019 ss.9–11, R25–R28, R33).");

        api.MapPost("/orders/{id:guid}/service", (Guid id, HttpContext http, OrderService orders, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<RecordServiceRequest>(http.Request, async r =>
            {
                var served = await orders.RecordServiceAsync(new RecordServiceOptions(id, r.ServedAt, r.Method, r.ServedBy, r.Version), http.User.ToActor(),
                    http.RequestAborted);
                return Results.Ok(new ServiceResponse(id, served.ServedAt, served.ServedOn, ApiResponses.Obligation(served.Obligation), served.Explain(),
                    served.OrderVersion));
            }, () => OrderVersionAsync(db, id)))
            .Write<RecordServiceRequest, ServiceResponse>("RecordService",
                "Record service of an order on the respondent; starts the s.9 initial notification duty where the Act says so (R19, R25).",
                StatusCodes.Status200OK);

        api.MapPost("/orders/{id:guid}/variations", (Guid id, HttpContext http, OrderService orders, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<VaryOrderRequest>(http.Request, async r =>
            {
                var actor = http.User.ToActor();
                var change = await ApiOverrides.RunAsync(db, r.Overrides, actor, o => orders.VaryAsync(new VaryOrderOptions(id, r.ApplicantParty, r.ApplicantForce,
                    r.DecidedOn, r.EffectiveFrom, r.Conditions.Select(c => c.ToDraft()).ToList(), r.AddsOrTightens, r.NecessityRationale, r.ApplicationId, o, r.Version),
                    actor, http.RequestAborted));
                return ApiRoute.Created($"/api/v1/order-changes/{change.ChangeId}", await ApiResponses.OrderChangeAsync(db, change, http.RequestAborted));
            }, () => OrderVersionAsync(db, id)))
            .Write<VaryOrderRequest, OrderChangeResponse>("VaryOrder", "Record a variation the court made: a new version of the terms from a date (R20, R21).");

        api.MapPost("/orders/{id:guid}/renewals", (Guid id, HttpContext http, OrderService orders, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<RenewOrderRequest>(http.Request, async r =>
            {
                var change = await orders.RenewAsync(new RenewOrderOptions(id, r.ApplicantParty, r.ApplicantForce, r.ApplicationLodgedOn, r.DecidedOn, r.DurationType,
                    r.NewLastDay, r.NecessityRationale, r.ApplicationId, r.Version), http.User.ToActor(), http.RequestAborted);
                return ApiRoute.Created($"/api/v1/order-changes/{change.ChangeId}", await ApiResponses.OrderChangeAsync(db, change, http.RequestAborted));
            }, () => OrderVersionAsync(db, id)))
            .Write<RenewOrderRequest, OrderChangeResponse>("RenewOrder", "Record a renewal the court made while the order was in force (R14, R20, R21, R23).");

        api.MapPost("/orders/{id:guid}/discharges", (Guid id, HttpContext http, OrderService orders, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<DischargeOrderRequest>(http.Request, async r =>
            {
                var change = await orders.DischargeAsync(new DischargeOrderOptions(id, r.ApplicantParty, r.ApplicantForce, r.DecidedOn, r.EffectiveOn,
                    r.Consents.Select(c => new DischargeConsent(c.Party, c.GivenOn, c.Method)).ToList(), r.ApplicationId, r.Version), http.User.ToActor(),
                    http.RequestAborted);
                return ApiRoute.Created($"/api/v1/order-changes/{change.ChangeId}", await ApiResponses.OrderChangeAsync(db, change, http.RequestAborted));
            }, () => OrderVersionAsync(db, id)))
            .Write<DischargeOrderRequest, OrderChangeResponse>("DischargeOrder",
                "Record a discharge the court made, with the consents of the defendant and the relevant chief officer inside the first 2 years (R20, R22).");

        api.MapGet("/order-changes/{id:guid}", (Guid id, HttpContext http, AuditLog audit, StalkingProtectionDbContext db) =>
            ApiRoute.ConsultAsync(http, audit, nameof(OrderChange), id, () => ApiResponses.OrderChangeAsync(db, id, http.RequestAborted)))
            .Read<OrderChangeResponse>("GetOrderChange", "Read a variation, renewal or discharge, with its consents.");

        api.MapGet("/statistics/live-orders", async (string? date, HttpContext http, AuditLog audit, OrderStatusQueries queries, DashboardFigureCache dashboard,
            TimeProvider time) =>
            {
                DateOnly on = time.UkToday;
                if (date is not null && (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out on)
                    || on < ApiValidator.EarliestDate || on > ApiValidator.LatestDate))
                {
                    return ApiProblems.Invalid("date", $"Enter a real date as YYYY-MM-DD between {ApiValidator.EarliestDate:yyyy-MM-dd} and {ApiValidator.LatestDate:yyyy-MM-dd}.");
                }

                // Today's figure is the dashboard's own, counted once a day and again whenever an order may have changed (P3).
                var figures = on == time.UkToday ? await dashboard.GetAsync(http.RequestAborted) : null;
                var (interim, full) = figures is not null && figures.Today == on
                    ? (figures.LiveInterim, figures.LiveFull)
                    : await queries.LiveOrderCountByKindAsync(on, http.RequestAborted);
                await audit.RecordConsultationAsync(http.User.ToActor(), AuditEvents.Api.StatisticsLiveOrders.For(on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    "Aggregate count read through the API"), http.RequestAborted);
                return Results.Ok(new LiveOrdersResponse(on, interim, full, interim + full));
            })
            .Read<LiveOrdersResponse>("GetLiveOrderCount", "The number of interim and full orders in force on a date (?date=YYYY-MM-DD, default today).");

        return api;
    }

    /// <summary>
    /// A page of orders for a records system to find or keep in step with, in a stable order (made on, then id) with an
    /// opaque cursor; every listing is a consultation (DPA 2018 s.62) naming its filters and how many orders it returned.
    /// </summary>
    private static async Task<IResult> ListOrdersAsync(string? status, string? team, string? pncId, string? familyName, string? dateOfBirth,
        string? cursor, string? limit, HttpContext http, AuditLog audit, StalkingProtectionDbContext db, TimeProvider time)
    {
        var list = ApiList.Read(cursor, limit, OrderListQuery.KeyType(OrderListSort.Made));
        var filter = list.Choice("status", status, OrderListFilter.All);
        var people = list.Team(team).People(db, pncId, familyName, dateOfBirth);
        if (list.Problem is { } problem)
        {
            return problem;
        }

        var today = time.UkToday;
        // Need-to-know (S4): a client given a team lists the orders of that team's cases only, as it reads only those by id.
        var rows = OrderListQuery.Rows(db, db.Cases.AsNoTracking().VisibleTo(http.User), today, filter, team, null, needsAction: false);
        if (people is not null)
        {
            rows = rows.Where(r => people.Contains(r.PersonId));
        }

        var (page, next) = await list.PageAsync(http, audit, OrderListQuery.SeekBy(rows, filter, today, OrderListSort.Made, SortDirection.Ascending, list.AfterKey, list.AfterId, false, db.Provider,
            list.Take + 1),
            r => (r.MadeOn, r.Id), AuditEvents.Api.OrdersListed,
            $"status={filter}; team={team}; pncId={(pncId is null ? "" : "given")}; name={(familyName is null ? "" : "given")}");
        return Results.Ok(new OrderListResponse(
            page.Select(r => new OrderListItemResponse(r.Id, r.CaseId, r.RespondentId, r.RespondentName, r.Kind, r.MadeOn, r.CourtName, r.LastInForceDay,
                r.EndedOn, r.StatusOn(today), r.NextDeadline, r.Team)).ToList(),
            next));
    }

    private static IResult AsAtProblem => ApiProblems.Invalid("asAt",
        $"Enter a real date as YYYY-MM-DD, or an instant with its offset from UTC (for example 2026-03-01T14:30:00Z), between {ApiValidator.EarliestDate:yyyy-MM-dd} and {ApiValidator.LatestDate:yyyy-MM-dd}.");

    /// <summary>A date, or an instant read as its London date (legal dates are London dates); null when neither.</summary>
    private static DateOnly? AsAtDate(string? asAt, TimeProvider time)
    {
        if (asAt is null)
        {
            return time.UkToday;
        }

        // A "+" in a query string arrives as a space unless the client encoded it.
        asAt = asAt.Replace(' ', '+');
        DateOnly date;
        if (DateOnly.TryParseExact(asAt, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            date = day;
        }
        else if (asAt.Contains('T', StringComparison.Ordinal) && InstantWithOffsetConverter.HasOffset(asAt)
            && DateTimeOffset.TryParse(asAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            date = LondonTime.DateOf(instant);
        }
        else
        {
            return null;
        }

        return date < ApiValidator.EarliestDate || date > ApiValidator.LatestDate ? null : date;
    }

    internal static Task<long?> OrderVersionAsync(StalkingProtectionDbContext db, Guid id) =>
        db.Orders.AsNoTracking().IgnoreAutoIncludes().Where(o => o.Id == id).Select(o => (long?)o.Version).SingleOrDefaultAsync();
}
