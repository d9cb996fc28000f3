using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.Applications.AmendChangeSought;

/// <summary>The answers between the question page and "Check your answers", with the application's version when the journey began (RL4).</summary>
public sealed record AmendChangeSoughtState(string ChangeSought, YesNo? AddsOrTightens, string? NecessityRationale, long Version);

/// <summary>
/// What a variation, renewal or discharge application asks the court to do, and why (SPA 2019 s.4, R21), amended while it is drafted,
/// for example after a coordinator returned it with comments. Nothing is saved before "Check your answers".
/// </summary>
public class IndexModel(StalkingProtectionDbContext db) : ApplicationPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Journey { get; set; }

    [BindProperty]
    [Display(Name = "What does the application ask the court to do?")]
    public string? ChangeSought { get; set; }

    [BindProperty]
    [Display(Name = "Does the variation add conditions or make any stricter?")]
    public YesNo? AddsOrTightens { get; set; }

    [BindProperty]
    [Display(Name = "Why is this necessary to protect a person from a risk associated with stalking?")]
    public string? NecessityRationale { get; set; }

    [BindProperty]
    public long Version { get; set; }

    /// <summary>SPA 2019 s.4, R21: a renewal, or a variation adding or tightening conditions, must say why it is necessary.</summary>
    public bool NeedsNecessity => Application.Type == ApplicationType.Renewal || (Application.Type == ApplicationType.Variation && AddsOrTightens != YesNo.No);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } early)
        {
            return early;
        }

        if (Journey is { } journey && JourneyState.Load<AmendChangeSoughtState>(TempData, journey) is { } s)
        {
            (ChangeSought, AddsOrTightens, NecessityRationale, Version) = (s.ChangeSought, s.AddsOrTightens, s.NecessityRationale, s.Version);
        }
        else
        {
            ChangeSought = Application.ChangeSought;
            AddsOrTightens = Application.AddsOrTightens switch { true => YesNo.Yes, false => YesNo.No, _ => null };
            NecessityRationale = Application.NecessityRationale;
            Version = Application.Version;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } early)
        {
            return early;
        }

        Validate();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var journey = Journey ?? Guid.NewGuid();
        JourneyState.Save(TempData, journey, new AmendChangeSoughtState(ChangeSought!.Trim(),
            Application.Type == ApplicationType.Variation ? AddsOrTightens : null, NecessityRationale?.Trim(), Version));
        return Redirect(CheckAnswersModel.PageUrl(Id, journey));
    }

    /// <summary>Only a drafted change application not yet authorised can be amended; a full or interim application answers 404.</summary>
    public static bool CanAmend(Application application) =>
        !application.IsForOrder && application.Status == ApplicationStatus.Draft && application.AuthorisedAt is null;

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!await LoadApplicationAsync(db, Id, ct) || Application.IsForOrder)
        {
            return NotFound();
        }

        return CanAmend(Application) ? null : Redirect(ApplicationUrl);
    }

    private void Validate()
    {
        if (string.IsNullOrWhiteSpace(ChangeSought))
        {
            ModelState.AddModelError(nameof(ChangeSought), Application.Type switch
            {
                ApplicationType.Variation => "Enter how the application asks the court to change the order",
                ApplicationType.Renewal => "Enter how long the application asks the court to renew the order for",
                _ => "Enter why the application asks the court to discharge the order",
            });
        }
        else if (ChangeSought.Length > Application.NotesMaxLength)
        {
            ModelState.AddModelError(nameof(ChangeSought), $"What the application asks for must be {Application.NotesMaxLength} characters or fewer");
        }

        if (Application.Type == ApplicationType.Variation && AddsOrTightens is null)
        {
            ModelState.AddModelError(nameof(AddsOrTightens), "Select whether the variation adds conditions or makes any stricter");
        }

        // SPA 2019 s.4, R21.
        if (NeedsNecessity && string.IsNullOrWhiteSpace(NecessityRationale))
        {
            ModelState.AddModelError(nameof(NecessityRationale), "Enter why this is necessary to protect a person from a risk associated with stalking (R21)");
        }
        else if (NecessityRationale is { Length: > Application.NotesMaxLength })
        {
            ModelState.AddModelError(nameof(NecessityRationale), $"The reason must be {Application.NotesMaxLength} characters or fewer");
        }
    }
}
