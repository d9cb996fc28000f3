using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Web.Pages.Workspace.Orders.DischargeOrder;

/// <summary>Checks the discharge and records it (SPA 2019 s.4, R22).</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, TimeProvider timeProvider, OrderService orders)
    : ChangeCheckAnswersPageModel<DischargeAnswers>(db, timeProvider)
{
    protected override string JourneyName => IndexModel.Name;

    protected override async Task<IActionResult> SaveAsync(DischargeAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var discharged = await orders.DischargeAsync(new DischargeOrderOptions(Id, answers.ApplicantParty!.Value, answers.ApplicantForce, answers.DecidedOn, answers.EffectiveOn,
            answers.Consents(), answers.ApplicationId, answers.Version, answers.Reason), Actor, ct);
        return BackToOrder($"Order discharged. {discharged.Explain()} Update the PNC entry and tell the victim.");
    }

    protected override string FieldKey(string field) => field == "consents" ? nameof(DischargeAnswers.DefendantConsentedOn) : base.FieldKey(field);
}
