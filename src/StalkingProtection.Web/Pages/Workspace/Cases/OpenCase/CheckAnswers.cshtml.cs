using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Cases.OpenCase;

public class CheckAnswersModel(StalkingProtectionDbContext db, CaseService cases) : CaseWorkPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Journey { get; set; }

    public OpenCaseState State { get; private set; } = null!;

    public string OfficerName { get; private set; } = "";

    public string ChangeHref => $"/workspace/cases/open-case?journey={Journey}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Redirect("/workspace/cases/open-case");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Redirect("/workspace/cases/open-case");
        }

        try
        {
            var id = await cases.OpenCaseAsync(new OpenCaseOptions(State.CrimeReferences, OffenceChoices.Combine(State.Offences), State.ReportedOn,
                State.OfficerInCharge, State.Team), User.ToActor(), ct);
            JourneyState.Clear(TempData, Journey);
            SetFlash("Case opened");
            return Redirect(CaseLinks.View(id));
        }
        catch (RuleViolationException e)
        {
            AddRuleViolations(e);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (JourneyState.Load<OpenCaseState>(TempData, Journey) is not { } state)
        {
            return false;
        }

        State = state;
        OfficerName = (await OfficerNamesAsync(db, [state.OfficerInCharge], ct)).GetValueOrDefault(state.OfficerInCharge, state.OfficerInCharge);
        return true;
    }
}
