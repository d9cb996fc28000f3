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
        return BackToCase(done.Explain());
    }

    protected override void OnConflict(ReassignCaseState answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        answers.Version = Case.Version;
    }
}
