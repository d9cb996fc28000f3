using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Account;

/// <summary>First enrolment only: once two-factor is on, the key is never shown again (changing it is <see cref="ChangeTwoFactorModel"/>).</summary>
public class TwoFactorModel(SignInManager<StaffUser> signInManager, StaffAccountService accounts, IOptions<WebOptions> webOptions)
    : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public string FormattedKey { get; private set; } = "";

    public string AuthenticatorUri { get; private set; } = "";

    /// <summary>Shown once, on the answer to the code that turned two-factor on.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signInManager.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/SignIn/Index");
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage("/Account/ChangeTwoFactor");
        }

        var key = await LoadKeyAsync(user);
        FormattedKey = AuthenticatorKeyDisplay.Format(key);
        AuthenticatorUri = AuthenticatorKeyDisplay.Uri(webOptions.Value.ServiceName, user, key);
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

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage("/Account/ChangeTwoFactor");
        }

        var code = new string((Code ?? "").Where(char.IsDigit).ToArray());
        var codes = code.Length == 0 ? null : await accounts.EnableTwoFactorAsync(user, code, User.ToActor());
        if (codes is null)
        {
            ModelState.AddModelError(nameof(Code), code.Length == 0
                ? "Enter the code from your authenticator app"
                : "The code is not correct or has expired. Enter the code your app shows now");
            var key = await LoadKeyAsync(user);
            FormattedKey = AuthenticatorKeyDisplay.Format(key);
            AuthenticatorUri = AuthenticatorKeyDisplay.Uri(webOptions.Value.ServiceName, user, key);
            return Page();
        }

        await signInManager.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        RecoveryCodes = codes;
        return Page();
    }

    private async Task<string> LoadKeyAsync(StaffUser user)
    {
        var users = signInManager.UserManager;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        return key!;
    }
}

public static class AuthenticatorKeyDisplay
{
    public static string Format(string key)
    {
        var formatted = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            formatted.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return formatted.ToString().TrimEnd().ToLowerInvariant();
    }

    public static string Uri(string serviceName, StaffUser user, string key)
    {
        var issuer = System.Uri.EscapeDataString(serviceName);
        return $"otpauth://totp/{issuer}:{System.Uri.EscapeDataString(user.Email ?? user.UserName!)}?secret={key}&issuer={issuer}&digits=6";
    }
}
