using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Breaches;

/// <summary>
/// What recording a breach did (SPA 2019 s.8(1)): the condition of the order the incident broke, the offence (H20164), and whether
/// the incident came before service so that legal services review it, with the task raised and for whom (R35). Made from the breach
/// <see cref="Breach.Record"/> created; pages and the API show the same words, from <see cref="Explain"/>.
/// </summary>
public sealed class BreachRecordedOutcome
{
    private BreachRecordedOutcome(Breach breach, Condition condition, string? legalReviewFor)
    {
        BreachId = breach.Id;
        OrderId = breach.OrderId;
        ConditionId = breach.ConditionId;
        ConditionNumber = condition.Sequence;
        ConditionWording = condition.Wording;
        IncidentOn = breach.IncidentOn;
        OrderServedAt = breach.OrderServedAt;
        NeedsLegalReview = breach.NeedsLegalReview;
        LegalReviewFor = legalReviewFor;
    }

    public Guid BreachId { get; }

    public Guid OrderId { get; }

    public Guid ConditionId { get; }

    /// <summary>The condition's number on the order, as the order page lists it.</summary>
    public int ConditionNumber { get; }

    public string ConditionWording { get; }

    public DateOnly IncidentOn { get; }

    /// <summary>R35: when the order was served, as the breach recorded it; null when it had not been served.</summary>
    public DateTimeOffset? OrderServedAt { get; }

    /// <summary>SPA 2019 s.8(1), R35: the incident came before service, so legal services review whether the respondent knew of the order.</summary>
    public bool NeedsLegalReview { get; }

    /// <summary>R35: the officer in charge (or, with none, the team) the legal review task was raised for; null when no review is needed.</summary>
    public string? LegalReviewFor { get; }

    public const string RuleId = "R35";

    public const string LegalSource = "SPA 2019 s.8(1)";

    internal static BreachRecordedOutcome Recorded(Breach breach, StalkingProtectionOrder order, string? legalReviewFor) =>
        new(breach, order.FindCondition(breach.ConditionId)!, breach.NeedsLegalReview ? legalReviewFor : null);

    /// <summary>The outcome in plain English, citing the Act and the rule.</summary>
    public string Explain()
    {
        var words = $"Breach recorded (offence code {Breach.OffenceCode}): the incident on {DateWords.Of(IncidentOn)} broke condition {ConditionNumber} of the order "
            + $"(\"{ConditionWording}\"), a suspected offence under {LegalSource} ({RuleId}).";
        if (!NeedsLegalReview)
        {
            return OrderServedAt is { } served
                ? $"{words} The order had been served on {DateWords.Of(LondonTime.DateOf(served))}, before the incident ({LegalSource}, {RuleId})."
                : words;
        }

        var whom = string.IsNullOrWhiteSpace(LegalReviewFor) ? "" : $" for {LegalReviewFor}";
        return $"{words} The incident came before the order was served, so a legal review task was raised{whom}: legal services must decide whether the respondent knew of the order ({LegalSource}, {RuleId}).";
    }
}
