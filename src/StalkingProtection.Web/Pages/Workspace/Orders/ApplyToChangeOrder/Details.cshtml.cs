using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Orders.ApplyToChangeOrder;

/// <summary>What the application asks the court to do and why it is necessary (SPA 2019 s.4, R21; the R22 consent note for an early discharge).</summary>
public class DetailsModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : ApplyToChangeStep(db, timeProvider)
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

    public ApplicationType? Type => Kept.Type;

    public override string BackHref => Journey is { } journey ? OrderLinks.JourneyStep(Name, "applicant", Id, journey) : OrderLinks.Journey(Name, Id);

    protected override void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(ChangeSought), nameof(ChangeSought), Type switch
        {
            ApplicationType.Variation => "Enter how the application asks the court to change the order",
            ApplicationType.Renewal => "Enter how long the application asks the court to renew the order for",
            _ => "Enter why the application asks the court to discharge the order",
        });
        MaxLength(ChangeSought, Application.NotesMaxLength, nameof(ChangeSought), $"What the application asks for must be {Application.NotesMaxLength} characters or fewer");
        if (Type == ApplicationType.Variation)
        {
            Require(AddsOrTightens is not null, nameof(AddsOrTightens), "Select whether the variation adds conditions or makes any stricter");
        }

        // SPA 2019 s.4, R21.
        Require(!NeedsNecessity || !string.IsNullOrWhiteSpace(NecessityRationale), nameof(NecessityRationale),
            "Enter why this is necessary to protect a person from a risk associated with stalking (R21)");
        MaxLength(NecessityRationale, Application.NotesMaxLength, nameof(NecessityRationale), $"The reason must be {Application.NotesMaxLength} characters or fewer");
    }

    private bool NeedsNecessity => Type == ApplicationType.Renewal || (Type == ApplicationType.Variation && AddsOrTightens != YesNo.No);

    protected override void Answer(ChangeApplicationAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        answers.ChangeSought = ChangeSought;
        answers.AddsOrTightens = Type == ApplicationType.Variation ? AddsOrTightens == YesNo.Yes : null;
        answers.NecessityRationale = NecessityRationale;
    }

    protected override void Fill(ChangeApplicationAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ChangeSought = answers.ChangeSought;
        AddsOrTightens = answers.AddsOrTightens is { } tightens ? (tightens ? YesNo.Yes : YesNo.No) : null;
        NecessityRationale = answers.NecessityRationale;
    }

    protected override string CheckAnswersUrl(Guid journey) => OrderLinks.CheckAnswers(Name, Id, journey);
}
