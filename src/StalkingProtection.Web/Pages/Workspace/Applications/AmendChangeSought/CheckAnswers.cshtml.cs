using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Applications.AmendChangeSought;

public class CheckAnswersModel(StalkingProtectionDbContext db, ApplicationService applications) : ApplicationPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Journey { get; set; }

    public AmendChangeSoughtState State { get; private set; } = null!;

    public string ChangeHref => ApplicationLinks.ChangeAnswers("amend-change-sought", Id, Journey);

    public static string PageUrl(Guid id, Guid journey) => ApplicationLinks.CheckAnswers("amend-change-sought", id, journey);

    public static string YesNoText(YesNo? value) => value switch { YesNo.Yes => "Yes", YesNo.No => "No", _ => "Not said" };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } early)
        {
            return early;
        }

        try
        {
            await applications.AmendChangeSoughtAsync(new AmendChangeSoughtOptions(Id, State.ChangeSought,
                State.AddsOrTightens is { } adds ? adds == YesNo.Yes : null, State.NecessityRationale, State.Version), User.ToActor(), ct);
            JourneyState.Clear(TempData, Journey);
            SetFlash("What the application asks for saved");
            return Redirect(ApplicationUrl);
        }
        catch (DbUpdateConcurrencyException)
        {
            // RL4: nothing was saved; saving again is a decision on the application as it is now.
            await ShowConflictWithCurrentValuesAsync(db, ct);
            State = State with { Version = Application.Version };
            JourneyState.Save(TempData, Journey, State);
            return Page();
        }
        catch (RuleViolationException e)
        {
            AddRuleViolations(e);
            return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!await LoadApplicationAsync(db, Id, ct) || Application.IsForOrder)
        {
            return NotFound();
        }

        if (JourneyState.Load<AmendChangeSoughtState>(TempData, Journey) is not { } state)
        {
            return Redirect(ApplicationLinks.Journey("amend-change-sought", Id));
        }

        State = state;
        return null;
    }
}
