using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Orders;

/// <summary>
/// What recording the Crown Court's decision on an appeal did (SPA 2019 s.7(4), R24): the outcome, the day, and what became of the
/// order as <see cref="Appeal.Decide"/> and <see cref="StalkingProtectionOrder.Quash"/> left it, with the PNC task a quashing raises.
/// Pages and the API show the same words, from <see cref="Explain"/>.
/// </summary>
public sealed class AppealDecidedOutcome
{
    private AppealDecidedOutcome(Appeal appeal, StalkingProtectionOrder? quashed)
    {
        AppealId = appeal.Id;
        OrderId = appeal.OrderId;
        ApplicationId = appeal.ApplicationId;
        Outcome = appeal.Outcome;
        DecidedOn = appeal.DecidedOn!.Value;
        CrownCourtReference = appeal.CrownCourtReference;
        QuashesOrderIfAllowed = appeal.QuashesOrderIfAllowed;
        OrderQuashedOn = quashed?.EndedOn;
        Version = appeal.Version;
    }

    public Guid AppealId { get; }

    public Guid? OrderId { get; }

    public Guid? ApplicationId { get; }

    public AppealOutcome Outcome { get; }

    public DateOnly DecidedOn { get; }

    public string? CrownCourtReference { get; }

    /// <summary>SPA 2019 s.7(4): the appeal was against the making of an order.</summary>
    public bool QuashesOrderIfAllowed { get; }

    /// <summary>SPA 2019 s.7(4): the day the allowed appeal quashed the order from; null when no order was quashed.</summary>
    public DateOnly? OrderQuashedOn { get; }

    /// <summary>The appeal's version once the decision was saved (RL4).</summary>
    public long Version { get; }

    public const string RuleId = "R24";

    public const string LegalSource = "SPA 2019 s.7(4)";

    internal static AppealDecidedOutcome Decided(Appeal appeal, StalkingProtectionOrder? quashed) => new(appeal, quashed);

    /// <summary>The outcome in plain English, citing the Act and the rule.</summary>
    public string Explain()
    {
        var on = DateWords.Of(DecidedOn);
        if (OrderQuashedOn is { } quashedOn)
        {
            return $"Appeal allowed by the Crown Court on {on}: the order is quashed from {DateWords.Of(quashedOn)} ({LegalSource}, {RuleId}). "
                + "Its notification duties and tasks end with it; a task to update the PNC entry was raised. Tell the victim.";
        }

        return Outcome switch
        {
            AppealOutcome.Allowed => $"Appeal allowed by the Crown Court on {on}: no order is quashed, because the appeal was not against the making of an order. "
                + $"Record the orders the Crown Court made to give effect to its decision, as a variation, renewal or discharge ({LegalSource}, {RuleId}).",
            AppealOutcome.Dismissed => $"Appeal dismissed by the Crown Court on {on}: the decision appealed stands and the order is unchanged ({LegalSource}, {RuleId}).",
            _ => $"Appeal abandoned on {on}: the decision appealed stands and the order is unchanged ({LegalSource}, {RuleId}).",
        };
    }
}
