using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.SignIn;

/// <summary>The return from the force's identity provider: roles come from its claims every time the user signs in.</summary>
public class ExternalModel(
    SignInManager<StaffUser> signInManager,
    IOptions<Infrastructure.Security.SignInOptions> options,
    AuditLog auditLog,
    StalkingProtectionDbContext db,
    TimeProvider timeProvider) : PageModel
{
    public string Problem { get; private set; } = "Your force account could not be used to sign in.";

    public string Advice { get; private set; } = "Ask a system administrator to give your force account a role in this service.";

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var settings = options.Value.OpenIdConnect;
        var info = await signInManager.GetExternalLoginInfoAsync();
        if (settings is not { Enabled: true } || info is null)
        {
            return RedirectToPage("/SignIn/Index");
        }

        var users = signInManager.UserManager;
        var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        var email = info.Principal.FindFirstValue("email") ?? info.Principal.FindFirstValue(ClaimTypes.Email);
        var name = info.Principal.FindFirstValue("name") ?? email ?? "Force user";
        if (!OpenIdConnectSignIn.HasRequiredStrength(info.Principal, settings))
        {
            Problem = "Your force account signed in without the extra security check (such as a code or an app) this service needs.";
            Advice = "Sign out of your force account, sign in again with its extra security check, then try again.";
            return await RefuseAsync(info, user, name, AuditEvents.SignIn.IdentityProviderTooWeak);
        }

        var roles = OpenIdConnectSignIn.MapRoles(info.Principal, settings);
        if (roles.Count == 0)
        {
            Problem = "Your force account has no role in this service.";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (user is null)
        {
            user = new StaffUser
            {
                Id = Guid.CreateVersion7(timeProvider.GetUtcNow()),
                UserName = email ?? $"{info.LoginProvider}:{info.ProviderKey}",
                Email = email,
                EmailConfirmed = email is not null,
                DisplayName = name,
                Team = info.Principal.FindFirstValue(settings.TeamClaimType),
                CreatedAt = timeProvider.GetUtcNow(),
            };
            // The account is found by the provider's subject only: an email that another account already holds (another
            // subject, or a local account) is refused, never joined to it (ASVS V10.5.2).
            var created = await users.CreateAsync(user);
            if (!created.Succeeded || !(await users.AddLoginAsync(user, info)).Succeeded)
            {
                Problem = "Your force account's email address already belongs to another account in this service.";
                Advice = "Ask a system administrator to check the accounts with your email address.";
                return await RefuseAsync(info, null, name, AuditEvents.SignIn.IdentityProviderAccountConflict);
            }
        }

        if (!user.IsActive)
        {
            Problem = "Your account in this service has been closed.";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(roles));
        await users.AddToRolesAsync(user, roles.Except(current));

        await signInManager.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(StaffClaims.ExternalProvider, info.LoginProvider)]);
        auditLog.Add(new Actor(user.Id.ToString(), user.DisplayName, string.Join(",", roles)), AuditEvents.SignIn.IdentityProvider.For(user.Id));
        await db.SaveChangesAsync();
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/workspace");
    }

    private async Task<IActionResult> RefuseAsync(ExternalLoginInfo info, StaffUser? user, string name, AuditAction refusal)
    {
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var actor = user is null ? new Actor($"{info.LoginProvider}:{info.ProviderKey}", name, null) : new Actor(user.Id.ToString(), user.DisplayName, null);
        auditLog.Add(actor, refusal.For(user?.Id, newValues: new
        {
            amr = info.Principal.FindAll("amr").Select(c => c.Value).ToList(),
            acr = info.Principal.FindFirstValue("acr"),
        }));
        await db.SaveChangesAsync();
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
