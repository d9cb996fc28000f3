using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Cases.RecordSpoDecision;

public class CheckAnswersModel(StalkingProtectionDbContext db, CaseService cases) : CaseWorkPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Journey { get; set; }

    public SpoDecisionState State { get; private set; } = null!;

    public string ChangeHref => $"/workspace/cases/record-spo-decision/{Id}?journey={Journey}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } early)
        {
            return early;
        }

        try
        {
            await cases.RecordSpoDecisionAsync(new RecordSpoDecisionOptions(Id, State.Decision, State.Rationale, State.AuthorisingOfficer,
                State.LegalServicesReference), User.ToActor(), ct);
            JourneyState.Clear(TempData, Journey);
            SetFlash("SPO decision recorded");
            return Redirect($"/workspace/cases/{Id}");
        }
        catch (RuleViolationException e)
        {
            AddRuleViolations(e);
            return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await FindVisibleCaseAsync(db, Id, ct) is null)
        {
            return NotFound();
        }

        if (JourneyState.Load<SpoDecisionState>(TempData, Journey) is not { } state)
        {
            return Redirect($"/workspace/cases/record-spo-decision/{Id}");
        }

        State = state;
        return null;
    }
}
