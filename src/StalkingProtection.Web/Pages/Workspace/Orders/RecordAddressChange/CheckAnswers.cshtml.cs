using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordAddressChange;

/// <summary>Checks the new home address and records it with the duty to notify it (SPA 2019 s.9(4), R28).</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, TimeProvider timeProvider, NotificationService notifications)
    : OrderCheckAnswersPageModel<AddressChangeAnswers>(db, timeProvider)
{
    protected override string JourneyName => IndexModel.Name;

    protected override async Task<IActionResult> SaveAsync(AddressChangeAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var duty = await notifications.RecordAddressChangeAsync(new RecordAddressChangeOptions(Order.RespondentId, answers.Address, answers.PoliceArea, answers.MovedOn), Actor, ct);
        return BackToOrder($"New address recorded. {duty.Explain()}");
    }

    protected override string FieldKey(string field) => field switch
    {
        "address" => nameof(IndexModel.Address),
        "movedOn" or "fromDate" => nameof(IndexModel.MovedOn),
        _ => base.FieldKey(field),
    };
}
