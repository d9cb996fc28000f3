using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Web.Pages.Workspace.Cases.RecordSpoDecision;

public sealed record SpoDecisionState(SpoDecisionOutcome Decision, string Rationale, string? AuthorisingOfficer, string? LegalServicesReference);

/// <summary>The decision whether to apply for an order, with its reasons (R39).</summary>
public class IndexModel(StalkingProtectionDbContext db) : CaseQuestionPageModel<SpoDecisionState>(db)
{
    public const string Name = "record-spo-decision";

    public static IReadOnlyList<SelectListItem> DecisionItems { get; } =
    [
        new("Apply for a stalking protection order", nameof(SpoDecisionOutcome.Apply)),
        new("Do not apply for an order", nameof(SpoDecisionOutcome.DoNotApply)),
    ];

    [BindProperty]
    [Display(Name = "What have you decided?")]
    public SpoDecisionOutcome? Decision { get; set; }

    [BindProperty]
    [Display(Name = "Why did you make this decision?")]
    public string? Rationale { get; set; }

    [BindProperty]
    [Display(Name = "Authorising officer (optional)")]
    public string? AuthorisingOfficer { get; set; }

    [BindProperty]
    [Display(Name = "Legal services reference (optional)")]
    public string? LegalServicesReference { get; set; }

    protected override string JourneyName => Name;

    protected override void Restore(SpoDecisionState answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        (Decision, Rationale, AuthorisingOfficer, LegalServicesReference) = (answers.Decision, answers.Rationale, answers.AuthorisingOfficer, answers.LegalServicesReference);
    }

    protected override void Validate()
    {
        if (Decision is null)
        {
            ModelState.AddModelError(nameof(Decision), "Select whether to apply for a stalking protection order");
        }

        // Malik [2023] EWHC 3213 (Admin), R39: the reasons for every decision are recorded.
        if (string.IsNullOrWhiteSpace(Rationale))
        {
            ModelState.AddModelError(nameof(Rationale), "Enter why you made this decision (R39)");
        }
        else if (Rationale.Length > SpoDecision.RationaleMaxLength)
        {
            ModelState.AddModelError(nameof(Rationale), $"Reasons must be {SpoDecision.RationaleMaxLength} characters or fewer");
        }

        if (AuthorisingOfficer is { Length: > SpoDecision.NameMaxLength })
        {
            ModelState.AddModelError(nameof(AuthorisingOfficer), $"Authorising officer must be {SpoDecision.NameMaxLength} characters or fewer");
        }

        if (LegalServicesReference is { Length: > SpoDecision.ReferenceMaxLength })
        {
            ModelState.AddModelError(nameof(LegalServicesReference), $"Legal services reference must be {SpoDecision.ReferenceMaxLength} characters or fewer");
        }

    }

    protected override SpoDecisionState Capture() => new(Decision!.Value, Rationale!, Blank(AuthorisingOfficer), Blank(LegalServicesReference));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
