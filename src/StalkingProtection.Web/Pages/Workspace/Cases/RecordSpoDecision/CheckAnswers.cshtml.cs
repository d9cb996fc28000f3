using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Cases.RecordSpoDecision;

public class CheckAnswersModel(StalkingProtectionDbContext db, CaseService cases) : CaseCheckAnswersPageModel<SpoDecisionState>(db)
{
    protected override string JourneyPath => "record-spo-decision";

    protected override async Task<string?> SaveAsync(CancellationToken ct)
    {
        await cases.RecordSpoDecisionAsync(new RecordSpoDecisionOptions(Id, State.Decision, State.Rationale, State.AuthorisingOfficer,
            State.LegalServicesReference), User.ToActor(), ct);
        return "SPO decision recorded";
    }
}
