using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;

namespace StalkingProtection.Web.Infrastructure.Journeys;

/// <summary>One prohibition or requirement as the court made it, edited on the record and vary journeys.</summary>
public sealed class ConditionInput
{
    [Display(Name = "Prohibition or requirement")]
    public ConditionType? Type { get; set; }

    [Display(Name = "Kind of condition")]
    public ConditionCategory? Category { get; set; }

    [Display(Name = "Wording of the condition, as in the order")]
    public string? Wording { get; set; }

    [Display(Name = "Where does it apply?")]
    public ConditionScope? Scope { get; set; }

    [Display(Name = "Locality the condition is limited to")]
    public string? LocalityText { get; set; }

    [Display(Name = "Map reference")]
    public string? MapReference { get; set; }

    [Display(Name = "Map polygon (GeoJSON)")]
    public string? LocalityPolygon { get; set; }

    [Display(Name = "Who does it protect?")]
    public List<Guid> ProtectedPersonIds { get; set; } = [];

    [Display(Name = "Why is it necessary to protect them from a risk associated with stalking?")]
    public string? NecessityRationale { get; set; }

    [Display(Name = "Does it conflict with the respondent's religious beliefs, work or education times?")]
    public YesNo? ConflictFound { get; set; }

    [Display(Name = "How is the conflict avoided so far as practicable?")]
    public string? ConflictNotes { get; set; }

    [Display(Name = "How long does it last?")]
    public ConditionDuration? Duration { get; set; }

    [Display(Name = "Last day of the condition")]
    public DateOnly? EndsOn { get; set; }

    /// <summary>A condition proposed in the application, as the starting point for the order the court made.</summary>
    public static ConditionInput From(ConditionDraft c) => new()
    {
        Type = c.Type,
        Category = c.Category,
        Wording = c.Wording,
        Scope = c.Scope,
        LocalityText = c.LocalityText,
        MapReference = c.MapReference,
        LocalityPolygon = c.LocalityPolygon,
        ProtectedPersonIds = [.. c.ProtectedPersonIds],
        NecessityRationale = c.NecessityRationale,
        ConflictFound = !c.ConflictConsidered ? null : c.ConflictFound ? YesNo.Yes : YesNo.No,
        ConflictNotes = c.ConflictNotes,
        Duration = c.Duration,
        EndsOn = c.EndsOn,
    };

    public static ConditionInput From(Condition c) => new()
    {
        Type = c.Type,
        Category = c.Category,
        Wording = c.Wording,
        Scope = c.Scope,
        LocalityText = c.LocalityText,
        MapReference = c.MapReference,
        LocalityPolygon = c.LocalityPolygon,
        ProtectedPersonIds = c.ProtectedPersons.Select(p => p.VictimId).ToList(),
        NecessityRationale = c.NecessityRationale,
        ConflictFound = !c.ConflictConsidered ? null : c.ConflictFound ? YesNo.Yes : YesNo.No,
        ConflictNotes = c.ConflictNotes,
        Duration = c.Duration,
        EndsOn = c.EndsOn,
    };

    // R9 is recorded as considered once the yes/no question is answered.
    public ConditionDraft ToDraft() => new(Type ?? ConditionType.Prohibition, Category ?? ConditionCategory.Other, Wording ?? "", Scope ?? ConditionScope.AllUk,
        Scope == ConditionScope.Locality ? LocalityText : null, ProtectedPersonIds, NecessityRationale ?? "", ConflictFound is not null,
        ConflictFound == YesNo.Yes, ConflictNotes, Duration ?? ConditionDuration.AsOrder, Duration == ConditionDuration.FixedPeriod ? EndsOn : null,
        Scope == ConditionScope.Locality ? MapReference : null, Scope == ConditionScope.Locality ? LocalityPolygon : null);

    /// <summary>GOV.UK messages for a condition left incomplete; the law's own checks follow in Core.</summary>
    public static void Validate(IList<ConditionInput> conditions, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState)
    {
        if (conditions.Count == 0)
        {
            modelState.AddModelError("Conditions", "Add at least one prohibition or requirement");
        }

        for (var i = 0; i < conditions.Count; i++)
        {
            var c = conditions[i];
            var p = $"Conditions[{i}].";
            if (c.Type is null)
            {
                modelState.AddModelError(p + nameof(Type), $"Condition {i + 1}: select whether it is a prohibition or a requirement");
            }

            if (c.Category is null)
            {
                modelState.AddModelError(p + nameof(Category), $"Condition {i + 1}: select the kind of condition");
            }

            if (string.IsNullOrWhiteSpace(c.Wording))
            {
                modelState.AddModelError(p + nameof(Wording), $"Condition {i + 1}: enter the wording of the condition");
            }
            else if (c.Wording.Length > Condition.WordingMaxLength)
            {
                modelState.AddModelError(p + nameof(Wording), $"Condition {i + 1}: the wording must be {Condition.WordingMaxLength} characters or fewer");
            }

            if (c.Scope is null)
            {
                modelState.AddModelError(p + nameof(Scope), $"Condition {i + 1}: select where the condition applies");
            }

            if (c.MapReference is { Length: > LocalityMap.MapReferenceMaxLength })
            {
                modelState.AddModelError(p + nameof(MapReference), $"Condition {i + 1}: the map reference must be {LocalityMap.MapReferenceMaxLength} characters or fewer");
            }

            // SPA 2019 s.2(4), R10.
            if (c.Scope == ConditionScope.Locality && !string.IsNullOrWhiteSpace(c.LocalityPolygon) && LocalityMap.PolygonError(c.LocalityPolygon) is { } polygonError)
            {
                modelState.AddModelError(p + nameof(LocalityPolygon), $"Condition {i + 1}: the map polygon is not a valid GeoJSON Polygon: {polygonError} (SPA 2019 s.2(4), R10)");
            }

            if (c.ProtectedPersonIds.Count == 0)
            {
                modelState.AddModelError(p + nameof(ProtectedPersonIds), $"Condition {i + 1}: select who the condition protects");
            }

            if (string.IsNullOrWhiteSpace(c.NecessityRationale))
            {
                modelState.AddModelError(p + nameof(NecessityRationale), $"Condition {i + 1}: enter why the condition is necessary");
            }

            if (c.Duration is null)
            {
                modelState.AddModelError(p + nameof(Duration), $"Condition {i + 1}: select how long the condition lasts");
            }
            else if (c.Duration == ConditionDuration.FixedPeriod && c.EndsOn is null && !modelState.ContainsKey(p + nameof(EndsOn) + ".Day"))
            {
                modelState.AddModelError(p + nameof(EndsOn), $"Condition {i + 1}: enter the last day of the condition");
            }
        }
    }

    /// <summary>The case's protected people by name, never with an address.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> ProtectedPersonItemsAsync(StalkingProtectionDbContext db, Guid caseId, CancellationToken ct)
    {
        var victims = (await db.Victims.AsNoTracking().Where(v => v.CaseId == caseId).ToListAsync(ct)).Where(v => v.IsProtectedPerson).ToList();
        var personIds = victims.Select(v => v.PersonId).ToList();
        var people = await db.People.AsNoTracking().Include(p => p.Names).Where(p => personIds.Contains(p.Id)).ToListAsync(ct);
        return victims.Select(v => new SelectListItem(people.SingleOrDefault(p => p.Id == v.PersonId)?.PrimaryName.FullName ?? "Protected person", v.Id.ToString())).ToList();
    }
}
