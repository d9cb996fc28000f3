using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Cases.RecordRiskScreening;

public class CheckAnswersModel(StalkingProtectionDbContext db, CaseService cases) : CaseCheckPageModel<RiskScreeningState>(db)
{
    public override string ChangeHref => CaseLinks.RiskScreeningAnswers(Id, Answers.Tool, Journey);

    public override string SaveButton => "Record screening";

    protected override string JourneyName => IndexModel.Name;

    protected override async Task<IActionResult> SaveAsync(RiskScreeningState answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var version = answers.Tool == RiskTool.SDash ? "2009" : "2015";
        var assessed = await cases.RecordRiskAssessmentAsync(new RecordRiskAssessmentOptions(Id, answers.Tool, version, string.Concat(answers.Answers), answers.Level,
            Actor.Name, answers.NextReviewOn, string.IsNullOrWhiteSpace(answers.Notes) ? null : answers.Notes.Trim()), Actor, ct);
        return BackToCase(assessed.Explain());
    }
}
