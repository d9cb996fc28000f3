using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Orders;

/// <summary>
/// What a variation, renewal or discharge changed (SPA 2019 s.4, s.5(7)): the terms added, removed or changed and the day they apply,
/// the new last day, or the day the order ends. Made from the order's own decision (<see cref="StalkingProtectionOrder.Vary"/>,
/// <see cref="StalkingProtectionOrder.Renew"/>, <see cref="StalkingProtectionOrder.Discharge"/>) and the change recorded; pages and the
/// API show the same words, from <see cref="Explain"/>.
/// </summary>
public sealed class OrderChangeOutcome
{
    private OrderChangeOutcome(OrderChange change, StalkingProtectionOrder order)
    {
        ChangeId = change.Id;
        OrderId = order.Id;
        Type = change.Type;
        OrderKind = order.Kind;
        EffectiveOn = change.EffectiveOn;
        PreviousLastDay = change.PreviousLastDay;
        NewLastDay = change.NewLastDay;
        DurationType = order.DurationType;
        OrderStatusOnEffectiveDay = order.StatusOn(change.EffectiveOn);
        OrderVersion = order.Version;
    }

    public Guid ChangeId { get; }

    public Guid OrderId { get; }

    public OrderChangeType Type { get; }

    public OrderKind OrderKind { get; }

    /// <summary>The day the new terms apply from, the renewal was decided, or (discharge) the first day the order is no longer in force.</summary>
    public DateOnly EffectiveOn { get; }

    public DateOnly? PreviousLastDay { get; }

    /// <summary>The order's last day after the change; null when it runs until further order.</summary>
    public DateOnly? NewLastDay { get; }

    public DurationType DurationType { get; }

    /// <summary>The order's status on the day the change took effect.</summary>
    public OrderStatus OrderStatusOnEffectiveDay { get; }

    /// <summary>The order's version once the change was saved (RL4).</summary>
    public long OrderVersion { get; }

    /// <summary>Variation: the version of the terms now in force.</summary>
    public int? ConditionSetNumber { get; private init; }

    public int TermsAdded { get; private init; }

    public int TermsRemoved { get; private init; }

    public int TermsChanged { get; private init; }

    /// <summary>Discharge, R22: whether the consent of both the defendant and the relevant chief officer was needed (a full order within its first 2 years).</summary>
    public bool? ConsentNeeded { get; private init; }

    /// <summary>Discharge: the last day the order was in force.</summary>
    public DateOnly? LastDayInForce => Type == OrderChangeType.Discharge ? EffectiveOn.AddDays(-1) : null;

    public string RuleId => Type switch
    {
        OrderChangeType.Variation => "R21",
        OrderChangeType.Renewal => "R23",
        _ => ConsentNeeded == true || OrderKind == OrderKind.Full ? "R22" : "R20",
    };

    public string LegalSource => OrderKind == OrderKind.Interim ? "SPA 2019 s.5(7)" : "SPA 2019 s.4";

    internal static OrderChangeOutcome Varied(OrderChange change, StalkingProtectionOrder order, ConditionSet previous, ConditionSet next)
    {
        // A condition kept word for word is unchanged; one of the same kind with other words or reach is changed; the rest were added or removed.
        static (ConditionType, ConditionCategory, string, ConditionScope, string?) Terms(Condition c) => (c.Type, c.Category, c.Wording, c.Scope, c.LocalityText);
        var kept = previous.Conditions.Select(Terms).ToList();
        var newOnes = next.Conditions.Where(c => !kept.Remove(Terms(c))).ToList();
        var unmatched = next.Conditions.Select(Terms).ToList();
        var goneOnes = previous.Conditions.Where(c => !unmatched.Remove(Terms(c))).ToList();
        var changed = 0;
        foreach (var category in newOnes.Select(c => c.Category).Distinct())
        {
            changed += Math.Min(newOnes.Count(c => c.Category == category), goneOnes.Count(c => c.Category == category));
        }

        return new OrderChangeOutcome(change, order)
        {
            ConditionSetNumber = next.Number,
            TermsAdded = newOnes.Count - changed,
            TermsRemoved = goneOnes.Count - changed,
            TermsChanged = changed,
        };
    }

    internal static OrderChangeOutcome Renewed(OrderChange change, StalkingProtectionOrder order) => new(change, order);

    internal static OrderChangeOutcome Discharged(OrderChange change, StalkingProtectionOrder order, bool consentNeeded) =>
        new(change, order) { ConsentNeeded = consentNeeded };

    /// <summary>The outcome in plain English, citing the Act and the rule.</summary>
    public string Explain()
    {
        var cite = $"({LegalSource}, {RuleId})";
        switch (Type)
        {
            case OrderChangeType.Variation:
                var parts = new List<string>();
                AddCount(parts, TermsAdded, "added");
                AddCount(parts, TermsRemoved, "removed");
                AddCount(parts, TermsChanged, "changed");
                var what = parts.Count == 0 ? "the terms are the same as before" : string.Join(", ", parts);
                return $"The new terms (version {ConditionSetNumber}) apply from {DateWords.Of(EffectiveOn)}: {what} {cite}.";
            case OrderChangeType.Renewal:
                var was = PreviousLastDay is { } p ? $"its last day was {DateWords.Of(p)}" : "it had effect until further order";
                return NewLastDay is { } n
                    ? $"The order is now in force until the end of {DateWords.Of(n)}; {was} {cite}."
                    : $"The order now has effect until further order; {was} {cite}.";
            default:
                var consent = ConsentNeeded == true
                    ? "It was discharged within 2 years of being made, with the consent of both the defendant and the relevant chief officer"
                    : OrderKind == OrderKind.Full
                        ? "The first 2 years have passed, so no consent was needed"
                        : "The court discharged the interim order";
                return $"The order is no longer in force from {DateWords.Of(EffectiveOn)}; its last day in force was {DateWords.Of(EffectiveOn.AddDays(-1))}. {consent} {cite}.";
        }
    }

    private static void AddCount(List<string> parts, int count, string what)
    {
        if (count > 0)
        {
            parts.Add($"{count} {(count == 1 ? "condition" : "conditions")} {what}");
        }
    }
}
