using System.Net.Mail;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Staff;

/// <summary>
/// Invite a member of staff: the answers, then "check your answers", which creates the invitation and shows the set-up link
/// once to pass on. The service sends no email; only the hash of the link's token is kept.
/// </summary>
public class InviteModel : QuestionPageModel<InviteAnswers>
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public string? Team { get; set; }

    public override string ConflictRecord => "staff account";

    protected override Task<bool> LoadAsync(CancellationToken ct) => Task.FromResult(true);

    protected override void Restore(InviteAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        (Email, DisplayName, Team) = (answers.Email, answers.DisplayName, answers.Team);
        Roles = [.. answers.Roles];
    }

    protected override void Validate()
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

        Roles = StaffJourney.CheckRolesAndTeam(ModelState, Roles, Team);
    }

    protected override InviteAnswers Capture() =>
        new(Email!, DisplayName!.Trim(), Roles, string.IsNullOrWhiteSpace(Team) ? null : Team.Trim());

    protected override string CheckAnswersUrl(Guid journey) => StaffLinks.InviteCheck(journey);
}
