using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Staff;

public class ViewModel(StaffAccountService accounts) : PageModel
{
    public StaffAccountSummary Account { get; private set; } = null!;

    public SetUpLink? NewLink { get; private set; }

    public string? NewLinkUrl { get; private set; }

    /// <summary>Set after signing the person out everywhere: how many sessions ended.</summary>
    public int? SessionsEnded { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if ((await accounts.ListAsync(id)).SingleOrDefault() is not { } account)
        {
            return NotFound();
        }

        Account = account;
        return Page();
    }

    /// <summary>A new set-up link for someone invited whose link expired or was lost; the old one stops working.</summary>
    public async Task<IActionResult> OnPostNewLinkAsync(Guid id)
    {
        NewLink = await accounts.ReissueSetUpLinkAsync(id, User.ToActor());
        if ((await accounts.ListAsync(id)).SingleOrDefault() is not { } account)
        {
            return NotFound();
        }

        Account = account;
        NewLinkUrl = NewLink is null ? null : $"{Request.Scheme}://{Request.Host}{NewLink.Path}";
        return Page();
    }

    /// <summary>For a forgotten password: a set-up link for a new one; their sessions end and their second factor stays.</summary>
    public async Task<IActionResult> OnPostResetPasswordAsync(Guid id)
    {
        NewLink = await accounts.ResetPasswordAsync(id, User.ToActor());
        if ((await accounts.ListAsync(id)).SingleOrDefault() is not { } account)
        {
            return NotFound();
        }

        Account = account;
        NewLinkUrl = NewLink is null ? null : $"{Request.Scheme}://{Request.Host}{NewLink.Path}";
        return Page();
    }

    public async Task<IActionResult> OnPostEndSessionsAsync(Guid id)
    {
        SessionsEnded = await accounts.EndSessionsAsync(id, User.ToActor());
        if (SessionsEnded is null || (await accounts.ListAsync(id)).SingleOrDefault() is not { } account)
        {
            return NotFound();
        }

        Account = account;
        return Page();
    }
}
