using StalkingProtection.Core.Notifications;

namespace StalkingProtection.Core.Orders;

/// <summary>
/// What recording service of an order did: when it was served, the order's version once saved, and what SPA 2019 s.9 made of the
/// service (the initial notification duty with its due date, or the reason none arose), as <see cref="StalkingProtectionOrder.RecordService"/>
/// decided. Pages and the API show the same words, from <see cref="Explain"/>; the API builds its answer from this without reading the
/// order again.
/// </summary>
public sealed class ServiceRecordedOutcome
{
    private ServiceRecordedOutcome(StalkingProtectionOrder order, NotificationDutyOutcome duty)
    {
        OrderId = order.Id;
        ServedAt = order.ServedAt!.Value;
        ServedOn = order.ServedOn!.Value;
        OrderVersion = order.Version;
        Duty = duty;
    }

    public Guid OrderId { get; }

    public DateTimeOffset ServedAt { get; }

    /// <summary>The London date of service: day 1 of the 3 days to notify (SPA 2019 s.9(1), R25).</summary>
    public DateOnly ServedOn { get; }

    /// <summary>The order's version once service was saved (RL4).</summary>
    public long OrderVersion { get; }

    /// <summary>SPA 2019 s.9(1), R19, R25: the initial notification duty service created, or why none arose.</summary>
    public NotificationDutyOutcome Duty { get; }

    public Guid? ObligationId => Duty.ObligationId;

    public NotificationObligation? Obligation => Duty.Obligation;

    internal static ServiceRecordedOutcome Recorded(StalkingProtectionOrder order, NotificationDutyOutcome duty) => new(order, duty);

    /// <summary>The outcome in plain English, citing the Act and the rule.</summary>
    public string Explain() => Duty.Explain();
}
