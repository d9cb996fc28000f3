using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Staff;

namespace StalkingProtection.Web.Pages.SignIn;

[EnableRateLimiting("sign-in")]
public class IndexModel(
    SignInManager<StaffUser> signInManager,
    SignInThrottle throttle,
    AuditLog auditLog,
    StalkingProtectionDbContext db,
    TimeProvider timeProvider,
    IOptions<Infrastructure.Security.SignInOptions> signInOptions,
    ILoggerFactory loggerFactory) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? OpenIdConnectName => signInOptions.Value.OpenIdConnect is { Enabled: true } oidc ? oidc.DisplayName : null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address");
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var source = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (await throttle.BlockedUntilAsync(Email!, source) is { } until)
        {
            Infrastructure.Security.SecurityEvents.SignInThrottled(loggerFactory.CreateLogger(Infrastructure.Security.SecurityEvents.Category), HttpContext.TraceIdentifier);
            var minutes = Math.Max(1, (int)Math.Ceiling((until - timeProvider.GetUtcNow()).TotalMinutes));
            ModelState.AddModelError(nameof(Email), $"Too many attempts to sign in. Wait {minutes} minute{(minutes == 1 ? "" : "s")} and try again");
            return Page();
        }

        var user = await signInManager.UserManager.FindByEmailAsync(Email!);
        var result = user is { IsActive: true }
            ? await signInManager.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true)
            : VerifyAgainstNoAccount(Password!);

        if (result.Succeeded || result.RequiresTwoFactor)
        {
            await throttle.RecordSuccessAsync(Email!, source);
            auditLog.Add(new Actor(user!.Id.ToString(), user.DisplayName, null), 
                (result.Succeeded ? AuditEvents.SignIn.Password : AuditEvents.SignIn.PasswordAwaitingSecondFactor).For(user.Id));
            await db.SaveChangesAsync();
            return result.Succeeded
                ? LocalRedirect(SafeReturnUrl)
                : RedirectToPage("/SignIn/TwoFactor", new { returnUrl = SafeReturnUrl });
        }

        await throttle.RecordFailureAsync(Email!, source);
        if (user is not null)
        {
            auditLog.Add(new Actor(user.Id.ToString(), user.DisplayName, null), 
                (result.IsLockedOut ? AuditEvents.SignIn.LockedOut : AuditEvents.SignIn.Failed).For(user.Id));
            await db.SaveChangesAsync();
        }

        ModelState.AddModelError(nameof(Email), result.IsLockedOut
            ? "This account is locked for 15 minutes after too many failed attempts. Try again later"
            : "Enter a correct email address and password");
        return Page();
    }

    public IActionResult OnPostExternal()
    {
        if (OpenIdConnectName is null)
        {
            return NotFound();
        }

        var properties = signInManager.ConfigureExternalAuthenticationProperties(
            OpenIdConnectSignIn.Scheme, Url.Page("/SignIn/External", new { returnUrl = SafeReturnUrl }));
        return Challenge(properties, OpenIdConnectSignIn.Scheme);
    }

    /// <summary>
    /// An unknown or deactivated email still costs one password hash check, so the time taken does not tell an attacker
    /// which emails have accounts.
    /// </summary>
    private Microsoft.AspNetCore.Identity.SignInResult VerifyAgainstNoAccount(string password)
    {
        var hasher = signInManager.UserManager.PasswordHasher;
        var nobody = new StaffUser { DisplayName = "", UserName = "" };
        _noAccountHash ??= hasher.HashPassword(nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        hasher.VerifyHashedPassword(nobody, _noAccountHash, password);
        return Microsoft.AspNetCore.Identity.SignInResult.Failed;
    }

    private static string? _noAccountHash;

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/workspace", StringComparison.OrdinalIgnoreCase)
        ? ReturnUrl
        : "/workspace";
}
