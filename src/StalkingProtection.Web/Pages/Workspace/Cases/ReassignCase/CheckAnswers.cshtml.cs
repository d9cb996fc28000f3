using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Cases.ReassignCase;

[Authorize(Policy = Policies.Coordinator)]
public class CheckAnswersModel(StalkingProtectionDbContext db, CaseService cases) : CaseCheckPageModel<ReassignCaseState>(db)
{
    public override string SaveButton => "Reassign case";

    protected override string JourneyName => IndexModel.Name;

    protected override async Task<IActionResult> SaveAsync(ReassignCaseState answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var done = await cases.ReassignAsync(new ReassignCaseOptions(Id, answers.OfficerInCharge, answers.Team, answers.Reason, answers.Version), Actor, ct);
        return BackToCase(done.TasksMoved switch
        {
            0 => $"Case reassigned to {answers.OfficerName}",
            1 => $"Case reassigned to {answers.OfficerName}, with its 1 open task",
            var n => $"Case reassigned to {answers.OfficerName}, with its {n} open tasks",
        });
    }

    protected override void OnConflict(ReassignCaseState answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        answers.Version = Case.Version;
    }
}
