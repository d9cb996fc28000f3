using StalkingProtection.Core.People;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Notifications;

/// <summary>
/// What recording that the respondent became subject to the Sexual Offences Act 2003 Part 2 notification requirements did: from that
/// day no new duty to notify arises under SPA 2019 s.9 (s.9(5), R25) until its final day is recorded (s.9(6)–(7), R26). Made from the
/// period <see cref="Respondent.StartSoaPart2"/> opened; pages and the API show the same words, from <see cref="Explain"/>.
/// </summary>
public sealed class SoaPart2StartedOutcome
{
    private SoaPart2StartedOutcome(Guid respondentId, SoaNotificationPeriod period)
    {
        RespondentId = respondentId;
        PeriodId = period.Id;
        StartedOn = period.StartedOn;
    }

    public Guid RespondentId { get; }

    public Guid PeriodId { get; }

    public DateOnly StartedOn { get; }

    public const string RuleId = "R25";

    public const string LegalSource = "SPA 2019 s.9(5)";

    internal static SoaPart2StartedOutcome Started(Respondent respondent, SoaNotificationPeriod period) => new(respondent.Id, period);

    /// <summary>The outcome in plain English, citing the Act and the rules.</summary>
    public string Explain() =>
        $"The respondent is subject to the notification requirements of the Sexual Offences Act 2003 Part 2 from {DateWords.Of(StartedOn)}: "
        + $"while that lasts, no new duty to notify arises under this Act ({LegalSource}, {RuleId}). Record the final day of those requirements when it comes: "
        + "with an order in effect, the initial notification duty then runs from it (SPA 2019 s.9(6)–(7), R26).";
}
