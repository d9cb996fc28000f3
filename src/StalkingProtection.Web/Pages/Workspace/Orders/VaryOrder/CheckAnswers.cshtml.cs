using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Web.Pages.Workspace.Orders.VaryOrder;

/// <summary>Checks the variation and records it (SPA 2019 s.4, s.5(7)); "should" rules of the conditions need a reason to go ahead.</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, TimeProvider timeProvider, OrderService orders)
    : ChangeCheckAnswersPageModel<VariationAnswers>(db, timeProvider)
{
    protected override string JourneyName => IndexModel.Name;

    protected override async Task<IActionResult> SaveAsync(VariationAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var varied = await orders.VaryAsync(new VaryOrderOptions(Id, answers.ApplicantParty!.Value, answers.ApplicantForce, answers.DecidedOn, answers.EffectiveFrom,
            answers.Conditions.Select(c => c.ToDraft()).ToList(), answers.AddsOrTightens, answers.NecessityRationale, answers.ApplicationId, @override, answers.Version), Actor, ct);
        return BackToOrder($"Order varied. {varied.Explain()} Update the PNC entry.");
    }
}
