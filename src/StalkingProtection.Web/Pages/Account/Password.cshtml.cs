using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Account;

/// <summary>A member of staff changes their own password: the current one, then the new one, with an offer to sign out of their other sessions.</summary>
public class PasswordModel(UserManager<StaffUser> users, StaffAccountService accounts) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public bool EndOtherSessions { get; set; }

    public bool HasPassword { get; private set; }

    /// <summary>Set once the password has changed: how many other sessions were ended.</summary>
    public int? OtherSessionsEnded { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return RedirectToPage("/SignIn/Index");
        }

        HasPassword = user.PasswordHash is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return RedirectToPage("/SignIn/Index");
        }

        HasPassword = user.PasswordHash is not null;
        if (!HasPassword)
        {
            return Page();
        }

        if (string.IsNullOrEmpty(CurrentPassword))
        {
            ModelState.AddModelError(nameof(CurrentPassword), "Enter your current password");
        }

        if (string.IsNullOrEmpty(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), "Enter a new password");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (result, ended) = await accounts.ChangePasswordAsync(user, CurrentPassword!, NewPassword!, EndOtherSessions, User.SessionIdOf(), User.ToActor());
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors.DistinctBy(e => e.Description))
            {
                var mismatch = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch);
                ModelState.AddModelError(mismatch ? nameof(CurrentPassword) : nameof(NewPassword), mismatch ? "Your current password is not correct" : error.Description);
            }

            return Page();
        }

        OtherSessionsEnded = ended;
        return Page();
    }
}
