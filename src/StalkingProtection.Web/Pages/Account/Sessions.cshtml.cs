using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Account;

/// <summary>A member of staff sees where they are signed in and signs out of any other session.</summary>
public class SessionsModel(StaffSessions sessions, StaffAccountService accounts, IOptions<Infrastructure.Security.SignInOptions> signInOptions) : PageModel
{
    public IReadOnlyList<ActiveStaffSession> Sessions { get; private set; } = [];

    public Guid? Current { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Ended { get; set; }

    public int LifetimeHours => (int)signInOptions.Value.SessionLifetime.TotalHours;

    public int IdleMinutes => (int)signInOptions.Value.IdleTimeout.TotalMinutes;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Guid.TryParse(User.ToActor().Id, out var userId))
        {
            return RedirectToPage("/SignIn/Index");
        }

        Current = User.SessionIdOf();
        Sessions = await sessions.ActiveAsync(userId, signInOptions.Value.SessionLifetime);
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(Guid session)
    {
        if (!Guid.TryParse(User.ToActor().Id, out var userId))
        {
            return RedirectToPage("/SignIn/Index");
        }

        return await accounts.EndOwnSessionAsync(userId, session, User.ToActor())
            ? RedirectToPage(new { ended = true })
            : NotFound();
    }
}
