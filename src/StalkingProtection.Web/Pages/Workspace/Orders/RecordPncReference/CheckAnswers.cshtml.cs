using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordPncReference;

/// <summary>Checks the PNC reference and records it (R42), through the same service method as the API.</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, TimeProvider timeProvider, OrderService orders)
    : OrderCheckAnswersPageModel<PncReferenceAnswers>(db, timeProvider)
{
    protected override string JourneyName => IndexModel.Name;

    protected override async Task<IActionResult> SaveAsync(PncReferenceAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var recorded = await orders.RecordPncEntryAsync(new RecordPncEntryOptions(Id, answers.PncReference, answers.Version), Actor, ct);
        return BackToOrder(recorded.Explain());
    }
}
