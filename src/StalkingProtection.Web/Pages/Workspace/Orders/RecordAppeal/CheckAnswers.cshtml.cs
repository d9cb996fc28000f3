using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordAppeal;

/// <summary>Checks the appeal and records it (SPA 2019 s.7, R24); a notice served after the provisional deadline needs a reason to go ahead.</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, TimeProvider timeProvider, AppealService appeals, IOptions<LegalRuleSet> rules)
    : OrderCheckAnswersPageModel<AppealAnswers>(db, timeProvider)
{
    public DateOnly Deadline => IndexModel.Deadline(rules.Value, Answers.DecisionOn);

    protected override string JourneyName => IndexModel.Name;

    protected override async Task<IActionResult> SaveAsync(AppealAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var lodged = await appeals.LodgeAsync(new LodgeAppealOptions(Id, null, answers.Appellant, answers.Decision, answers.DecisionOn, Deadline, answers.NoticeServedOn,
            answers.Grounds, @override), Actor, ct);
        return BackToOrder(lodged.Explain());
    }

    protected override string FieldKey(string field) => field switch
    {
        "lodgingDeadline" => nameof(IndexModel.DecisionOn),
        "orderId" => "",
        _ => base.FieldKey(field),
    };
}
