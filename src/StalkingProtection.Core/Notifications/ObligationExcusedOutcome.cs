using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Notifications;

/// <summary>
/// What excusing a notification duty did (SPA 2019 s.11, R33): which duty, the day it was due, what it stood at before, and the reason
/// <see cref="NotificationObligation.Excuse"/> recorded. An excused duty is no longer overdue, so no s.11 offence is suggested for it.
/// Pages and the API show the same words, from <see cref="Explain"/>.
/// </summary>
public sealed class ObligationExcusedOutcome
{
    private ObligationExcusedOutcome(NotificationObligation obligation, ObligationStatus before)
    {
        ObligationId = obligation.Id;
        RespondentId = obligation.RespondentId;
        OrderId = obligation.OrderId;
        Trigger = obligation.Trigger;
        DueBy = obligation.DueBy;
        StatusBefore = before;
        Status = obligation.Status;
        ExcusedOn = obligation.ExcusedOn!.Value;
        Reason = obligation.ExcusedReason!;
        Version = obligation.Version;
    }

    public Guid ObligationId { get; }

    public Guid RespondentId { get; }

    public Guid? OrderId { get; }

    public NotificationTrigger Trigger { get; }

    public DateOnly DueBy { get; }

    /// <summary>Open, or Overdue when the duty had already been flagged as a potential s.11 offence.</summary>
    public ObligationStatus StatusBefore { get; }

    /// <summary>Excused.</summary>
    public ObligationStatus Status { get; }

    public DateOnly ExcusedOn { get; }

    public string Reason { get; }

    /// <summary>The duty's version once the excuse was saved (RL4).</summary>
    public long Version { get; }

    public const string RuleId = "R33";

    public const string LegalSource = "SPA 2019 s.11";

    internal static ObligationExcusedOutcome Excused(NotificationObligation obligation, ObligationStatus before) => new(obligation, before);

    /// <summary>The outcome in plain English, citing the Act and the rule.</summary>
    public string Explain()
    {
        var overdue = StatusBefore == ObligationStatus.Overdue ? " and overdue" : "";
        return $"Notification duty excused on {DateWords.Of(ExcusedOn)}: the duty to notify {What(Trigger)}, due by the end of {DateWords.Of(DueBy)}{overdue}, no longer runs. "
            + $"Reason: {Reason}. A reasonable excuse is a defence to failing to notify, so no offence is suggested for this duty ({LegalSource}, {RuleId}).";
    }

    private static string What(NotificationTrigger trigger) => trigger switch
    {
        NotificationTrigger.FinalDaySoa => "once the Sexual Offences Act 2003 Part 2 requirements ended (SPA 2019 s.9(6)–(7))",
        NotificationTrigger.NewName => "a new name (SPA 2019 s.9(3))",
        NotificationTrigger.NewAddress => "a new home address (SPA 2019 s.9(4))",
        _ => "after service of the order (SPA 2019 s.9(1))",
    };
}
