using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Staff;

public class DeactivateModel(StaffAccountService accounts) : PageModel
{
    public StaffAccountSummary Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if ((await accounts.ListAsync(id)).SingleOrDefault() is not { DeactivatedAt: null } account)
        {
            return NotFound();
        }

        Account = account;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if ((await accounts.ListAsync(id)).SingleOrDefault() is not { DeactivatedAt: null } account)
        {
            return NotFound();
        }

        Account = account;
        var result = await accounts.DeactivateAsync(id, User.ToActor());
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, string.Join(". ", result.Errors.Select(e => e.Description)));
            return Page();
        }

        return Redirect(StaffLinks.View(id));
    }
}
