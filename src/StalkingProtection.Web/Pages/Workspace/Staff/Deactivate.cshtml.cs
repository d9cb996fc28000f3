using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Journeys;
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
        var done = await accounts.DeactivateAsync(id, User.ToActor());
        if (!done.Succeeded)
        {
            ModelState.AddModelError(string.Empty, done.Explain());
            return Page();
        }

        Flash.Set(TempData, done.Explain());
        return Redirect(StaffLinks.View(id));
    }
}
