using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Web.Pages.Workspace.Cases.RecordSpoDecision;

public class CheckAnswersModel(StalkingProtectionDbContext db, CaseService cases) : CaseCheckPageModel<SpoDecisionState>(db)
{
    public override string SaveButton => "Record decision";

    protected override string JourneyName => IndexModel.Name;

    protected override async Task<IActionResult> SaveAsync(SpoDecisionState answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var decided = await cases.RecordSpoDecisionAsync(new RecordSpoDecisionOptions(Id, answers.Decision, answers.Rationale, answers.AuthorisingOfficer,
            answers.LegalServicesReference), Actor, ct);
        return BackToCase(decided.Explain());
    }
}
