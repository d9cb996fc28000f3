using System.Security.Claims;
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

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var settings = options.Value.OpenIdConnect;
        var info = await signInManager.GetExternalLoginInfoAsync();
        if (settings is not { Enabled: true } || info is null)
        {
            return RedirectToPage("/SignIn/Index");
        }

        var roles = OpenIdConnectSignIn.MapRoles(info.Principal, settings);
        if (roles.Count == 0)
        {
            Problem = "Your force account has no role in this service.";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        var users = signInManager.UserManager;
        var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        var email = info.Principal.FindFirstValue("email") ?? info.Principal.FindFirstValue(ClaimTypes.Email);
        var name = info.Principal.FindFirstValue("name") ?? email ?? "Force user";
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
            var created = await users.CreateAsync(user);
            if (!created.Succeeded || !(await users.AddLoginAsync(user, info)).Succeeded)
            {
                return Page();
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
        auditLog.Add(new Actor(user.Id.ToString(), user.DisplayName, string.Join(",", roles)), AuditKind.SignIn, "SignIn.IdentityProvider",
            nameof(StaffUser), user.Id);
        await db.SaveChangesAsync();
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/workspace");
    }
}
