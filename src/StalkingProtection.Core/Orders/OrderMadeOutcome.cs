using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Orders;

/// <summary>An interim order that recording a full order ended (SPA 2019 s.5(6)(b), R17).</summary>
public sealed record InterimOrderEnded(Guid OrderId, DateOnly CeasedOn);

/// <summary>
/// What recording an order made: interim or full, from when, for how long (SPA 2019 s.3, s.5(6)), the interim orders it ended
/// (R17, R19) and how many conditions it holds. Made from the order <see cref="StalkingProtectionOrder.Make"/> created and the
/// orders <see cref="StalkingProtectionOrder.Cease"/> ended; pages and the API show the same words, from <see cref="Explain"/>.
/// </summary>
public sealed class OrderMadeOutcome
{
    private OrderMadeOutcome(StalkingProtectionOrder order, IReadOnlyList<InterimOrderEnded> interimOrdersEnded)
    {
        OrderId = order.Id;
        Kind = order.Kind;
        MadeOn = order.MadeOn;
        DurationType = order.DurationType;
        LastInForceDay = order.LastInForceDay;
        ReplacedInterimOrderId = order.ReplacedInterimOrderId;
        ConditionCount = order.CurrentConditionSet.Conditions.Count;
        InterimOrdersEnded = interimOrdersEnded;
    }

    public Guid OrderId { get; }

    public OrderKind Kind { get; }

    public DateOnly MadeOn { get; }

    public DurationType DurationType { get; }

    /// <summary>Null when the order runs until further order.</summary>
    public DateOnly? LastInForceDay { get; }

    /// <summary>SPA 2019 s.9(1), R19: the interim order in force that this full order replaces.</summary>
    public Guid? ReplacedInterimOrderId { get; }

    public int ConditionCount { get; }

    /// <summary>SPA 2019 s.5(6)(b), R17: the interim orders on the same main application that ceased when this full order determined it.</summary>
    public IReadOnlyList<InterimOrderEnded> InterimOrdersEnded { get; }

    /// <summary>The rule of the domain rulebook that decided how long the order lasts.</summary>
    public string RuleId => Kind == OrderKind.Interim ? "R16" : DurationType == DurationType.FixedPeriod ? "R14" : "R13";

    public string LegalSource => Kind == OrderKind.Interim ? "SPA 2019 s.5(6)(a)" : DurationType == DurationType.FixedPeriod ? "SPA 2019 s.3(1)–(2)" : "SPA 2019 s.3(1)";

    internal static OrderMadeOutcome Made(StalkingProtectionOrder order, IEnumerable<StalkingProtectionOrder> ceasedInterimOrders) =>
        new(order, ceasedInterimOrders.Where(o => o.Ending == OrderEnding.Ceased && o.EndedOn is not null)
            .Select(o => new InterimOrderEnded(o.Id, o.EndedOn!.Value)).ToList());

    /// <summary>The outcome in plain English, citing the Act and the rules.</summary>
    public string Explain()
    {
        var cite = $"({LegalSource}, {RuleId})";
        var made = $"{(Kind == OrderKind.Interim ? "Interim" : "Full")} order made on {DateWords.Of(MadeOn)} with {ConditionCount} {(ConditionCount == 1 ? "condition" : "conditions")}.";
        var lasts = (Kind, LastInForceDay) switch
        {
            (OrderKind.Interim, { } last) =>
                $"It has effect for a fixed period, until the end of {DateWords.Of(last)} {cite}, and ceases earlier if the main application is determined (SPA 2019 s.5(6)(b), R17).",
            (_, { } last) => $"It is in force until the end of {DateWords.Of(last)}, a fixed period of at least 2 years {cite}.",
            _ => $"It has effect until further order {cite}.",
        };
        var words = $"{made} {lasts}";
        if (InterimOrdersEnded.Count > 0)
        {
            var ended = InterimOrdersEnded.Count == 1
                ? $"The interim order on the same main application ceased on {DateWords.Of(InterimOrdersEnded[0].CeasedOn)}"
                : $"{InterimOrdersEnded.Count} interim orders on the same main application ceased on {DateWords.Of(InterimOrdersEnded.Min(e => e.CeasedOn))}";
            words += $" {ended}, when this order determined it (SPA 2019 s.5(6)(b), R17).";
        }

        if (ReplacedInterimOrderId is not null)
        {
            words += " This order replaces the interim order in force, so serving it starts no new initial notification duty (SPA 2019 s.9(1), R19).";
        }

        return words;
    }
}
