using System.Net.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Staff;

/// <summary>
/// Invite a member of staff: the answers, then check your answers, then the set-up link, shown once to pass on. The service
/// sends no email; only the hash of the link's token is kept.
/// </summary>
public class InviteModel(StaffAccountService accounts) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public string? Team { get; set; }

    public bool CheckingAnswers { get; private set; }

    public SetUpLink? Link { get; private set; }

    public string? LinkUrl { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        CheckingAnswers = Validate();
        return Page();
    }

    public IActionResult OnPostChange() => Page();

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        if (!Validate())
        {
            return Page();
        }

        var (result, link) = await accounts.InviteAsync(new InviteStaffOptions(Email!, DisplayName!, Roles, Team), User.ToActor());
        if (!result.Succeeded || link is null)
        {
            ModelState.AddModelError(nameof(Email), result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
                ? "There is already an account with this email address"
                : string.Join(". ", result.Errors.Select(e => e.Description)));
            return Page();
        }

        Link = link;
        LinkUrl = $"{Request.Scheme}://{Request.Host}{link.Path}";
        return Page();
    }

    private bool Validate()
    {
        Email = Email?.Trim();
        if (string.IsNullOrEmpty(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter their email address");
        }
        else if (Email.Length > 256 || !MailAddress.TryCreate(Email, out var address) || address.Address != Email)
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@force.police.uk");
        }

        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            ModelState.AddModelError(nameof(DisplayName), "Enter their name");
        }
        else if (DisplayName.Trim().Length > StaffUser.DisplayNameMaxLength)
        {
            ModelState.AddModelError(nameof(DisplayName), $"Name must be {StaffUser.DisplayNameMaxLength} characters or fewer");
        }

        Roles = Roles.Where(StaffRoles.All.Contains).Distinct().ToList();
        if (Roles.Count == 0)
        {
            ModelState.AddModelError(nameof(Roles), "Select at least one role");
        }

        if (Team?.Trim().Length > StaffUser.TeamMaxLength)
        {
            ModelState.AddModelError(nameof(Team), $"Team must be {StaffUser.TeamMaxLength} characters or fewer");
        }

        return ModelState.IsValid;
    }
}
