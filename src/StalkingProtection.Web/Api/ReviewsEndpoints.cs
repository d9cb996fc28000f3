using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Api;

public sealed record RecordPncEntryRequest(string Reference, long Version) : IApiRequest
{
    public void Validate(ApiValidator v) => v.Optional("reference", Reference, StalkingProtectionOrder.ReferenceMaxLength);
}

public sealed record RecordVictimContactRequest(VictimContactEventType EventType, DateTimeOffset OccurredAt, ContactChannel Channel, string Summary,
    Guid? OrderId = null) : IApiRequest
{
    public void Validate(ApiValidator v) => v.Instant("occurredAt", OccurredAt).Optional("summary", Summary, VictimContactEvent.SummaryMaxLength);
}

public sealed record VictimContactResponse(Guid Id, Guid VictimId, Guid? OrderId, VictimContactEventType EventType, DateTimeOffset OccurredAt, DateOnly OccurredOn,
    ContactChannel Channel, string Officer, string Summary, string? Explanation = null);

/// <summary>Recording the order on the PNC (R42) and contact with victims (R41).</summary>
public static class ReviewsEndpoints
{
    public static RouteGroupBuilder MapReviews(this RouteGroupBuilder api)
    {
        api.MapPost("/orders/{id:guid}/pnc-entry", (Guid id, HttpContext http, OrderService orders, OrderStatusQueries queries, StalkingProtectionDbContext db,
                TimeProvider time) =>
            ApiRoute.HandleAsync<RecordPncEntryRequest>(http.Request, async r =>
            {
                var recorded = await orders.RecordPncEntryAsync(new RecordPncEntryOptions(id, r.Reference, r.Version), http.User.ToActor(), http.RequestAborted);
                return Results.Ok((await ApiResponses.OrderAsync(queries, id, Core.Time.LondonTime.DateOf(time.GetUtcNow()), http.RequestAborted))! with
                {
                    Explanation = recorded.Explain(),
                });
            }, () => OrdersEndpoints.OrderVersionAsync(db, id)))
            .Write<RecordPncEntryRequest, OrderResponse>("RecordPncEntry", "Record the order's Police National Computer reference; closes the PNC task (R42).",
                StatusCodes.Status200OK);

        api.MapPost("/victims/{id:guid}/contacts", (Guid id, HttpContext http, ReviewService reviews, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<RecordVictimContactRequest>(http.Request, async r =>
            {
                var recorded = await reviews.RecordVictimContactAsync(new RecordVictimContactOptions(id, r.OrderId, r.EventType, r.OccurredAt, r.Channel, r.Summary),
                    http.User.ToActor(), http.RequestAborted);
                var c = await db.VictimContactEvents.AsNoTracking().SingleAsync(e => e.Id == recorded.RecordId, http.RequestAborted);
                return Results.Created($"/api/v1/victims/{id}",
                    new VictimContactResponse(c.Id, c.VictimId, c.OrderId, c.EventType, c.OccurredAt, c.OccurredOn, c.Channel, c.Officer, c.Summary, recorded.Explain()));
            }))
            .Write<RecordVictimContactRequest, VictimContactResponse>("RecordVictimContact",
                "Record that a victim or protected person was consulted or told about a decision, hearing, service, breach or change (R41).");

        return api;
    }
}
