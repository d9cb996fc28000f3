using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Account;

public class TwoFactorModel(
    SignInManager<StaffUser> signInManager, AuditLog auditLog, StalkingProtectionDbContext db, IOptions<WebOptions> webOptions)
    : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public string FormattedKey { get; private set; } = "";

    public string AuthenticatorUri { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signInManager.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/SignIn/Index");
        }

        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var users = signInManager.UserManager;
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/SignIn/Index");
        }

        var code = new string((Code ?? "").Where(char.IsDigit).ToArray());
        if (code.Length == 0 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), code.Length == 0
                ? "Enter the code from your authenticator app"
                : "The code is not correct or has expired. Enter the code your app shows now");
            await LoadKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await signInManager.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        auditLog.Add(User.ToActor(), AuditKind.Administration, "StaffAccount.TwoFactorEnabled", nameof(StaffUser), user.Id);
        await db.SaveChangesAsync();
        return Redirect("/workspace");
    }

    private async Task LoadKeyAsync(StaffUser user)
    {
        var users = signInManager.UserManager;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var formatted = new StringBuilder();
        for (var i = 0; i < key!.Length; i += 4)
        {
            formatted.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        FormattedKey = formatted.ToString().TrimEnd().ToLowerInvariant();
        var issuer = Uri.EscapeDataString(webOptions.Value.ServiceName);
        AuthenticatorUri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email ?? user.UserName!)}?secret={key}&issuer={issuer}&digits=6";
    }
}
