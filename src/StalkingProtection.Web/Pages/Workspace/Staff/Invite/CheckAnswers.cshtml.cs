using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Staff;

/// <summary>
/// "Check your answers" of an invitation: confirming creates the account and shows its set-up link, in the answer to this post
/// only; the link is never kept in the journey's store.
/// </summary>
public class InviteCheckAnswersModel(StaffAccountService accounts) : CheckAnswersPageModel<InviteAnswers>
{
    public SetUpLink? Link { get; private set; }

    public string? LinkUrl { get; private set; }

    public override string ConflictRecord => "staff account";

    public override string SaveButton => "Create invitation";

    public override string QuestionUrl => StaffLinks.Invite;

    protected override Task<bool> LoadAsync(CancellationToken ct) => Task.FromResult(true);

    protected override async Task<IActionResult> SaveAsync(InviteAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var (result, link) = await accounts.InviteAsync(new InviteStaffOptions(answers.Email, answers.DisplayName, answers.Roles, answers.Team), Actor);
        StaffJourney.ThrowIfRefused(result, "email", result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
            ? "There is already an account with this email address"
            : StaffJourney.Describe(result));
        Link = link!;
        LinkUrl = $"{Request.Scheme}://{Request.Host}{Link.Path}";
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
