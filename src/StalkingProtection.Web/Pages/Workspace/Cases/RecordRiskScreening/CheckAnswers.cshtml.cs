using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Cases.RecordRiskScreening;

public class CheckAnswersModel(StalkingProtectionDbContext db, CaseService cases) : CaseCheckAnswersPageModel<RiskScreeningState>(db)
{
    public override string ChangeHref => $"/workspace/cases/record-risk-screening/answers/{Id}/{State.Tool}?journey={Journey}";

    protected override string JourneyPath => "record-risk-screening";

    protected override async Task<string?> SaveAsync(CancellationToken ct)
    {
        var s = State;
        var version = s.Tool == RiskTool.SDash ? "2009" : "2015";
        await cases.RecordRiskAssessmentAsync(new RecordRiskAssessmentOptions(Id, s.Tool, version, string.Concat(s.Answers), s.Level,
            User.ToActor().Name, s.NextReviewOn, string.IsNullOrWhiteSpace(s.Notes) ? null : s.Notes.Trim()), User.ToActor(), ct);
        return "Risk screening recorded";
    }
}
