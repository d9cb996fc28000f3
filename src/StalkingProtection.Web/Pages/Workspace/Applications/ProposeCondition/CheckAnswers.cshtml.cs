using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Applications.ProposeCondition;

public class CheckAnswersModel(StalkingProtectionDbContext db, ApplicationService applications) : ProposeConditionPageModel(db)
{
    [BindProperty]
    [Display(Name = "Why are you going ahead despite the warning?")]
    public string? OverrideReason { get; set; }

    /// <summary>The condition as it will be saved: the template's wording, type and locality with the rest of the answers.</summary>
    public ConditionDraft Draft { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } early)
        {
            return early;
        }

        if (OverrideReason is { Length: > Override.ReasonMaxLength })
        {
            ModelState.AddModelError(nameof(OverrideReason), $"The reason must be {Override.ReasonMaxLength} characters or fewer");
            return Page();
        }

        var @override = string.IsNullOrWhiteSpace(OverrideReason) ? null : new Override(OverrideReason.Trim(), User.ToActor());
        try
        {
            if (State.ConditionId is { } conditionId)
            {
                var changed = await applications.ChangeProposedConditionAsync(new ChangeProposedConditionOptions(Id, conditionId, State.ToDetails(), @override,
                    State.Version), User.ToActor(), ct);
                SetFlash(changed.Explain());
            }
            else
            {
                var proposed = await applications.ProposeConditionAsync(new ProposeConditionOptions(Id, State.ToDetails(), @override, State.Version), User.ToActor(), ct);
                SetFlash(proposed.Explain());
            }

            JourneyState.Clear(TempData, Journey);
            return Redirect(ListUrl);
        }
        catch (DbUpdateConcurrencyException)
        {
            // RL4: nothing was saved; saving again is a decision on the application as it is now.
            await ShowConflictWithCurrentValuesAsync(Db, ct);
            State.Version = Application.Version;
            SaveState();
            return Page();
        }
        catch (RuleViolationException e)
        {
            AddRuleViolations(e, new Dictionary<string, string> { ["overrideReason"] = nameof(OverrideReason) });
            if (e.CanBeOverridden)
            {
                ModelState.AddModelError(nameof(OverrideReason), "Check the warning above: give a reason to go ahead despite it, or change your answers");
            }

            return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await LoadJourneyAsync(ct) is { } early)
        {
            return early;
        }

        if (!State.DetailsGiven)
        {
            return Redirect(JourneyUrl("details"));
        }

        var details = State.ToDetails();
        Draft = Template!.Apply(State.Parameters, details.Draft);
        return null;
    }
}
