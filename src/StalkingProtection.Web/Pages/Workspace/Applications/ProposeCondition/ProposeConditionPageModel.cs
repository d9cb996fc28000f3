using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Applications.ProposeCondition;

/// <summary>The answers of one "propose a condition" journey, kept in TempData until the user confirms on "Check your answers".</summary>
public sealed class ProposedConditionState
{
    /// <summary>Set when the journey changes an existing proposed condition.</summary>
    public Guid? ConditionId { get; set; }

    /// <summary>RL4: the application's version when the journey started.</summary>
    public long Version { get; set; }

    public string? TemplateKey { get; set; }

    public Dictionary<string, string> Parameters { get; set; } = [];

    public ConditionType? Type { get; set; }

    public ConditionCategory? Category { get; set; }

    public bool DetailsGiven { get; set; }

    public List<Guid> ProtectedPersonIds { get; set; } = [];

    public string? NecessityRationale { get; set; }

    public YesNo? ConflictFound { get; set; }

    public string? ConflictNotes { get; set; }

    public ConditionScope? Scope { get; set; }

    public string? LocalityText { get; set; }

    public string? MapReference { get; set; }

    public string? LocalityPolygon { get; set; }

    public ConditionDuration? Duration { get; set; }

    public DateOnly? EndsOn { get; set; }

    public static ProposedConditionState From(ProposedCondition c, long version) => new()
    {
        ConditionId = c.Id,
        Version = version,
        TemplateKey = c.TemplateKey ?? ConditionLibrary.OtherKey,
        Parameters = c.TemplateKey is null ? new() { ["wording"] = c.Wording } : c.Parameters.ToDictionary(),
        Type = c.Type,
        Category = c.Category,
        DetailsGiven = true,
        ProtectedPersonIds = [.. c.ProtectedPersonIds],
        NecessityRationale = c.NecessityRationale,
        ConflictFound = !c.ConflictConsidered ? null : c.ConflictFound ? YesNo.Yes : YesNo.No,
        ConflictNotes = c.ConflictNotes,
        Scope = c.Scope,
        LocalityText = c.LocalityText,
        MapReference = c.MapReference,
        LocalityPolygon = c.LocalityPolygon,
        Duration = c.Duration,
        EndsOn = c.EndsOn,
    };

    /// <summary>R9 is recorded as considered once the yes/no question is answered.</summary>
    public ProposedConditionDetails ToDetails() => new(
        new ConditionDraft(Type ?? ConditionType.Prohibition, Category ?? ConditionCategory.Other, "", Scope ?? ConditionScope.AllUk,
            Scope == ConditionScope.Locality ? LocalityText : null, ProtectedPersonIds, NecessityRationale ?? "", ConflictFound is not null,
            ConflictFound == YesNo.Yes, ConflictNotes, Duration ?? ConditionDuration.AsOrder, Duration == ConditionDuration.FixedPeriod ? EndsOn : null,
            MapReference, LocalityPolygon),
        TemplateKey, Parameters);
}

/// <summary>A page of the "propose a condition" journey on a draft application the user may see (need-to-know: otherwise 404).</summary>
public abstract class ProposeConditionPageModel(StalkingProtectionDbContext db) : ApplicationPageModel
{
    /// <summary>Pages keep the polygon smaller than Core allows, because the journey carries it in a cookie; the API takes the full size.</summary>
    public const int PagePolygonMaxLength = 4000;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Journey { get; set; }

    public ProposedConditionState State { get; private set; } = new();

    public ConditionTemplate? Template => ConditionLibrary.Find(State.TemplateKey);

    public bool IsOther => State.TemplateKey == ConditionLibrary.OtherKey;

    /// <summary>The application's protected persons (R4), by name only.</summary>
    public IReadOnlyList<SelectListItem> People { get; private set; } = [];

    protected StalkingProtectionDbContext Db => db;

    public string JourneyUrl(string page) => ApplicationLinks.ProposeConditionStep(page, Id, Journey);

    public string ListUrl => ApplicationLinks.Journey("propose-condition", Id);

    /// <summary>Loads the application and the journey's answers; returns where to go instead, or null to show the page.</summary>
    protected async Task<IActionResult?> LoadJourneyAsync(CancellationToken ct, bool needsTemplate = true)
    {
        if (!await LoadApplicationAsync(db, Id, ct))
        {
            return NotFound();
        }

        if (Application.Status != ApplicationStatus.Draft || !Application.IsForOrder)
        {
            return Redirect(ListUrl);
        }

        State = JourneyState.Load<ProposedConditionState>(TempData, Journey) ?? new ProposedConditionState { Version = Application.Version };
        if (needsTemplate && Template is null)
        {
            return Redirect(JourneyUrl("template"));
        }

        People = await PeopleAsync(db, Application, ct);
        return null;
    }

    protected void SaveState() => JourneyState.Save(TempData, Journey, State);

    public static async Task<IReadOnlyList<SelectListItem>> PeopleAsync(StalkingProtectionDbContext db, Application application, CancellationToken ct)
    {
        var named = application.ProtectedPersons.Select(p => p.VictimId).ToHashSet();
        return (await ConditionInput.ProtectedPersonItemsAsync(db, application.CaseId, ct)).Where(i => named.Contains(Guid.Parse(i.Value))).ToList();
    }
}

public static class ProposedConditionText
{
    public static IReadOnlyList<SelectListItem> Templates { get; } =
        ConditionLibrary.Templates.Select(t => new SelectListItem(t.Title, t.Key)).ToList();

    public static string Scope(ConditionScope scope, string? locality, string? mapReference, bool hasPolygon) =>
        scope == ConditionScope.AllUk
            ? "Everywhere in the United Kingdom"
            : $"Only in {locality}{(mapReference is null ? "" : $" (map: {mapReference})")}{(hasPolygon ? ", with a map polygon" : "")}";

    public static string Duration(ConditionDuration duration, DateOnly? endsOn) =>
        duration == ConditionDuration.FixedPeriod ? $"A fixed period, to the end of {Display.Date(endsOn)}" : Choices.Text(duration);

    public static string Names(IReadOnlyList<SelectListItem> people, IEnumerable<Guid> ids) =>
        string.Join(", ", ids.Select(id => people.FirstOrDefault(p => p.Value == id.ToString())?.Text ?? "A person no longer named on the application"));

    public static async Task<IReadOnlyList<SelectListItem>> PeopleAsync(StalkingProtectionDbContext db, Application application, CancellationToken ct) =>
        await ProposeConditionPageModel.PeopleAsync(db, application, ct);
}
