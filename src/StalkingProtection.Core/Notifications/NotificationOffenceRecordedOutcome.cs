using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Notifications;

/// <summary>
/// What recording a suspected s.11 offence did: the offence code and day, and the duty not met (H20165–H20167, R33) or the notification
/// it concerns (H20168 refusal of fingerprints or photographs, R32; H20169 false information). Made from the offence
/// <see cref="NotificationOffence.ForFailureToNotify"/> or <see cref="NotificationOffence.ForNotification"/> created; pages and the API show
/// the same words, from <see cref="Explain"/>.
/// </summary>
public sealed class NotificationOffenceRecordedOutcome
{
    private NotificationOffenceRecordedOutcome(NotificationOffence offence)
    {
        OffenceId = offence.Id;
        RespondentId = offence.RespondentId;
        ObligationId = offence.ObligationId;
        NotificationId = offence.NotificationEventId;
        OffenceCode = offence.OffenceCode;
        OffenceOn = offence.OffenceOn;
    }

    public Guid OffenceId { get; }

    public Guid RespondentId { get; }

    public Guid? ObligationId { get; }

    public Guid? NotificationId { get; }

    public string OffenceCode { get; }

    /// <summary>The day after the notification period ended, or the day of the notification.</summary>
    public DateOnly OffenceOn { get; }

    /// <summary>The duty not met, when the offence is a failure to notify.</summary>
    public NotificationTrigger? DutyTrigger { get; private init; }

    public DateOnly? DutyDueBy { get; private init; }

    public DateOnly? DutyMetOn { get; private init; }

    public string RuleId => OffenceCode == NotificationOffence.BiometricsRefused ? "R32" : "R33";

    public string LegalSource => OffenceCode switch
    {
        NotificationOffence.BiometricsRefused => "SPA 2019 s.10(5), s.11(1)(a)",
        NotificationOffence.FalseInformation => "SPA 2019 s.11(1)(b)",
        _ => "SPA 2019 s.11(1)(a)",
    };

    internal static NotificationOffenceRecordedOutcome AgainstDuty(NotificationOffence offence, NotificationObligation obligation) =>
        new(offence) { DutyTrigger = obligation.Trigger, DutyDueBy = obligation.DueBy, DutyMetOn = obligation.MetOn };

    internal static NotificationOffenceRecordedOutcome AgainstNotification(NotificationOffence offence) => new(offence);

    /// <summary>The outcome in plain English, citing the Act and the rule.</summary>
    public string Explain()
    {
        var cite = $"({LegalSource}, {RuleId})";
        var what = (OffenceCode, DutyDueBy) switch
        {
            (_, { } due) => $"the {Duty(DutyTrigger)}, due by the end of {DateWords.Of(due)}, was "
                + (DutyMetOn is { } met ? $"met late, on {DateWords.Of(met)}" : "not met"),
            (NotificationOffence.BiometricsRefused, _) =>
                $"at the notification on {DateWords.Of(OffenceOn)} the respondent refused to have fingerprints or photographs taken to verify their identity",
            _ => $"at the notification on {DateWords.Of(OffenceOn)} the respondent is suspected of knowingly giving false information",
        };
        return $"Suspected offence {OffenceCode} recorded: {what} {cite}. It is an offence only without reasonable excuse; "
            + "the service never alleges it itself, so record its outcome when it is known (SPA 2019 s.11, R33).";
    }

    private static string Duty(NotificationTrigger? trigger) => trigger switch
    {
        NotificationTrigger.FinalDaySoa => "duty to notify after the final day of Sexual Offences Act 2003 Part 2 notification",
        NotificationTrigger.NewName => "duty to notify a new name",
        NotificationTrigger.NewAddress => "duty to notify a new home address",
        _ => "initial notification duty",
    };
}
