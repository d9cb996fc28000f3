using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordSoaPart2;

/// <summary>Checks and records the start (SPA 2019 s.9(5), R25) or the final day (s.9(6)–(7), R26) of SOA 2003 Part 2 notification.</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, TimeProvider timeProvider, NotificationService notifications)
    : OrderCheckAnswersPageModel<SoaPart2Answers>(db, timeProvider)
{
    protected override string JourneyName => IndexModel.Name;

    protected override async Task<IActionResult> SaveAsync(SoaPart2Answers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Change == SoaPart2Change.Started)
        {
            var started = await notifications.RecordSoaStartAsync(new RecordSoaStartOptions(Order.RespondentId, answers.On), Actor, ct);
            return BackToOrder(started.Explain());
        }

        var duty = await notifications.RecordSoaFinalDayAsync(new RecordSoaFinalDayOptions(Order.RespondentId, answers.On), Actor, ct);
        return BackToOrder($"Final day recorded. {duty.Explain()}");
    }

    protected override string FieldKey(string field) => field is "startedOn" or "finalDay" ? nameof(IndexModel.On) : base.FieldKey(field);
}
