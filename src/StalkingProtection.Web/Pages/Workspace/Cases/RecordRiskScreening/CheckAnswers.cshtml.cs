using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Cases.RecordRiskScreening;

public class CheckAnswersModel(StalkingProtectionDbContext db, CaseService cases) : CaseWorkPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Journey { get; set; }

    public RiskScreeningState State { get; private set; } = null!;

    public string ChangeHref => $"/workspace/cases/record-risk-screening/answers/{Id}/{State.Tool}?journey={Journey}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } early)
        {
            return early;
        }

        try
        {
            var s = State;
            var version = s.Tool == RiskTool.SDash ? "2009" : "2015";
            await cases.RecordRiskAssessmentAsync(new RecordRiskAssessmentOptions(Id, s.Tool, version, string.Concat(s.Answers), s.Level,
                User.ToActor().Name, s.NextReviewOn, string.IsNullOrWhiteSpace(s.Notes) ? null : s.Notes.Trim()), User.ToActor(), ct);
            JourneyState.Clear(TempData, Journey);
            SetFlash("Risk screening recorded");
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

        if (JourneyState.Load<RiskScreeningState>(TempData, Journey) is not { } state)
        {
            return Redirect($"/workspace/cases/record-risk-screening/{Id}");
        }

        State = state;
        return null;
    }
}
