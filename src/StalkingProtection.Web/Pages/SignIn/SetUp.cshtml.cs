using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.SignIn;

/// <summary>
/// The one-time set-up link of an invitation (or of the first administrator): choose a password, then set up two-factor.
/// After an administrator's password reset, the person chooses a password and then signs in with it and their second factor.
/// </summary>
[EnableRateLimiting("sign-in")]
public class SetUpModel(StaffAccountService accounts, SignInManager<StaffUser> signInManager) : PageModel
{
    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public string? Email { get; private set; }

    public bool LinkValid { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        await LoadAsync(token);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (!await LoadAsync(token))
        {
            return Page();
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter a password");
        }
        else if (Password != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "The passwords do not match");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (result, user) = await accounts.SetPasswordWithLinkAsync(token, Password!);
        if (!result.Succeeded || user is null)
        {
            foreach (var error in result.Errors.DistinctBy(e => e.Description))
            {
                ModelState.AddModelError(nameof(Password), error.Description);
            }

            return Page();
        }

        // After a password reset the second factor is still set up: the link must not stand in for it (ASVS V6.4.3).
        if (user.TwoFactorEnabled)
        {
            return Redirect("/sign-in");
        }

        await signInManager.SignInAsync(user, isPersistent: false);
        return Redirect(RequireSecondFactorMiddleware.SetUpPath);
    }

    private async Task<bool> LoadAsync(string token)
    {
        var user = await accounts.FindBySetUpTokenAsync(token);
        LinkValid = user is not null;
        Email = user?.Email;
        if (!LinkValid)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return LinkValid;
    }
}
