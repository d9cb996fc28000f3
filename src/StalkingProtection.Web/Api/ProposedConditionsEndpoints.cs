using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Api;

/// <summary>
/// A condition the application asks the court to make: from the condition library (<c>templateKey</c> and <c>parameters</c> give the
/// type, category, wording and locality) or written out (<c>type</c>, <c>category</c>, <c>wording</c>). The rules are those of an
/// order's conditions: R8, R9 (overridable), R10, R12, R15 (overridable by legal services) and R16.
/// </summary>
public sealed record ProposedConditionRequest(IReadOnlyList<Guid> ProtectedPersonIds, string NecessityRationale, bool ConflictConsidered,
    string? TemplateKey = null, IReadOnlyDictionary<string, string>? Parameters = null, ConditionType? Type = null, ConditionCategory? Category = null,
    string? Wording = null, ConditionScope Scope = ConditionScope.AllUk, string? LocalityText = null, string? MapReference = null, string? LocalityPolygon = null,
    bool ConflictFound = false, string? ConflictNotes = null, ConditionDuration Duration = ConditionDuration.AsOrder, DateOnly? EndsOn = null,
    long? Version = null, IReadOnlyList<OverrideRequest>? Overrides = null) : IApiRequest
{
    public void Validate(ApiValidator v)
    {
        var written = TemplateKey is null || TemplateKey == ConditionLibrary.OtherKey;
        v.Optional("templateKey", TemplateKey, ProposedCondition.TemplateKeyMaxLength)
            .Must(Parameters is null || Parameters.Count <= 10, "parameters", "A template has at most 10 parameters.")
            .Must(Parameters is null || Parameters.All(p => p.Key.Length <= 40 && (p.Value?.Length ?? 0) <= Condition.WordingMaxLength), "parameters",
                $"Parameter names are at most 40 characters and values at most {Condition.WordingMaxLength}.")
            .Must(!written || Type is not null, "type", "Say whether the condition is a prohibition or a requirement.")
            .Must(!written || Category is not null, "category", "Give the kind of condition.")
            .Must(TemplateKey is not null || !string.IsNullOrWhiteSpace(Wording), "wording", "Give the wording, or a templateKey and its parameters.")
            .Optional("wording", Wording, Condition.WordingMaxLength)
            .Optional("localityText", LocalityText, Condition.LocalityMaxLength)
            .Optional("mapReference", MapReference, LocalityMap.MapReferenceMaxLength)
            .Optional("localityPolygon", LocalityPolygon, LocalityMap.PolygonMaxLength)
            .Optional("necessityRationale", NecessityRationale, Condition.RationaleMaxLength)
            .Optional("conflictNotes", ConflictNotes, Condition.NotesMaxLength)
            .Date("endsOn", EndsOn)
            .Each("overrides", Overrides, OverrideRequest.Validate);
    }

    public ProposedConditionDetails ToDetails()
    {
        var parameters = TemplateKey == ConditionLibrary.OtherKey && Parameters is null && Wording is not null
            ? new Dictionary<string, string> { ["wording"] = Wording }
            : Parameters;
        return new ProposedConditionDetails(
            new ConditionDraft(Type ?? ConditionType.Prohibition, Category ?? ConditionCategory.Other, Wording ?? "", Scope, LocalityText, ProtectedPersonIds,
                NecessityRationale, ConflictConsidered, ConflictFound, ConflictNotes, Duration, EndsOn, MapReference, LocalityPolygon),
            TemplateKey, parameters);
    }
}

public sealed record ProposedConditionResponse(Guid Id, Guid ApplicationId, int Sequence, string? TemplateKey, IReadOnlyDictionary<string, string> Parameters,
    ConditionType Type, ConditionCategory Category, string Wording, ConditionScope Scope, string? LocalityText, string? MapReference, string? LocalityPolygon,
    IReadOnlyList<Guid> ProtectedPersonIds, string NecessityRationale, bool ConflictConsidered, bool ConflictFound, string? ConflictNotes,
    ConditionDuration Duration, DateOnly? EndsOn, string? OverrideReason, string? Explanation = null)
{
    public static ProposedConditionResponse From(ProposedCondition c) => new(c.Id, c.ApplicationId, c.Sequence, c.TemplateKey, c.Parameters, c.Type, c.Category,
        c.Wording, c.Scope, c.LocalityText, c.MapReference, c.LocalityPolygon, c.ProtectedPersonIds, c.NecessityRationale, c.ConflictConsidered, c.ConflictFound,
        c.ConflictNotes, c.Duration, c.EndsOn, c.OverrideReason);
}

