using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordNotification;

/// <summary>The respondent notified in person at a police station (SPA 2019 ss.9–10); ends with the written acknowledgement (R31).</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider, NotificationService notifications) : OrderJourneyModel(db, timeProvider)
{
    /// <summary>R31: the form the Secretary of State directs has not been published, so the version is ours until it is.</summary>
    public const string AcknowledgementFormVersion = "SP-ACK-1";

    [BindProperty]
    [Display(Name = "Date the respondent notified")]
    public DateOnly? NotifiedOn { get; set; }

    [BindProperty]
    [Display(Name = "Time they notified")]
    public string? NotifiedTime { get; set; }

    [BindProperty]
    [Display(Name = "Police station")]
    public string? StationName { get; set; }

    [BindProperty]
    [Display(Name = "Police area of the station")]
    public PoliceForce? StationPoliceArea { get; set; }

    [BindProperty]
    [Display(Name = "How did they notify?")]
    public NotificationMode? Mode { get; set; }

    [BindProperty]
    [Display(Name = "Who received the notification?")]
    public string? ReceivedBy { get; set; }

    [BindProperty]
    [Display(Name = "Was it received by a person authorised by the officer in charge of the station, rather than a police officer?")]
    public YesNo? ReceivedByAuthorisedPerson { get; set; }

    [BindProperty]
    [Display(Name = "Reference of their authorisation")]
    public string? AuthorisationReference { get; set; }

    [BindProperty]
    [Display(Name = "Names the respondent gave, including any other names they use")]
    public string? NamesGiven { get; set; }

    [BindProperty]
    [Display(Name = "Home address the respondent gave")]
    public string? AddressGiven { get; set; }

    [BindProperty]
    [Display(Name = "Were fingerprints or photographs requested to verify their identity?")]
    public List<BiometricsRequested> BiometricsRequested { get; set; } = [];

    [BindProperty]
    [Display(Name = "Did the respondent allow them to be taken?")]
    public BiometricsOutcome? BiometricsOutcome { get; set; }

    protected override void Prefill()
    {
        NotifiedOn = Today;
        ReceivedBy = Actor.Name;
        Mode = NotificationMode.InPersonOral;
    }

    protected override void Validate()
    {
        Require(NotifiedOn is not null, nameof(NotifiedOn), "Enter the date the respondent notified");
        Require(!string.IsNullOrWhiteSpace(NotifiedTime), nameof(NotifiedTime), "Enter the time the respondent notified");
        if (!string.IsNullOrWhiteSpace(NotifiedTime) && ParseTime(NotifiedTime) is null)
        {
            ModelState.AddModelError(nameof(NotifiedTime), "Enter the time as hours and minutes, for example 14:30");
        }

        if (NotifiedOn is { } on && (on > Today || (on == Today && ParseTime(NotifiedTime) is { } time && LondonTime.ToUtc(on, time) > Clock.GetUtcNow())))
        {
            // SPA 2019 s.10(4), R31: the acknowledgement is written now, so the notification cannot be later than now.
            ModelState.AddModelError(nameof(NotifiedOn), "The date and time the respondent notified must be now or in the past");
        }

        Require(!string.IsNullOrWhiteSpace(StationName), nameof(StationName), "Enter the police station where the respondent notified");
        MaxLength(StationName, NotificationEvent.StationMaxLength, nameof(StationName), "The station name must be 200 characters or fewer");
        Require(StationPoliceArea is not null, nameof(StationPoliceArea), "Select the police area of the station");
        Require(Mode is not null, nameof(Mode), "Select how the respondent notified");
        Require(!string.IsNullOrWhiteSpace(ReceivedBy), nameof(ReceivedBy), "Enter who received the notification");
        Require(ReceivedByAuthorisedPerson is not null, nameof(ReceivedByAuthorisedPerson), "Select whether an authorised person received the notification");
        Require(!string.IsNullOrWhiteSpace(NamesGiven), nameof(NamesGiven), "Enter the names the respondent gave");
        Require(!string.IsNullOrWhiteSpace(AddressGiven), nameof(AddressGiven), "Enter the home address the respondent gave");
        MaxLength(NamesGiven, NotificationEvent.InformationMaxLength, nameof(NamesGiven), "The names must be 2000 characters or fewer");
        MaxLength(AddressGiven, NotificationEvent.InformationMaxLength, nameof(AddressGiven), "The address must be 2000 characters or fewer");
        Require(BiometricsRequested.Count == 0 || BiometricsOutcome is not null and not Core.Notifications.BiometricsOutcome.NotRequested, nameof(BiometricsOutcome),
            "Select whether the respondent allowed the fingerprints or photographs to be taken");
    }

    protected override async Task<IActionResult> SaveAsync(Override? @override, CancellationToken ct)
    {
        var notifiedAt = LondonTime.ToUtc(NotifiedOn!.Value, ParseTime(NotifiedTime)!.Value);
        var now = Clock.GetUtcNow();
        var requested = BiometricsRequested.Aggregate(Core.Notifications.BiometricsRequested.None, (all, one) => all | one);

        // SPA 2019 s.10(4), R31: the acknowledgement is written now, with a reference unique to this notification.
        var reference = $"ACK-{LondonTime.DateOf(now):yyyyMMdd}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        var details = new NotificationEvent.Details(notifiedAt, StationName!, StationPoliceArea!.Value, Mode!.Value, ReceivedBy!,
            ReceivedByAuthorisedPerson == YesNo.Yes, AuthorisationReference, NamesGiven, AddressGiven, reference, now, AcknowledgementFormVersion,
            requested, requested == Core.Notifications.BiometricsRequested.None ? null : NotificationEvent.VerifyIdentityPurpose,
            requested == Core.Notifications.BiometricsRequested.None ? Core.Notifications.BiometricsOutcome.NotRequested : BiometricsOutcome!.Value);
        var notificationId = await notifications.RecordNotificationAsync(new RecordNotificationOptions(Order.RespondentId, details), Actor, ct);
        TempData[Flash.Key] = AcknowledgementModel.RecordedMarker;
        return Redirect($"/workspace/orders/record-notification/acknowledgement/{Id}/{notificationId}");
    }

    protected override string FieldKey(string field) => field switch
    {
        "notifiedAt" => nameof(NotifiedOn),
        "biometricsPurpose" => nameof(BiometricsRequested),
        "acknowledgedAt" => nameof(NotifiedOn),
        "acknowledgementReference" => "",
        _ => base.FieldKey(field),
    };

    public static string Requested(IEnumerable<BiometricsRequested> requested) =>
        requested.Any() ? string.Join(" and ", requested.Select(r => r.ToString().ToLower(CultureInfo.GetCultureInfo("en-GB")))) : "None";
}
