using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordNotificationOffence;

/// <summary>Checks the suspected notification offence and records it (SPA 2019 s.11, R33), through the same service method as the API.</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, TimeProvider timeProvider, NotificationService notifications)
    : OrderCheckAnswersPageModel<NotificationOffenceAnswers>(db, timeProvider)
{
    /// <summary>The offence as the question offered it; the duty or notification it named may have changed since.</summary>
    public string? OffenceText { get; private set; }

    protected override string JourneyName => IndexModel.Name;

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await base.LoadAsync(ct))
        {
            return false;
        }

        if (JourneyState.Load<NotificationOffenceAnswers>(TempData, Journey) is { } answers)
        {
            OffenceText = (await IndexModel.OffenceChoicesAsync(Db, Order, Today, ct)).FirstOrDefault(c => c.Value == answers.Offence)?.Text;
        }

        return true;
    }

    protected override async Task<IActionResult> SaveAsync(NotificationOffenceAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var (prefix, id) = IndexModel.Split(answers.Offence);
        var notes = answers.ReasonableExcuseNotes;
        var options = prefix switch
        {
            IndexModel.DutyPrefix => new RecordNotificationOffenceOptions(Order.RespondentId, id, null,
                await Db.NotificationObligations.AsNoTracking().Where(o => o.Id == id).Select(o => o.OffenceCode).SingleAsync(ct), notes),
            IndexModel.RefusedPrefix => new RecordNotificationOffenceOptions(Order.RespondentId, null, id, NotificationOffence.BiometricsRefused, notes),
            _ => new RecordNotificationOffenceOptions(Order.RespondentId, null, id, NotificationOffence.FalseInformation, notes),
        };
        var recorded = await notifications.RecordOffenceAsync(options, Actor, ct);
        return BackToOrder(recorded.Explain());
    }

    protected override string FieldKey(string field) => field is "offenceCode" or "obligationId" ? nameof(IndexModel.Offence) : base.FieldKey(field);
}
