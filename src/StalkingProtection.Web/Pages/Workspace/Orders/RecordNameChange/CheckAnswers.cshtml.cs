using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordNameChange;

/// <summary>Checks the new name and records it with the duty to notify it (SPA 2019 s.9(3), R27).</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, TimeProvider timeProvider, NotificationService notifications)
    : OrderCheckAnswersPageModel<NameChangeAnswers>(db, timeProvider)
{
    protected override string JourneyName => IndexModel.Name;

    protected override async Task<IActionResult> SaveAsync(NameChangeAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var duty = await notifications.RecordNameChangeAsync(
            new RecordNameChangeOptions(Order.RespondentId, answers.GivenNames, answers.FamilyName, answers.FirstUsedOn), Actor, ct);
        return BackToOrder($"New name recorded. {duty.Explain()}");
    }

    protected override string FieldKey(string field) => field == "firstUsedOn" ? nameof(IndexModel.FirstUsedOn) : base.FieldKey(field);
}
