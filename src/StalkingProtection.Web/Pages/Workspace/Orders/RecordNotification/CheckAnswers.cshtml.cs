using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordNotification;

/// <summary>Checks the notification and records it with its written acknowledgement (SPA 2019 ss.9–10, R29–R32).</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, TimeProvider timeProvider, NotificationService notifications)
    : OrderCheckAnswersPageModel<NotificationAnswers>(db, timeProvider)
{
    protected override string JourneyName => IndexModel.Name;

    protected override async Task<IActionResult> SaveAsync(NotificationAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var now = Now;
        var requested = answers.BiometricsRequested.Aggregate(BiometricsRequested.None, (all, one) => all | one);

        // SPA 2019 s.10(4), R31: the acknowledgement is written now, with a reference unique to this notification.
        var reference = $"ACK-{LondonTime.DateOf(now):yyyyMMdd}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        var details = new NotificationEvent.Details(answers.NotifiedAt, answers.StationName, answers.StationPoliceArea, answers.Mode, answers.ReceivedBy,
            answers.ReceivedByAuthorisedPerson, answers.AuthorisationReference, answers.NamesGiven, answers.AddressGiven, reference, now, IndexModel.AcknowledgementFormVersion,
            requested, requested == BiometricsRequested.None ? null : NotificationEvent.VerifyIdentityPurpose,
            requested == BiometricsRequested.None ? BiometricsOutcome.NotRequested : answers.BiometricsOutcome!.Value);
        var recorded = await notifications.RecordNotificationAsync(new RecordNotificationOptions(Order.RespondentId, details), Actor, ct);
        Flash.Set(TempData, $"{AcknowledgementModel.RecordedMarker}. {recorded.Explain()}");
        return Redirect(OrderLinks.Acknowledgement(Id, recorded.NotificationId));
    }

    protected override string FieldKey(string field) => field switch
    {
        "notifiedAt" or "acknowledgedAt" => nameof(IndexModel.NotifiedOn),
        "biometricsPurpose" => nameof(IndexModel.BiometricsRequested),
        "acknowledgementReference" => "",
        _ => base.FieldKey(field),
    };
}
