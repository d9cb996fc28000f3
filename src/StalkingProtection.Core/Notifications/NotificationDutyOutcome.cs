using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Notifications;

/// <summary>Why SPA 2019 s.9 brought no duty to notify for an event.</summary>
public enum NoNotificationDutyReason
{
    /// <summary>s.9(1), (3), (4), (6): no order against the respondent that has been served was in force on the day.</summary>
    NoServedOrderInForce,

    /// <summary>s.9(1), R19: a full order replacing an interim order, whose service already started the duty.</summary>
    ReplacesInterimOrder,

    /// <summary>s.9(5), R25: the respondent is subject to the notification requirements of SOA 2003 Part 2.</summary>
    SubjectToSoaPart2,
}

/// <summary>
/// What SPA 2019 s.9 made of one event (service, a new name, a new home address, the final day of SOA 2003 Part 2): the duty it
/// created with its due date, or the reason none arose. Decided only by <see cref="Orders.StalkingProtectionOrder.NotificationDutyFor"/>;
/// pages and the API show the same words, from <see cref="Explain"/>.
/// </summary>
public sealed class NotificationDutyOutcome
{
    private NotificationDutyOutcome(NotificationTrigger trigger, DateOnly triggerDate, NotificationObligation? obligation, NoNotificationDutyReason? noneBecause)
    {
        Trigger = trigger;
        TriggerDate = triggerDate;
        Obligation = obligation;
        NoneBecause = noneBecause;
    }

    public NotificationTrigger Trigger { get; }

    public DateOnly TriggerDate { get; }

    /// <summary>The duty created; null when none arose.</summary>
    public NotificationObligation? Obligation { get; }

    public NoNotificationDutyReason? NoneBecause { get; }

    public Guid? ObligationId => Obligation?.Id;

    /// <summary>The rule of the domain rulebook that gave the answer.</summary>
    public string RuleId => NoneBecause switch
    {
        NoNotificationDutyReason.ReplacesInterimOrder => "R19",
        NoNotificationDutyReason.SubjectToSoaPart2 => "R25",
        _ => Trigger switch
        {
            NotificationTrigger.FinalDaySoa => "R26",
            NotificationTrigger.NewName => "R27",
            NotificationTrigger.NewAddress => "R28",
            _ => "R25",
        },
    };

    public string LegalSource => NoneBecause switch
    {
        NoNotificationDutyReason.ReplacesInterimOrder => "SPA 2019 s.9(1)",
        NoNotificationDutyReason.SubjectToSoaPart2 => "SPA 2019 s.9(5)",
        _ => Trigger switch
        {
            NotificationTrigger.FinalDaySoa => "SPA 2019 s.9(6)–(7)",
            NotificationTrigger.NewName => "SPA 2019 s.9(3)",
            NotificationTrigger.NewAddress => "SPA 2019 s.9(4)",
            _ => "SPA 2019 s.9(1)",
        },
    };

    internal static NotificationDutyOutcome Created(NotificationObligation obligation) =>
        new(obligation.Trigger, obligation.TriggerDate, obligation, null);

    internal static NotificationDutyOutcome NoneArose(NotificationTrigger trigger, DateOnly triggerDate, NoNotificationDutyReason reason) =>
        new(trigger, triggerDate, null, reason);

    /// <summary>The outcome in plain English, citing the Act and the rule.</summary>
    public string Explain()
    {
        var cite = $"({LegalSource}, {RuleId})";
        var on = Date(TriggerDate);
        if (Obligation is { } duty)
        {
            var due = Date(duty.DueBy);
            return Trigger switch
            {
                NotificationTrigger.FinalDaySoa =>
                    $"Section 9 now applies: the respondent must notify the police by the end of {due} {cite}. The 3 days begin with {on}, the final day of their Sexual Offences Act 2003 Part 2 notification requirements.",
                NotificationTrigger.NewName =>
                    $"The respondent must notify the police of the new name by the end of {due} {cite}. The 3 days begin with the day they first used it, {on}; notifying before then also counts.",
                NotificationTrigger.NewAddress =>
                    $"The respondent must notify the police of the new home address by the end of {due} {cite}. The 3 days begin with the day of the move, {on}; notifying before the move also counts.",
                _ =>
                    $"The respondent must notify the police by the end of {due} {cite}: their name, any other names they use and their home address. The 3 days begin with the day of service, {on}.",
            };
        }

        return NoneBecause switch
        {
            NoNotificationDutyReason.ReplacesInterimOrder =>
                $"No new initial notification duty: this full order replaces an interim order, whose service already started the duty {cite}.",
            NoNotificationDutyReason.SubjectToSoaPart2 =>
                $"No notification duty under this Act for now: on {on} the respondent is subject to the notification requirements of the Sexual Offences Act 2003 Part 2 {cite}.",
            _ => $"No notification duty: no stalking protection order against the respondent that has been served was in force on {on} {cite}.",
        };
    }

    private static string Date(DateOnly date) => DateWords.Of(date);
}
