using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Applications.AuthoriseApplication;

public enum AuthorisationDecision
{
    Approve,
    Return,
}

[Authorize(Policy = Policies.Coordinator)]
public class IndexModel(StalkingProtectionDbContext db, ApplicationService applications) : ApplicationPageModel
{
    public static IReadOnlyList<SelectListItem> Decisions { get; } =
    [
        new("Authorise the application", nameof(AuthorisationDecision.Approve)),
        new("Return it to the officer with comments", nameof(AuthorisationDecision.Return)),
    ];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    [Display(Name = "What is your decision?")]
    public AuthorisationDecision? Decision { get; set; }

    [BindProperty]
    [Display(Name = "Comments for the officer")]
    public string? Comments { get; set; }

    [BindProperty]
    public long Version { get; set; }

    public ProposeCondition.ProposedConditionList ProposedConditions { get; private set; } = null!;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadApplicationAsync(db, Id, ct))
        {
            return false;
        }

        ProposedConditions = new ProposeCondition.ProposedConditionList(Application.ProposedConditions,
            await ProposeCondition.ProposedConditionText.PeopleAsync(db, Application, ct), false);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Version = Application.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Decision is null)
        {
            ModelState.AddModelError(nameof(Decision), "Select whether to authorise the application or return it");
        }
        else if (Decision == AuthorisationDecision.Return && string.IsNullOrWhiteSpace(Comments))
        {
            ModelState.AddModelError(nameof(Comments), "Enter comments for the officer");
        }

        if (Comments is { Length: > Core.Auditing.AuditEntry.JustificationMaxLength })
        {
            ModelState.AddModelError(nameof(Comments), $"Comments must be {Core.Auditing.AuditEntry.JustificationMaxLength} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            if (Decision == AuthorisationDecision.Approve)
            {
                await applications.AuthoriseAsync(new AuthoriseApplicationOptions(Id, Version), User.ToActor(), ct);
                SetFlash("Application authorised");
            }
            else
            {
                await applications.ReturnAsync(new ReturnApplicationOptions(Id, Comments!, Version), User.ToActor(), ct);
                SetFlash("Application returned to the officer");
            }

            return Redirect(ApplicationUrl);
        }
        catch (DbUpdateConcurrencyException)
        {
            await ShowConflictWithCurrentValuesAsync(db, ct);
            ProposedConditions = ProposedConditions with { Conditions = Application.ProposedConditions };
            Version = Application.Version;
            return Page();
        }
        catch (RuleViolationException e)
        {
            AddRuleViolations(e);
            return Page();
        }
    }
}
