using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Api;

public sealed record RecordBreachRequest(Guid ConditionId, DateTimeOffset IncidentAt, string Description, string? Location = null, DateTimeOffset? ReportedAt = null,
    IReadOnlyList<OverrideRequest>? Overrides = null) : IApiRequest
{
    public void Validate(ApiValidator v) =>
        v.Instant("incidentAt", IncidentAt)
            .Optional("location", Location, Breach.TextMaxLength)
            .Required("description", Description, Breach.TextMaxLength)
            .Instant("reportedAt", ReportedAt)
            .Each("overrides", Overrides, OverrideRequest.Validate);
}

public sealed record RecordBreachOutcomeRequest(BreachOutcome Outcome, long Version, DateOnly? ConvictedOn = null, string? Sentence = null) : IApiRequest
{
    public void Validate(ApiValidator v) => v.Date("convictedOn", ConvictedOn).Optional("sentence", Sentence, Breach.TextMaxLength);
}

/// <summary>What followed a breach (spo-rules.md §10.8 item 11). Omitted fields keep what is recorded; the outcome is always sent.</summary>
public sealed record RecordBreachProgressRequest(BreachOutcome Outcome, long Version, string? CrimeReference = null, DateTimeOffset? ArrestedAt = null,
    DateTimeOffset? ChargedAt = null, BreachPlea? Plea = null, DateOnly? PleaOn = null, DateOnly? ConvictedOn = null, string? Sentence = null,
    DateTimeOffset? VictimInformedAt = null, string? ReasonableExcuseClaimed = null) : IApiRequest
{
    public void Validate(ApiValidator v) =>
        v.Optional("crimeReference", CrimeReference, Breach.ReferenceMaxLength)
            .Instant("arrestedAt", ArrestedAt)
            .Instant("chargedAt", ChargedAt)
            .Date("pleaOn", PleaOn)
            .Date("convictedOn", ConvictedOn)
            .Optional("sentence", Sentence, Breach.TextMaxLength)
            .Instant("victimInformedAt", VictimInformedAt)
            .Optional("reasonableExcuseClaimed", ReasonableExcuseClaimed, Breach.TextMaxLength);
}

/// <summary>Breaches of orders (SPA 2019 s.8).</summary>
public static class BreachesEndpoints
{
    public static RouteGroupBuilder MapBreaches(this RouteGroupBuilder api)
    {
        api.MapPost("/orders/{id:guid}/breaches", (Guid id, HttpContext http, BreachService breaches, StalkingProtectionDbContext db, IOptions<LegalRuleSet> rules,
                TimeProvider time) =>
            ApiRoute.HandleAsync<RecordBreachRequest>(http.Request, async r =>
            {
                var actor = http.User.ToActor();
                var recorded = await ApiOverrides.RunAsync(db, r.Overrides, actor, o => breaches.RecordBreachAsync(
                    new RecordBreachOptions(id, r.ConditionId, r.IncidentAt, r.Location, r.Description, r.ReportedAt, o), actor, http.RequestAborted));
                var breach = await ApiResponses.BreachAsync(db, rules.Value, time.UkToday, recorded.BreachId, http.RequestAborted);
                return ApiRoute.Created($"/api/v1/breaches/{recorded.BreachId}", breach! with { Explanation = recorded.Explain() });
            }))
            .Write<RecordBreachRequest, BreachResponse>("RecordBreach",
                "Record a suspected breach of a condition in force at the incident (R35, R36; H20164).");

        api.MapGet("/breaches/{id:guid}", (Guid id, HttpContext http, AuditLog audit, StalkingProtectionDbContext db, IOptions<LegalRuleSet> rules, TimeProvider time) =>
            ApiRoute.ConsultAsync(http, audit, nameof(Breach), id, () => ApiResponses.BreachAsync(db, rules.Value, time.UkToday, id, http.RequestAborted)))
            .Read<BreachResponse>("GetBreach", "Read a breach.");

        api.MapPost("/breaches/{id:guid}/outcome", (Guid id, HttpContext http, BreachService breaches, StalkingProtectionDbContext db, IOptions<LegalRuleSet> rules,
                TimeProvider time) =>
            ApiRoute.HandleAsync<RecordBreachOutcomeRequest>(http.Request, async r =>
            {
                var updated = await breaches.RecordOutcomeAsync(new RecordBreachOutcomeOptions(id, r.Outcome, r.ConvictedOn, r.Sentence, r.Version), http.User.ToActor(),
                    http.RequestAborted);
                return Results.Ok((await ApiResponses.BreachAsync(db, rules.Value, time.UkToday, id, http.RequestAborted))! with { Explanation = updated.Explain() });
            }, () => BreachVersionAsync(db, id)))
            .Write<RecordBreachOutcomeRequest, BreachResponse>("RecordBreachOutcome", "Record the outcome of a breach (R37).", StatusCodes.Status200OK);

        api.MapPost("/breaches/{id:guid}/progress", (Guid id, HttpContext http, BreachService breaches, StalkingProtectionDbContext db, IOptions<LegalRuleSet> rules,
                TimeProvider time) =>
            ApiRoute.HandleAsync<RecordBreachProgressRequest>(http.Request, async r =>
            {
                var updated = await breaches.RecordProgressAsync(new RecordBreachProgressOptions(id, new BreachProgress(r.CrimeReference, r.ArrestedAt, r.ChargedAt,
                    r.Plea, r.PleaOn, r.Outcome, r.ConvictedOn, r.Sentence, r.VictimInformedAt, r.ReasonableExcuseClaimed), r.Version), http.User.ToActor(),
                    http.RequestAborted);
                return Results.Ok((await ApiResponses.BreachAsync(db, rules.Value, time.UkToday, id, http.RequestAborted))! with { Explanation = updated.Explain() });
            }, () => BreachVersionAsync(db, id)))
            .Write<RecordBreachProgressRequest, BreachResponse>("RecordBreachProgress",
                "Record what followed a breach: crime reference, arrest, charge, plea, court outcome, sentence (R37 maximum penalty advice) and when the victim was told (R41).",
                StatusCodes.Status200OK);

        return api;
    }

    private static Task<long?> BreachVersionAsync(StalkingProtectionDbContext db, Guid id) =>
        db.Breaches.AsNoTracking().Where(b => b.Id == id).Select(b => (long?)b.Version).SingleOrDefaultAsync();
}
