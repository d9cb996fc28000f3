using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RenewOrder;

/// <summary>Checks the renewal and records it (SPA 2019 s.4).</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, TimeProvider timeProvider, OrderService orders)
    : ChangeCheckAnswersPageModel<RenewalAnswers>(db, timeProvider)
{
    protected override string JourneyName => IndexModel.Name;

    protected override async Task<IActionResult> SaveAsync(RenewalAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var renewed = await orders.RenewAsync(new RenewOrderOptions(Id, answers.ApplicantParty!.Value, answers.ApplicantForce, answers.ApplicationLodgedOn, answers.DecidedOn,
            answers.DurationType, answers.NewLastDay, answers.NecessityRationale, answers.ApplicationId, answers.Version), Actor, ct);
        return BackToOrder($"Order renewed. {renewed.Explain()} Update the PNC entry.");
    }
}
