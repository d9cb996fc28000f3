using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Staff;

public class IndexModel(StaffAccountService accounts) : PageModel
{
    public IReadOnlyList<StaffAccountSummary> Accounts { get; private set; } = [];

    /// <summary>Set after signing everyone else out: how many sessions ended.</summary>
    public int? SessionsEnded { get; private set; }

    public async Task OnGetAsync() => Accounts = await accounts.ListAsync();

    /// <summary>After a suspected compromise: every session but the administrator's own ends at its next request.</summary>
    public async Task OnPostEndAllSessionsAsync()
    {
        SessionsEnded = await accounts.EndEveryoneElsesSessionsAsync(User.SessionIdOf(), User.ToActor());
        Accounts = await accounts.ListAsync();
    }
}
