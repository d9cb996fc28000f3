using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.Applications.ProposeCondition;

/// <summary>R8 (who and why), R9 (religion, work, education), R10 (locality) and the duration of one proposed condition.</summary>
public class DetailsModel(StalkingProtectionDbContext db) : ProposeConditionPageModel(db)
{
    [BindProperty]
    [Display(Name = "Who does it protect?")]
    public List<Guid> ProtectedPersonIds { get; set; } = [];

    [BindProperty]
    [Display(Name = "Why is it necessary to protect them from a risk associated with stalking?")]
    public string? NecessityRationale { get; set; }

    [BindProperty]
    [Display(Name = "Does it conflict with the respondent's religious beliefs, or the times they work or attend education?")]
    public YesNo? ConflictFound { get; set; }

    [BindProperty]
    [Display(Name = "How is the conflict avoided so far as practicable?")]
    public string? ConflictNotes { get; set; }

    [BindProperty]
    [Display(Name = "Where does it apply?")]
    public ConditionScope? Scope { get; set; }

    [BindProperty]
    [Display(Name = "Locality the condition is limited to")]
    public string? LocalityText { get; set; }

    [BindProperty]
    [Display(Name = "Map reference")]
    public string? MapReference { get; set; }

    [BindProperty]
    [Display(Name = "Map polygon (GeoJSON)")]
    public string? LocalityPolygon { get; set; }

    [BindProperty]
    [Display(Name = "How long should it last?")]
    public ConditionDuration? Duration { get; set; }

    [BindProperty]
    [Display(Name = "Last day of the condition")]
    public DateOnly? EndsOn { get; set; }

    public bool IsInterim => Application.Type == ApplicationType.Interim;

    // SPA 2019 s.5(6)(a), R16: an interim order is not made until further order.
    public IReadOnlyList<SelectListItem> Durations => IsInterim
        ? Choices.Of(ConditionDuration.AsOrder, ConditionDuration.FixedPeriod)
        : Choices.Of<ConditionDuration>();

    public string Wording => Template!.Wording(State.Parameters);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadJourneyAsync(ct) is { } early)
        {
            return early;
        }

        var s = State;
        ProtectedPersonIds = s.DetailsGiven ? s.ProtectedPersonIds : People.Select(p => Guid.Parse(p.Value)).ToList();
        (NecessityRationale, ConflictFound, ConflictNotes) = (s.NecessityRationale, s.ConflictFound, s.ConflictNotes);
        (Scope, LocalityText, MapReference, LocalityPolygon) = (s.Scope ?? ConditionScope.AllUk, s.LocalityText, s.MapReference, s.LocalityPolygon);
        (Duration, EndsOn) = (s.Duration ?? ConditionDuration.AsOrder, s.EndsOn);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadJourneyAsync(ct) is { } early)
        {
            return early;
        }

        Validate();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var s = State;
        var polygonAllowed = IsOther || Template!.Scope == ConditionScope.Locality;
        s.DetailsGiven = true;
        s.ProtectedPersonIds = ProtectedPersonIds.Distinct().ToList();
        (s.NecessityRationale, s.ConflictFound, s.ConflictNotes) = (NecessityRationale?.Trim(), ConflictFound, ConflictFound == YesNo.Yes ? ConflictNotes?.Trim() : null);
        if (IsOther)
        {
            (s.Scope, s.LocalityText, s.MapReference) = (Scope, Scope == ConditionScope.Locality ? LocalityText?.Trim() : null, Scope == ConditionScope.Locality ? MapReference?.Trim() : null);
        }

        s.LocalityPolygon = polygonAllowed && !string.IsNullOrWhiteSpace(LocalityPolygon) ? LocalityPolygon.Trim() : null;
        (s.Duration, s.EndsOn) = (Duration, Duration == ConditionDuration.FixedPeriod ? EndsOn : null);
        SaveState();
        return Redirect(JourneyUrl("check-answers"));
    }

    private void Validate()
    {
        if (ProtectedPersonIds.Count == 0 || ProtectedPersonIds.Any(id => People.All(p => p.Value != id.ToString())))
        {
            ModelState.AddModelError(nameof(ProtectedPersonIds), "Select who the condition protects (SPA 2019 s.2(2), R8)");
        }

        if (string.IsNullOrWhiteSpace(NecessityRationale))
        {
            ModelState.AddModelError(nameof(NecessityRationale), "Enter why the condition is necessary to protect them (SPA 2019 s.2(2), R8)");
        }
        else if (NecessityRationale.Length > Condition.RationaleMaxLength)
        {
            ModelState.AddModelError(nameof(NecessityRationale), $"Why it is necessary must be {Condition.RationaleMaxLength} characters or fewer");
        }

        if (ConflictFound is null)
        {
            ModelState.AddModelError(nameof(ConflictFound), "Select whether the condition conflicts with the respondent's religion, work or education (SPA 2019 s.2(3), R9)");
        }

        if (ConflictNotes is { Length: > Condition.NotesMaxLength })
        {
            ModelState.AddModelError(nameof(ConflictNotes), $"How the conflict is avoided must be {Condition.NotesMaxLength} characters or fewer");
        }

        if (IsOther)
        {
            if (Scope is null)
            {
                ModelState.AddModelError(nameof(Scope), "Select where the condition applies (SPA 2019 s.2(4), R10)");
            }
            else if (Scope == ConditionScope.Locality && string.IsNullOrWhiteSpace(LocalityText))
            {
                ModelState.AddModelError(nameof(LocalityText), "Describe the locality the condition is limited to (SPA 2019 s.2(4), R10)");
            }

            if (LocalityText is { Length: > Condition.LocalityMaxLength })
            {
                ModelState.AddModelError(nameof(LocalityText), $"The locality must be {Condition.LocalityMaxLength} characters or fewer");
            }

            if (MapReference is { Length: > LocalityMap.MapReferenceMaxLength })
            {
                ModelState.AddModelError(nameof(MapReference), $"The map reference must be {LocalityMap.MapReferenceMaxLength} characters or fewer");
            }
        }

        if (!string.IsNullOrWhiteSpace(LocalityPolygon) && (IsOther ? Scope == ConditionScope.Locality : Template!.Scope == ConditionScope.Locality))
        {
            if (LocalityPolygon.Length > PagePolygonMaxLength)
            {
                ModelState.AddModelError(nameof(LocalityPolygon), $"The map polygon must be {PagePolygonMaxLength:N0} characters or fewer on this page");
            }
            else if (LocalityMap.PolygonError(LocalityPolygon) is { } error)
            {
                // SPA 2019 s.2(4), R10.
                ModelState.AddModelError(nameof(LocalityPolygon), $"The map polygon is not a valid GeoJSON Polygon: {error} (SPA 2019 s.2(4), R10)");
            }
        }

        if (Duration is null || !Durations.Any(d => d.Value == Duration.ToString()))
        {
            ModelState.AddModelError(nameof(Duration), "Select how long the condition should last (R12)");
        }
        else if (Duration == ConditionDuration.FixedPeriod && EndsOn is null && !ModelState.ContainsKey(nameof(EndsOn) + ".Day"))
        {
            ModelState.AddModelError(nameof(EndsOn), "Enter the last day of the condition (R12)");
        }
    }
}
