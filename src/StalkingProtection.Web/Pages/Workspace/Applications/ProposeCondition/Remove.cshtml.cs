using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Applications.ProposeCondition;

public class RemoveModel(StalkingProtectionDbContext db, ApplicationService applications) : ApplicationPageModel
{
    public static IReadOnlyList<SelectListItem> Answers { get; } = Choices.Of<YesNo>();

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid ConditionId { get; set; }

    [BindProperty]
    [Display(Name = "Remove the condition?")]
    public YesNo? Confirm { get; set; }

    [BindProperty]
    public long Version { get; set; }

    public ProposedCondition Condition { get; private set; } = null!;

    private string ListUrl => ApplicationLinks.Journey("propose-condition", Id);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } early)
        {
            return early;
        }

        Version = Application.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } early)
        {
            return early;
        }

        if (Confirm is null)
        {
            ModelState.AddModelError(nameof(Confirm), "Select yes if you want to remove the condition");
            return Page();
        }

        if (Confirm == YesNo.No)
        {
            return Redirect(ListUrl);
        }

        try
        {
            var removed = await applications.RemoveProposedConditionAsync(new RemoveProposedConditionOptions(Id, ConditionId, Version), User.ToActor(), ct);
            SetFlash(removed.Explain());
            return Redirect(ListUrl);
        }
        catch (DbUpdateConcurrencyException)
        {
            await ShowConflictWithCurrentValuesAsync(db, ct);
            if (Application.ProposedConditions.SingleOrDefault(c => c.Id == ConditionId) is not { } current)
            {
                return Redirect(ListUrl);
            }

            Condition = current;
            Version = Application.Version;
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
        if (!await LoadApplicationAsync(db, Id, ct) || Application.ProposedConditions.SingleOrDefault(c => c.Id == ConditionId) is not { } condition)
        {
            return NotFound();
        }

        if (Application.Status != ApplicationStatus.Draft)
        {
            return Redirect(ListUrl);
        }

        Condition = condition;
        return null;
    }
}
