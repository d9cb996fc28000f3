using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordAppealOutcome;

/// <summary>Checks the appeal outcome and records it (SPA 2019 s.7(4), R24): an appeal allowed against the making of the order quashes it.</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, TimeProvider timeProvider, AppealService appeals)
    : OrderCheckAnswersPageModel<AppealOutcomeAnswers>(db, timeProvider)
{
    [BindProperty(SupportsGet = true)]
    public Guid AppealId { get; set; }

    public Appeal Appeal { get; private set; } = null!;

    public override string QuestionUrl => OrderLinks.RecordJourney(IndexModel.Name, Id, AppealId);

    protected override string JourneyName => IndexModel.Name;

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await base.LoadAsync(ct) || await IndexModel.AppealOfAsync(Db, Id, AppealId, ct) is not { } appeal)
        {
            return false;
        }

        Appeal = appeal;
        return true;
    }

    protected override async Task<IActionResult> SaveAsync(AppealOutcomeAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var decided = await appeals.DecideAsync(new DecideAppealOptions(AppealId, answers.Outcome, answers.DecidedOn, answers.CrownCourtReference,
            answers.AppealVersion, answers.ConsequentialOrders), Actor, ct);
        return BackToOrder(decided.Explain());
    }

    protected override void OnConflict(AppealOutcomeAnswers answers)
    {
        base.OnConflict(answers);
        answers.AppealVersion = Appeal.Version;
    }
}
