using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Staff;

namespace StalkingProtection.Web.Pages.SignIn;

[EnableRateLimiting("sign-in")]
public class TwoFactorModel(SignInManager<StaffUser> signInManager, SignInThrottle throttle, AuditLog auditLog, StalkingProtectionDbContext db)
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

        var code = new string((Code ?? "").Where(char.IsDigit).ToArray());
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Enter the code from your authenticator app");
            return Page();
        }

        var source = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (await throttle.BlockedUntilAsync(user.Email!, source) is not null)
        {
            ModelState.AddModelError(nameof(Code), "Too many attempts. Wait a few minutes and try again");
            return Page();
        }

        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        var actor = new Actor(user.Id.ToString(), user.DisplayName, null);
        if (result.Succeeded)
        {
            await throttle.RecordSuccessAsync(user.Email!, source);
            auditLog.Add(actor, AuditEvents.SignIn.TwoFactor.For(user.Id));
            await db.SaveChangesAsync();
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/workspace", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/workspace");
        }

        await throttle.RecordFailureAsync(user.Email!, source);
        auditLog.Add(actor, (result.IsLockedOut ? AuditEvents.SignIn.LockedOut : AuditEvents.SignIn.TwoFactorFailed).For(user.Id));
        await db.SaveChangesAsync();
        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? "This account is locked for 15 minutes after too many failed attempts. Try again later"
            : "The code is not correct or has expired. Enter the code your app shows now");
        return Page();
    }
}
