using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Staff;

/// <summary>Roles and team, then "check your answers"; the person's open sessions pick the change up on their next request.</summary>
public class ChangeModel(StaffAccountService accounts) : QuestionPageModel<StaffChangeAnswers>
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public string? Team { get; set; }

    public StaffAccountSummary Account { get; private set; } = null!;

    public override string ConflictRecord => "staff account";

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await StaffJourney.ActiveAsync(accounts, Id) is not { } account)
        {
            return false;
        }

        Account = account;
        return true;
    }

    protected override void Prefill()
    {
        Roles = [.. Account.Roles];
        Team = Account.Team;
    }

    protected override void Restore(StaffChangeAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        Roles = [.. answers.Roles];
        Team = answers.Team;
    }

    protected override void Validate() => Roles = StaffJourney.CheckRolesAndTeam(ModelState, Roles, Team);

    protected override StaffChangeAnswers Capture() => new(Roles, string.IsNullOrWhiteSpace(Team) ? null : Team.Trim());

    protected override string CheckAnswersUrl(Guid journey) => StaffLinks.ChangeCheck(Id, journey);
}
