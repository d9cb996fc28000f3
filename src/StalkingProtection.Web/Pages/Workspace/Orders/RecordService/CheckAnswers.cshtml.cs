using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordService;

/// <summary>Checks the service details and records service, which starts the initial notification duty (SPA 2019 s.9(1), R25).</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, TimeProvider timeProvider, OrderService orders)
    : OrderCheckAnswersPageModel<ServiceAnswers>(db, timeProvider)
{
    protected override string JourneyName => IndexModel.Name;

    protected override async Task<IActionResult> SaveAsync(ServiceAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var served = await orders.RecordServiceAsync(new RecordServiceOptions(Id, answers.ServedAt, answers.Method, answers.ServedBy, answers.Version), Actor, ct);
        return BackToOrder($"Service recorded. {served.Explain()}");
    }

    protected override string FieldKey(string field) => field == "servedAt" ? nameof(IndexModel.ServedOn) : base.FieldKey(field);
}
