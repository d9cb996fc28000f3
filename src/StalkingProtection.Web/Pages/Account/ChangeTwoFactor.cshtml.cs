using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Account;

/// <summary>Moving to a new authenticator app: a code from the current one first, then a code from the new one.</summary>
public class ChangeTwoFactorModel(UserManager<StaffUser> users, StaffAccountService accounts, IOptions<WebOptions> webOptions) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? NewCode { get; set; }

    public bool TwoFactorEnabled { get; private set; }

    /// <summary>Set once the current code was right: the new app's key to enrol.</summary>
    public string? FormattedKey { get; private set; }

    public string? AuthenticatorUri { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/SignIn/Index");
        }

        TwoFactorEnabled = user.TwoFactorEnabled;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/SignIn/Index");
        }

        TwoFactorEnabled = user.TwoFactorEnabled;
        var code = Digits(Code);
        var key = code.Length == 0 ? null : await accounts.StartTwoFactorChangeAsync(user, code, User.ToActor());
        if (key is null)
        {
            ModelState.AddModelError(nameof(Code), code.Length == 0
                ? "Enter the code from your current authenticator app"
                : "The code is not correct or has expired. Enter the code your current app shows now");
            return Page();
        }

        ShowKey(user, key);
        return Page();
    }

    public async Task<IActionResult> OnPostNewAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/SignIn/Index");
        }

        TwoFactorEnabled = user.TwoFactorEnabled;
        if (await accounts.PendingAuthenticatorKeyAsync(user) is not { } key)
        {
            return RedirectToPage();
        }

        var code = Digits(NewCode);
        var codes = code.Length == 0 ? null : await accounts.CompleteTwoFactorChangeAsync(user, code, User.ToActor());
        if (codes is null)
        {
            ModelState.AddModelError(nameof(NewCode), code.Length == 0
                ? "Enter the code from your new authenticator app"
                : "The code is not correct or has expired. Enter the code your new app shows now");
            ShowKey(user, key);
            return Page();
        }

        RecoveryCodes = codes;
        return Page();
    }

    private void ShowKey(StaffUser user, string key)
    {
        FormattedKey = AuthenticatorKeyDisplay.Format(key);
        AuthenticatorUri = AuthenticatorKeyDisplay.Uri(webOptions.Value.ServiceName, user, key);
    }

    private static string Digits(string? value) => new((value ?? "").Where(char.IsAsciiDigit).ToArray());
}
