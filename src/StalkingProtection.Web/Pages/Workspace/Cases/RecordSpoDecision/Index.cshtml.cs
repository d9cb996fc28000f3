using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Cases.RecordSpoDecision;

public sealed record SpoDecisionState(SpoDecisionOutcome Decision, string Rationale, string? AuthorisingOfficer, string? LegalServicesReference);

public class IndexModel(StalkingProtectionDbContext db) : CaseWorkPageModel
{
    public static IReadOnlyList<SelectListItem> DecisionItems { get; } =
    [
        new("Apply for a stalking protection order", nameof(SpoDecisionOutcome.Apply)),
        new("Do not apply for an order", nameof(SpoDecisionOutcome.DoNotApply)),
    ];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Journey { get; set; }

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

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await FindVisibleCaseAsync(db, Id, ct) is null)
        {
            return NotFound();
        }

        if (Journey is { } journey && JourneyState.Load<SpoDecisionState>(TempData, journey) is { } state)
        {
            (Decision, Rationale, AuthorisingOfficer, LegalServicesReference) = (state.Decision, state.Rationale, state.AuthorisingOfficer, state.LegalServicesReference);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await FindVisibleCaseAsync(db, Id, ct) is null)
        {
            return NotFound();
        }

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

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var journey = Journey ?? Guid.NewGuid();
        JourneyState.Save(TempData, journey, new SpoDecisionState(Decision!.Value, Rationale!, Blank(AuthorisingOfficer), Blank(LegalServicesReference)));
        return Redirect(CaseLinks.CheckAnswers("record-spo-decision", Id, journey));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
