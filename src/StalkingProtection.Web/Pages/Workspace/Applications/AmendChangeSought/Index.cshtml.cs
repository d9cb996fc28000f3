using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Applications.AmendChangeSought;

/// <summary>What the application asks for, and why, kept until it is confirmed.</summary>
public sealed class AmendChangeSoughtAnswers : ApplicationAnswers
{
    public string ChangeSought { get; set; } = "";

    public YesNo? AddsOrTightens { get; set; }

    public string? NecessityRationale { get; set; }
}

/// <summary>
/// What a variation, renewal or discharge application asks the court to do, and why (SPA 2019 s.4, R21), amended while it is drafted,
/// for example after a coordinator returned it with comments. Nothing is saved before "Check your answers".
/// </summary>
public class IndexModel(StalkingProtectionDbContext db) : ApplicationQuestionPageModel<AmendChangeSoughtAnswers>(db)
{
    [BindProperty]
    [Display(Name = "What does the application ask the court to do?")]
    public string? ChangeSought { get; set; }

    [BindProperty]
    [Display(Name = "Does the variation add conditions or make any stricter?")]
    public YesNo? AddsOrTightens { get; set; }

    [BindProperty]
    [Display(Name = "Why is this necessary to protect a person from a risk associated with stalking?")]
    public string? NecessityRationale { get; set; }

    /// <summary>SPA 2019 s.4, R21: a renewal, or a variation adding or tightening conditions, must say why it is necessary.</summary>
    public bool NeedsNecessity => Application.Type == ApplicationType.Renewal || (Application.Type == ApplicationType.Variation && AddsOrTightens != YesNo.No);

    protected override string JourneyName => ApplicationJourneys.AmendChangeSought;

    /// <summary>Only a drafted change application not yet authorised can be amended; a full or interim application answers 404.</summary>
    public static bool CanAmend(Application application) =>
        !application.IsForOrder && application.Status == ApplicationStatus.Draft && application.AuthorisedAt is null;

    protected override bool HasTask(Application application) => !application.IsForOrder;

    /// <summary>Once authorised or lodged, what was authorised is what goes to court: the page goes back to the application.</summary>
    protected override string? ClosedUrl() => CanAmend(Application) ? null : ApplicationUrl;

    protected override void Prefill()
    {
        ChangeSought = Application.ChangeSought;
        AddsOrTightens = Application.AddsOrTightens switch { true => YesNo.Yes, false => YesNo.No, _ => null };
        NecessityRationale = Application.NecessityRationale;
    }

    protected override void Validate()
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
        else
        {
            MaxLength(ChangeSought, Application.NotesMaxLength, nameof(ChangeSought),
                $"What the application asks for must be {Application.NotesMaxLength} characters or fewer");
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
        else
        {
            MaxLength(NecessityRationale, Application.NotesMaxLength, nameof(NecessityRationale), $"The reason must be {Application.NotesMaxLength} characters or fewer");
        }
    }

    protected override AmendChangeSoughtAnswers Answer() => new()
    {
        ChangeSought = ChangeSought!.Trim(),
        AddsOrTightens = Application.Type == ApplicationType.Variation ? AddsOrTightens : null,
        NecessityRationale = NecessityRationale?.Trim(),
    };

    protected override void Fill(AmendChangeSoughtAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        (ChangeSought, AddsOrTightens, NecessityRationale) = (answers.ChangeSought, answers.AddsOrTightens, answers.NecessityRationale);
    }
}
