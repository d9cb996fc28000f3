using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Staff;

/// <summary>Roles and team; the person's open sessions pick the change up on their next request.</summary>
public class ChangeModel(StaffAccountService accounts) : PageModel
{
    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public string? Team { get; set; }

    public string DisplayName { get; private set; } = "";

    public Guid AccountId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if ((await accounts.ListAsync(id)).SingleOrDefault() is not { DeactivatedAt: null } account)
        {
            return NotFound();
        }

        DisplayName = account.DisplayName;
        AccountId = id;
        Roles = [.. account.Roles];
        Team = account.Team;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if ((await accounts.ListAsync(id)).SingleOrDefault() is not { DeactivatedAt: null } account)
        {
            return NotFound();
        }

        DisplayName = account.DisplayName;
        AccountId = id;
        Roles = Roles.Where(StaffRoles.All.Contains).Distinct().ToList();
        if (Roles.Count == 0)
        {
            ModelState.AddModelError(nameof(Roles), "Select at least one role");
        }

        if (Team?.Trim().Length > StaffUser.TeamMaxLength)
        {
            ModelState.AddModelError(nameof(Team), $"Team must be {StaffUser.TeamMaxLength} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await accounts.ChangeRolesAndTeamAsync(id, Roles, Team, User.ToActor());
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Roles), string.Join(". ", result.Errors.Select(e => e.Description)));
            return Page();
        }

        return Redirect(StaffLinks.View(id));
    }
}
