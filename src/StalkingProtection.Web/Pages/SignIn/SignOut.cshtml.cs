using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.SignIn;

/// <summary>A GET only asks to confirm, so a link or an image on another site cannot sign anyone out; the POST ends the session on the server.</summary>
public class SignOutModel(SignInManager<StaffUser> signInManager, StaffSessions sessions, AuditLog auditLog, StalkingProtectionDbContext db) : PageModel
{
    public bool SignedIn { get; private set; }

    public void OnGet() => SignedIn = User.Identity?.IsAuthenticated == true;

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            if (User.SessionIdOf() is { } sessionId)
            {
                await sessions.EndAsync(sessionId);
            }

            auditLog.Add(User.ToActor(), AuditEvents.SignIn.SignedOut.For(User.ToActor().Id));
            await db.SaveChangesAsync();
        }

        await signInManager.SignOutAsync();

        // The pages are no-store already; this also clears anything a page kept in the browser's storage.
        Response.Headers["Clear-Site-Data"] = "\"cache\", \"storage\"";
        HttpContext.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
        return Page();
    }
}
