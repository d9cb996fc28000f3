using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Notifications;

/// <summary>A notification duty that a recorded notification met, and whether it was met by the end of the due day.</summary>
public sealed record NotificationDutyMet(Guid ObligationId, NotificationTrigger Trigger, DateOnly DueBy, DateOnly MetOn)
{
    /// <summary>SPA 2019 s.9, R25–R28: met on or before the due day; later is late, a potential s.11 offence unless excused (R33).</summary>
    public bool OnTime => MetOn <= DueBy;

    public string RuleId => Trigger switch
    {
        NotificationTrigger.FinalDaySoa => "R26",
        NotificationTrigger.NewName => "R27",
        NotificationTrigger.NewAddress => "R28",
        _ => "R25",
    };

    public string LegalSource => Trigger switch
    {
        NotificationTrigger.FinalDaySoa => "SPA 2019 s.9(6)–(7)",
        NotificationTrigger.NewName => "SPA 2019 s.9(3)",
        NotificationTrigger.NewAddress => "SPA 2019 s.9(4)",
        _ => "SPA 2019 s.9(1)",
    };
}

/// <summary>
/// What recording a notification at a police station did (SPA 2019 ss.9–10): the notification, its written acknowledgement
/// reference (s.10(4), R31) and the duties it met, each on time or late. Made from the notification
/// <see cref="NotificationEvent.Record"/> created and the duties <see cref="NotificationObligation.Meet"/> marked met; pages and
/// the API show the same words, from <see cref="Explain"/>.
/// </summary>
public sealed class NotificationRecordedOutcome
{
    private NotificationRecordedOutcome(NotificationEvent notification, IReadOnlyList<NotificationDutyMet> dutiesMet)
    {
        NotificationId = notification.Id;
        NotifiedOn = notification.NotifiedOn;
        StationName = notification.StationName;
        AcknowledgementReference = notification.AcknowledgementReference;
        DutiesMet = dutiesMet;
    }

    public Guid NotificationId { get; }

    public DateOnly NotifiedOn { get; }

    public string StationName { get; }

    /// <summary>SPA 2019 s.10(4), R31: the reference of the written acknowledgement.</summary>
    public string AcknowledgementReference { get; }

    public IReadOnlyList<NotificationDutyMet> DutiesMet { get; }

    internal static NotificationRecordedOutcome Recorded(NotificationEvent notification, IEnumerable<NotificationObligation> met) =>
        new(notification, met.Where(o => o.MetOn is not null)
            .Select(o => new NotificationDutyMet(o.Id, o.Trigger, o.DueBy, o.MetOn!.Value))
            .OrderBy(d => d.DueBy).ThenBy(d => d.Trigger).ToList());

    /// <summary>The outcome in plain English, citing the Act and the rules.</summary>
    public string Explain()
    {
        var words = $"Notification given on {DateWords.Of(NotifiedOn)} at {StationName}, acknowledged in writing with reference {AcknowledgementReference} (SPA 2019 s.10(4), R31).";
        if (DutiesMet.Count == 0)
        {
            return $"{words} It met no notification duty of the respondent that was waiting to be met (SPA 2019 s.9).";
        }

        foreach (var duty in DutiesMet)
        {
            var cite = $"({duty.LegalSource}, {duty.RuleId})";
            words += duty.OnTime
                ? $" It met the {Duty(duty.Trigger)} on time: it was due by the end of {DateWords.Of(duty.DueBy)} {cite}."
                : $" It met the {Duty(duty.Trigger)} late: it was due by the end of {DateWords.Of(duty.DueBy)} {cite}. "
                  + "Notifying late may be an offence under s.11 unless the respondent had a reasonable excuse (SPA 2019 s.11, R33).";
        }

        return words;
    }

    private static string Duty(NotificationTrigger trigger) => trigger switch
    {
        NotificationTrigger.FinalDaySoa => "duty to notify after the final day of Sexual Offences Act 2003 Part 2 notification",
        NotificationTrigger.NewName => "duty to notify a new name",
        NotificationTrigger.NewAddress => "duty to notify a new home address",
        _ => "initial notification duty",
    };
}
