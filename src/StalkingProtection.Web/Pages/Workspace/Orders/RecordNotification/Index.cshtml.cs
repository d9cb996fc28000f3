using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordNotification;

/// <summary>The answers of a notification at a police station (SPA 2019 ss.9–10), kept until they are confirmed.</summary>
public sealed class NotificationAnswers : OrderAnswers
{
    public DateOnly NotifiedOn { get; set; }

    public TimeOnly NotifiedTime { get; set; }

    public string StationName { get; set; } = "";

    public PoliceForce StationPoliceArea { get; set; }

    public NotificationMode Mode { get; set; }

    public string ReceivedBy { get; set; } = "";

    public bool ReceivedByAuthorisedPerson { get; set; }

    public string? AuthorisationReference { get; set; }

    public string NamesGiven { get; set; } = "";

    public string AddressGiven { get; set; } = "";

    public List<BiometricsRequested> BiometricsRequested { get; set; } = [];

    public BiometricsOutcome? BiometricsOutcome { get; set; }

    public DateTimeOffset NotifiedAt => LondonTime.ToUtc(NotifiedOn, NotifiedTime);
}

/// <summary>The respondent notified in person at a police station (SPA 2019 ss.9–10); ends with the written acknowledgement (R31).</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : OrderQuestionPageModel<NotificationAnswers>(db, timeProvider)
{
    public const string Name = "record-notification";

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

        if (NotifiedOn is { } on && (on > Today || (on == Today && ParseTime(NotifiedTime) is { } time && LondonTime.ToUtc(on, time) > Now)))
        {
            // SPA 2019 s.10(4), R31: the acknowledgement is written now, so the notification cannot be later than now.
            ModelState.AddModelError(nameof(NotifiedOn), RuleCheck.NotYetHappenedMessage);
        }

        Require(!string.IsNullOrWhiteSpace(StationName), nameof(StationName), "Enter the police station where the respondent notified");
        MaxLength(StationName, NotificationEvent.StationMaxLength, nameof(StationName), "The station name must be 200 characters or fewer");
        Require(StationPoliceArea is not null, nameof(StationPoliceArea), "Select the police area of the station");
        if (StationPoliceArea is { } area && _expectedPoliceArea is { } expected && area != expected)
        {
            ModelState.AddModelError(nameof(StationPoliceArea), RuleErrors.Describe(
                $"The respondent must notify at a police station in the {Choices.Force(expected)} police area: the area of their home address, or of the court that last made an order if they have no home address in England and Wales",
                "R29", "SPA 2019 s.10(1)–(3)"));
        }

        Require(Mode is not null, nameof(Mode), "Select how the respondent notified");
        if (Mode is { } mode && mode != NotificationMode.InPersonOral)
        {
            ModelState.AddModelError(nameof(Mode), RuleErrors.Describe(
                "A notification must be given in person and orally at a police station; post, email and phone do not count", "R30", "SPA 2019 s.10(1)–(2)"));
        }

        Require(!string.IsNullOrWhiteSpace(ReceivedBy), nameof(ReceivedBy), "Enter who received the notification");
        MaxLength(ReceivedBy, NotificationEvent.NameMaxLength, nameof(ReceivedBy), "The name must be 200 characters or fewer");
        Require(ReceivedByAuthorisedPerson is not null, nameof(ReceivedByAuthorisedPerson), "Select whether an authorised person received the notification");
        Require(ReceivedByAuthorisedPerson != YesNo.Yes || !string.IsNullOrWhiteSpace(AuthorisationReference), nameof(AuthorisationReference),
            RuleErrors.Describe("Enter the reference of the authorisation by the officer in charge of the station of the person who received the notification", "R30", "SPA 2019 s.10(2)"));
        Require(!string.IsNullOrWhiteSpace(NamesGiven), nameof(NamesGiven), "Enter the names the respondent gave");
        Require(!string.IsNullOrWhiteSpace(AddressGiven), nameof(AddressGiven), "Enter the home address the respondent gave");
        MaxLength(NamesGiven, NotificationEvent.InformationMaxLength, nameof(NamesGiven), "The names must be 2000 characters or fewer");
        MaxLength(AddressGiven, NotificationEvent.InformationMaxLength, nameof(AddressGiven), "The address must be 2000 characters or fewer");
        Require(BiometricsRequested.Count == 0 || BiometricsOutcome is not null and not Core.Notifications.BiometricsOutcome.NotRequested, nameof(BiometricsOutcome),
            "Select whether the respondent allowed the fingerprints or photographs to be taken");
    }

    protected override string JourneyName => Name;

    /// <summary>SPA 2019 s.10(1)–(3), R29: where the respondent had to notify on the day given, as Core decides it on save.</summary>
    private PoliceForce? _expectedPoliceArea;

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await base.LoadAsync(ct))
        {
            return false;
        }

        if (HttpMethods.IsPost(Request.Method) && NotifiedOn is { } on)
        {
            var respondent = await Db.Respondents.AsNoTracking().SingleAsync(r => r.Id == Order.RespondentId, ct);
            var lastCourtArea = await Db.Orders.AsNoTracking().Where(o => o.RespondentId == respondent.Id && o.MadeOn <= on)
                .OrderByDescending(o => o.MadeOn).ThenByDescending(o => o.RecordedAt)
                .Select(o => o.CourtPoliceArea).FirstOrDefaultAsync(ct);
            _expectedPoliceArea = NotificationEvent.ExpectedPoliceArea(respondent, on, lastCourtArea);
        }

        return true;
    }

    protected override NotificationAnswers Answer() => new()
    {
        NotifiedOn = NotifiedOn!.Value,
        NotifiedTime = ParseTime(NotifiedTime)!.Value,
        StationName = StationName!.Trim(),
        StationPoliceArea = StationPoliceArea!.Value,
        Mode = Mode!.Value,
        ReceivedBy = ReceivedBy!.Trim(),
        ReceivedByAuthorisedPerson = ReceivedByAuthorisedPerson == YesNo.Yes,
        AuthorisationReference = ReceivedByAuthorisedPerson == YesNo.Yes ? AuthorisationReference?.Trim() : null,
        NamesGiven = NamesGiven!,
        AddressGiven = AddressGiven!,
        BiometricsRequested = [.. BiometricsRequested.Distinct()],
        BiometricsOutcome = BiometricsRequested.Count == 0 ? null : BiometricsOutcome,
    };

    protected override void Fill(NotificationAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        NotifiedOn = answers.NotifiedOn;
        NotifiedTime = answers.NotifiedTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        StationName = answers.StationName;
        StationPoliceArea = answers.StationPoliceArea;
        Mode = answers.Mode;
        ReceivedBy = answers.ReceivedBy;
        ReceivedByAuthorisedPerson = answers.ReceivedByAuthorisedPerson ? YesNo.Yes : YesNo.No;
        AuthorisationReference = answers.AuthorisationReference;
        NamesGiven = answers.NamesGiven;
        AddressGiven = answers.AddressGiven;
        BiometricsRequested = [.. answers.BiometricsRequested];
        BiometricsOutcome = answers.BiometricsOutcome;
    }

    public static string Requested(IEnumerable<BiometricsRequested> requested) =>
        requested.Any() ? string.Join(" and ", requested.Select(r => r.ToString().ToLower(CultureInfo.GetCultureInfo("en-GB")))) : "None";
}
