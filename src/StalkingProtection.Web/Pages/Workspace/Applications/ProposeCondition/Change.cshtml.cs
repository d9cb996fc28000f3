using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Applications.ProposeCondition;

/// <summary>Starts a journey holding an existing proposed condition's answers, at "Check your answers", where each can be changed.</summary>
public class ChangeModel(StalkingProtectionDbContext db) : ApplicationPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid ConditionId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadApplicationAsync(db, Id, ct) || Application.ProposedConditions.SingleOrDefault(c => c.Id == ConditionId) is not { } condition)
        {
            return NotFound();
        }

        if (Application.Status != ApplicationStatus.Draft)
        {
            return Redirect(ApplicationLinks.Journey("propose-condition", Id));
        }

        var journey = Guid.NewGuid();
        JourneyState.Save(TempData, journey, ProposedConditionState.From(condition, Application.Version));
        return Redirect(ApplicationLinks.ProposeConditionStep("check-answers", Id, journey));
    }
}