public sealed record ProposedConditionsResponse(Guid ApplicationId, IReadOnlyList<ProposedConditionResponse> Conditions, long ApplicationVersion);

public static class ProposedConditionsEndpoints
{
    public static RouteGroupBuilder MapProposedConditions(this RouteGroupBuilder api)
    {
        api.MapGet("/applications/{id:guid}/proposed-conditions", (Guid id, HttpContext http, AuditLog audit, StalkingProtectionDbContext db) =>
            ApiRoute.ConsultAsync(http, audit, nameof(Application), id, () => ListAsync(db, id, http.RequestAborted)))
            .Read<ProposedConditionsResponse>("GetProposedConditions", "The conditions a draft application asks the court to make.");

        api.MapPost("/applications/{id:guid}/proposed-conditions", (Guid id, HttpContext http, ApplicationService applications, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<ProposedConditionRequest>(http.Request, async r =>
            {
                var actor = http.User.ToActor();
                var proposed = await ApiOverrides.RunAsync(db, r.Overrides, actor, o =>
                    applications.ProposeConditionAsync(new ProposeConditionOptions(id, r.ToDetails(), o, r.Version), actor, http.RequestAborted));
                var conditionId = proposed.ProposedConditionId!.Value;
                return ApiRoute.Created($"/api/v1/applications/{id}/proposed-conditions/{conditionId}",
                    (await OneAsync(db, id, conditionId, http.RequestAborted))! with { Explanation = proposed.Explain() });
            }, () => ApplicationVersionAsync(db, id)))
            .Write<ProposedConditionRequest, ProposedConditionResponse>("ProposeCondition",
                "Propose a condition on a draft full or interim application, from the condition library or written out (R8, R9, R10, R12, R15, R16).");

        api.MapPut("/applications/{id:guid}/proposed-conditions/{conditionId:guid}",
            (Guid id, Guid conditionId, HttpContext http, ApplicationService applications, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<ProposedConditionRequest>(http.Request, async r =>
            {
                var actor = http.User.ToActor();
                var outcome = await ApiOverrides.RunAsync(db, r.Overrides, actor, o =>
                    applications.ChangeProposedConditionAsync(new ChangeProposedConditionOptions(id, conditionId, r.ToDetails(), o, r.Version), actor,
                        http.RequestAborted));
                return await OneAsync(db, id, conditionId, http.RequestAborted) is { } changed
                    ? Results.Ok(changed with { Explanation = outcome.Explain() })
                    : ApiProblems.NotFound("The proposed condition");
            }, () => ApplicationVersionAsync(db, id)))
            .Write<ProposedConditionRequest, ProposedConditionResponse>("ChangeProposedCondition",
                "Replace a proposed condition of a draft application; the same rules apply as when it was proposed.", StatusCodes.Status200OK);

        api.MapDelete("/applications/{id:guid}/proposed-conditions/{conditionId:guid}",
            (Guid id, Guid conditionId, long? version, HttpContext http, ApplicationService applications, StalkingProtectionDbContext db) =>
            ApiCall.RunAsync(async () =>
            {
                if (!await db.Applications.AnyAsync(a => a.Id == id, http.RequestAborted))
                {
                    return ApiProblems.NotFound(nameof(Application));
                }

                await applications.RemoveProposedConditionAsync(new RemoveProposedConditionOptions(id, conditionId, version), http.User.ToActor(), http.RequestAborted);
                return Results.NoContent();
            }, () => ApplicationVersionAsync(db, id)))
            .RequireAuthorization(ApiPolicies.ReadWrite)
            .AddEndpointFilter<IdempotencyFilter>()
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("RemoveProposedCondition")
            .WithSummary("Remove a proposed condition from a draft application; ?version= makes it conditional on the application's version.");

        return api;
    }

    public static IReadOnlyList<ProposedConditionResponse> Of(Application a) => a.ProposedConditions.Select(ProposedConditionResponse.From).ToList();

    private static async Task<ProposedConditionsResponse?> ListAsync(StalkingProtectionDbContext db, Guid id, CancellationToken ct) =>
        await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is { } a ? new ProposedConditionsResponse(a.Id, Of(a), a.Version) : null;

    private static async Task<ProposedConditionResponse?> OneAsync(StalkingProtectionDbContext db, Guid id, Guid conditionId, CancellationToken ct) =>
        await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is { } a && a.ProposedConditions.SingleOrDefault(c => c.Id == conditionId) is { } c
            ? ProposedConditionResponse.From(c)
            : null;

    private static Task<long?> ApplicationVersionAsync(StalkingProtectionDbContext db, Guid id) =>
        db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => (long?)a.Version).SingleOrDefaultAsync();
}
