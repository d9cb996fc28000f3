using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Staff;

namespace StalkingProtection.Web.Pages.Workspace.Staff;

public class IndexModel(StaffAccountService accounts) : PageModel
{
    public IReadOnlyList<StaffAccountSummary> Accounts { get; private set; } = [];

    public async Task OnGetAsync() => Accounts = await accounts.ListAsync();
}
