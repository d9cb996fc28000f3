using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Staff;

/// <summary>"Check your answers" of a change of roles and team: confirming saves it, audited with the old and new values.</summary>
public class ChangeCheckAnswersModel(StaffAccountService accounts) : CheckAnswersPageModel<StaffChangeAnswers>
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public StaffAccountSummary Account { get; private set; } = null!;

    public override string ConflictRecord => "staff account";

    public override string SaveButton => "Save changes";

    public override string QuestionUrl => StaffLinks.Change(Id);

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await StaffJourney.ActiveAsync(accounts, Id) is not { } account)
        {
            return false;
        }

        Account = account;
        return true;
    }

    protected override async Task<IActionResult> SaveAsync(StaffChangeAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var changed = await accounts.ChangeRolesAndTeamAsync(Id, answers.Roles, answers.Team, Actor);
        StaffJourney.ThrowIfRefused(changed.Result, "roles", changed.Explain());
        Flash.Set(TempData, changed.Explain());
        return Redirect(StaffLinks.View(Id));
    }
}
