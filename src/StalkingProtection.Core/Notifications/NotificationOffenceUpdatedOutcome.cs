using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Notifications;

/// <summary>
/// What recording the outcome of a suspected s.11 offence did (SPA 2019 s.11, R33): the outcome before and after and its day, as
/// <see cref="NotificationOffence.RecordOutcome"/> kept them. Pages and the API show the same words, from <see cref="Explain"/>.
/// </summary>
public sealed class NotificationOffenceUpdatedOutcome
{
    private NotificationOffenceUpdatedOutcome(NotificationOffence offence, NotificationOffenceOutcome before)
    {
        OffenceId = offence.Id;
        RespondentId = offence.RespondentId;
        OffenceCode = offence.OffenceCode;
        Before = before;
        Outcome = offence.Outcome;
        OutcomeOn = offence.OutcomeOn;
        Version = offence.Version;
    }

    public Guid OffenceId { get; }

    public Guid RespondentId { get; }

    public string OffenceCode { get; }

    public NotificationOffenceOutcome Before { get; }

    public NotificationOffenceOutcome Outcome { get; }

    /// <summary>The day of the outcome; none while the offence is under investigation.</summary>
    public DateOnly? OutcomeOn { get; }

    /// <summary>The offence's version once the outcome was saved (RL4).</summary>
    public long Version { get; }

    public const string RuleId = "R33";

    public const string LegalSource = "SPA 2019 s.11";

    internal static NotificationOffenceUpdatedOutcome Recorded(NotificationOffence offence, NotificationOffenceOutcome before) => new(offence, before);

    /// <summary>The outcome in plain English, citing the Act and the rule.</summary>
    public string Explain()
    {
        var on = OutcomeOn is { } day ? $" on {DateWords.Of(day)}" : "";
        var what = Outcome switch
        {
            NotificationOffenceOutcome.UnderInvestigation => "The suspected offence is under investigation",
            NotificationOffenceOutcome.NoFurtherAction => $"No further action{on}: the suspected offence is closed",
            NotificationOffenceOutcome.ReasonableExcuseAccepted =>
                $"A reasonable excuse was accepted{on}: the offence is failing to notify without one, so none is alleged",
            NotificationOffenceOutcome.Cautioned => $"The respondent was cautioned{on}",
            NotificationOffenceOutcome.Charged => $"The respondent was charged{on}: the offence is triable either way, up to 5 years' imprisonment on indictment",
            NotificationOffenceOutcome.Convicted => $"The respondent was convicted{on}",
            _ => $"The respondent was acquitted{on}",
        };
        var changed = Before == Outcome ? "" : $" (it was {Words(Before)})";
        return $"{what}{changed}. Offence code {OffenceCode} ({LegalSource}, {RuleId}).";
    }

    private static string Words(NotificationOffenceOutcome outcome) => outcome switch
    {
        NotificationOffenceOutcome.UnderInvestigation => "under investigation",
        NotificationOffenceOutcome.NoFurtherAction => "no further action",
        NotificationOffenceOutcome.ReasonableExcuseAccepted => "a reasonable excuse accepted",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
