using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Staff;

namespace StalkingProtection.Web.Pages.SignIn;

/// <summary>The second step of signing in with one of the ten recovery codes instead of the app: each works once.</summary>
[EnableRateLimiting("sign-in")]
public class RecoveryCodeModel(SignInManager<StaffUser> signInManager, SignInThrottle throttle, AuditLog auditLog, StalkingProtectionDbContext db)
    : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/SignIn/Index") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/SignIn/Index");
        }

        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "Enter one of your recovery codes");
            return Page();
        }

        var source = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (await throttle.BlockedUntilAsync(user.Email!, source) is not null)
        {
            ModelState.AddModelError(nameof(Code), "Too many attempts. Wait a few minutes and try again");
            return Page();
        }

        var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(StaffAccountService.HashRecoveryCode(Code));
        var actor = new Actor(user.Id.ToString(), user.DisplayName, null);
        if (result.Succeeded)
        {
            await throttle.RecordSuccessAsync(user.Email!, source);
            auditLog.Add(actor, AuditEvents.SignIn.RecoveryCode.For(user.Id));
            await db.SaveChangesAsync();
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/workspace", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/workspace");
        }

        await throttle.RecordFailureAsync(user.Email!, source);
        auditLog.Add(actor, (result.IsLockedOut ? AuditEvents.SignIn.LockedOut : AuditEvents.SignIn.RecoveryCodeFailed).For(user.Id));
        await db.SaveChangesAsync();
        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? "This account is locked for 15 minutes after too many failed attempts. Try again later"
            : "The recovery code is not correct or has been used");
        return Page();
    }
}
