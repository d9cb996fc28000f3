using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordNotificationOffence.Outcome;

/// <summary>Checks the outcome of a suspected notification offence and records it (SPA 2019 s.11), through the same service method as the API.</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, TimeProvider timeProvider, NotificationService notifications)
    : OrderCheckAnswersPageModel<NotificationOffenceOutcomeAnswers>(db, timeProvider)
{
    [BindProperty(SupportsGet = true)]
    public Guid OffenceId { get; set; }

    public NotificationOffence Offence { get; private set; } = null!;

    public override string QuestionUrl => OrderLinks.RecordJourney(IndexModel.Name, Id, OffenceId);

    protected override string JourneyName => IndexModel.Name;

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await base.LoadAsync(ct) || await IndexModel.OffenceOfAsync(Db, Order.RespondentId, OffenceId, ct) is not { } offence)
        {
            return false;
        }

        Offence = offence;
        return true;
    }

    protected override async Task<IActionResult> SaveAsync(NotificationOffenceOutcomeAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var recorded = await notifications.RecordOffenceOutcomeAsync(new RecordNotificationOffenceOutcomeOptions(OffenceId, answers.Outcome, answers.OutcomeOn,
            answers.ReasonableExcuseNotes, answers.OffenceVersion), Actor, ct);
        return BackToOrder(recorded.Explain());
    }

    protected override void OnConflict(NotificationOffenceOutcomeAnswers answers)
    {
        base.OnConflict(answers);
        answers.OffenceVersion = Offence.Version;
    }
}
