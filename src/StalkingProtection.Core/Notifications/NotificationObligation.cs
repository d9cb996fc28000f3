using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Notifications;

public enum NotificationTrigger
{
    InitialService,
    FinalDaySoa,
    NewName,
    NewAddress,
}

public enum ObligationStatus
{
    Open,
    Met,
    Overdue,
    Excused,
}

/// <summary>
/// A duty on the respondent to notify the police (SPA 2019 s.9). Every duty is one-off: there is deliberately no periodic
/// re-notification (s.9, R34); local check-ins are management contacts, not obligations.
/// </summary>
public class NotificationObligation : IVersioned
{
    public const int ReasonMaxLength = 2000;

    public required Guid Id { get; init; }

    public Guid RespondentId { get; private set; }

    /// <summary>The person was recorded twice, each time as a respondent: this now belongs to the respondent kept.</summary>
    internal void TransferTo(Respondent kept) => RespondentId = kept.Id;

    public Guid? OrderId { get; private init; }

    public NotificationTrigger Trigger { get; private init; }

    public DateOnly TriggerDate { get; private init; }

    public DateOnly DueBy { get; private init; }

    public ObligationStatus Status { get; private set; }

    public Guid? MetByEventId { get; private set; }

    public DateOnly? MetOn { get; private set; }

    /// <summary>R33: when the obligation was flagged "Overdue – potential s.11 offence".</summary>
    public DateTimeOffset? OverdueFlaggedAt { get; private set; }

    public string? ExcusedReason { get; private set; }

    public DateOnly? ExcusedOn { get; private set; }

    /// <summary>The name or address the duty is about (s.9(3)–(4)).</summary>
    public Guid? SubjectId { get; private init; }

    public DateTimeOffset CreatedAt { get; private init; }

    public long Version { get; set; }

    /// <summary>SPA 2019 s.11(1)(a), R33: PNLD offence codes for failing to notify, by trigger.</summary>
    public string OffenceCode => Trigger switch
    {
        NotificationTrigger.NewName => "H20166",
        NotificationTrigger.NewAddress => "H20167",
        _ => "H20165",
    };

    // Made only by StalkingProtectionOrder.NotificationDutyFor, which decides whether s.9 applies; each due date is the named
    // StatutoryDates function for its subsection.

    /// <summary>SPA 2019 s.9(1), R25: within 3 days beginning with the date of service.</summary>
    internal static NotificationObligation ForInitialService(Guid respondentId, Guid orderId, DateOnly servedOn, DateTimeOffset now) =>
        Create(respondentId, orderId, NotificationTrigger.InitialService, servedOn, StatutoryDates.InitialNotificationDue(servedOn), null, now);

    /// <summary>SPA 2019 s.9(6)–(7), R26: the initial period runs from the SOA 2003 Part 2 "final day".</summary>
    internal static NotificationObligation ForFinalDay(Guid respondentId, Guid orderId, DateOnly finalDay, DateTimeOffset now) =>
        Create(respondentId, orderId, NotificationTrigger.FinalDaySoa, finalDay, StatutoryDates.FinalDayNotificationDue(finalDay), null, now);

    /// <summary>SPA 2019 s.9(3), R27: before the end of 3 days beginning with the day the name is first used.</summary>
    internal static NotificationObligation ForNewName(Guid respondentId, Guid? orderId, DateOnly firstUsedOn, Guid nameId, DateTimeOffset now) =>
        Create(respondentId, orderId, NotificationTrigger.NewName, firstUsedOn, StatutoryDates.NewNameNotificationDue(firstUsedOn), nameId, now);

    /// <summary>SPA 2019 s.9(4), R28: before the end of 3 days beginning with the day of the move.</summary>
    internal static NotificationObligation ForNewAddress(Guid respondentId, Guid? orderId, DateOnly movedOn, Guid addressId, DateTimeOffset now) =>
        Create(respondentId, orderId, NotificationTrigger.NewAddress, movedOn, StatutoryDates.NewAddressNotificationDue(movedOn), addressId, now);

    private static NotificationObligation Create(Guid respondentId, Guid? orderId, NotificationTrigger trigger, DateOnly triggerDate, DateOnly dueBy,
        Guid? subjectId, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            RespondentId = respondentId,
            OrderId = orderId,
            Trigger = trigger,
            TriggerDate = triggerDate,
            DueBy = dueBy,
            Status = ObligationStatus.Open,
            SubjectId = subjectId,
            CreatedAt = now.ToUniversalTime(),
        };

    /// <summary>
    /// Whether <paramref name="notification"/> meets this duty, whatever order the two were entered in. One given on or after the
    /// day the duty arose meets it. R27, R28, SPA 2019 s.9(3)–(4): one given before the first use of a new name or the move meets
    /// the duty only when it gave that name or that address; nothing given before service or the final day meets the initial
    /// duty (s.9(1), s.9(6)–(7), R25, R26).
    /// </summary>
    public bool CanBeMetBy(NotificationEvent notification, Respondent respondent)
    {
        if (notification.RespondentId != RespondentId)
        {
            return false;
        }

        if (notification.NotifiedOn >= TriggerDate)
        {
            return true;
        }

        return Trigger switch
        {
            NotificationTrigger.NewName => respondent.Person?.Names.FirstOrDefault(n => n.Id == SubjectId) is { } name
                && Gave(notification.NamesGiven, name.FullName),
            NotificationTrigger.NewAddress => respondent.Addresses.FirstOrDefault(a => a.Id == SubjectId) is { } address
                && Gave(notification.AddressGiven, address.Address),
            _ => false,
        };
    }

    /// <summary>
    /// A valid notification meets the duty. The earliest notification that meets it counts, so one entered after another that
    /// already met the duty replaces it when it was given earlier: the law does not depend on the order things are typed in.
    /// </summary>
    public void Meet(NotificationEvent notification, Respondent respondent)
    {
        var earlierThanRecorded = Status == ObligationStatus.Met && MetOn is { } metOn && notification.NotifiedOn < metOn;
        var (rule, message, law) = Trigger switch
        {
            NotificationTrigger.NewName => ("R27", "A notification made before the new name was first used meets the duty only if it gave that name (SPA 2019 s.9(3), R27)", "SPA 2019 s.9(3)"),
            NotificationTrigger.NewAddress => ("R28", "A notification made before the move meets the duty only if it gave the new address (SPA 2019 s.9(4), R28)", "SPA 2019 s.9(4)"),
            _ => ("R25", "A notification made before the duty arose does not meet the initial notification duty (SPA 2019 s.9(1))", "SPA 2019 s.9(1)"),
        };
        new RuleCheck()
            .Must(Status is ObligationStatus.Open or ObligationStatus.Overdue || earlierThanRecorded, "R33", "obligationId",
                "The notification duty has already been met or excused", "SPA 2019 s.9")
            .Must(notification.RespondentId == RespondentId, "R30", "respondentId", "The notification was given by someone else", "SPA 2019 s.10")
            .Must(notification.RespondentId != RespondentId || CanBeMetBy(notification, respondent), rule, "notifiedAt", message, law)
            .ThrowIfBroken();
        Status = ObligationStatus.Met;
        MetByEventId = notification.Id;
        MetOn = notification.NotifiedOn;
    }

    /// <summary>Meets the duty with the earliest of <paramref name="notifications"/> that can meet it; true if one did.</summary>
    public bool MeetWithEarliest(IEnumerable<NotificationEvent> notifications, Respondent respondent)
    {
        var earliest = notifications.Where(n => CanBeMetBy(n, respondent)).OrderBy(n => n.NotifiedAt).FirstOrDefault();
        if (earliest is null || (Status == ObligationStatus.Met && MetOn <= earliest.NotifiedOn) || Status == ObligationStatus.Excused)
        {
            return false;
        }

        Meet(earliest, respondent);
        return true;
    }

    /// <summary>
    /// SPA 2019 s.9–10, R25–R28: a notification just recorded meets every duty of the respondent it can meet: those still open or
    /// overdue, and those met by a notification given later but entered first. Returns the duties it met.
    /// </summary>
    public static IReadOnlyList<NotificationObligation> MeetAllItCan(NotificationEvent notification, Respondent respondent,
        IEnumerable<NotificationObligation> duties)
    {
        var met = new List<NotificationObligation>();
        foreach (var duty in duties)
        {
            var waiting = duty.Status is ObligationStatus.Open or ObligationStatus.Overdue
                || (duty.Status == ObligationStatus.Met && duty.MetOn > notification.NotifiedOn);
            if (waiting && duty.CanBeMetBy(notification, respondent))
            {
                duty.Meet(notification, respondent);
                met.Add(duty);
            }
        }

        return met;
    }

    // The words given, compared without case, spaces or punctuation; either may hold more (a postcode, a middle name).
    private static bool Gave(string? given, string recorded)
    {
        var a = Normalise(given);
        var b = Normalise(recorded);
        return a.Length > 0 && b.Length > 0 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal));
    }

    private static string Normalise(string? text) =>
        new((text ?? "").Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>
    /// SPA 2019 s.11, R33: once the due day has ended in London with no valid notification, flag "Overdue – potential s.11 offence".
    /// Never an allegation: the respondent may have a reasonable excuse. Returns true when the flag is newly raised.
    /// </summary>
    public bool MarkOverdueIfDue(DateTimeOffset now)
    {
        if (Status != ObligationStatus.Open || !StatutoryDates.HasDayEnded(DueBy, now))
        {
            return false;
        }

        Status = ObligationStatus.Overdue;
        OverdueFlaggedAt = now.ToUniversalTime();
        return true;
    }

    /// <summary>A reasonable excuse accepted, or the duty fell away (e.g. the order ended before the due day).</summary>
    public void Excuse(string reason, DateOnly on)
    {
        new RuleCheck()
            .Must(Status is ObligationStatus.Open or ObligationStatus.Overdue, "R33", "status", "The duty has already been met or excused", "SPA 2019 s.11")
            .Must(!string.IsNullOrWhiteSpace(reason) && reason.Length <= ReasonMaxLength, "R33", "excusedReason", "Enter why the duty is excused", "SPA 2019 s.11")
            .ThrowIfBroken();
        Status = ObligationStatus.Excused;
        ExcusedReason = reason.Trim();
        ExcusedOn = on;
    }

    /// <summary>The state of the duty as it stood at the end of <paramref name="date"/>; null if it had not yet arisen.</summary>
    public ObligationStatus? StatusOn(DateOnly date)
    {
        if (MetOn is { } met && met <= date)
        {
            return ObligationStatus.Met;
        }

        if (date < TriggerDate)
        {
            return null;
        }

        if (ExcusedOn is { } excused && excused <= date)
        {
            return ObligationStatus.Excused;
        }

        return date > DueBy ? ObligationStatus.Overdue : ObligationStatus.Open;
    }
}

public sealed class NotificationObligationConfiguration : IEntityTypeConfiguration<NotificationObligation>
{
    public void Configure(EntityTypeBuilder<NotificationObligation> builder)
    {
        builder.ToTable("notification_obligations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Trigger).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.ExcusedReason).HasMaxLength(NotificationObligation.ReasonMaxLength);
        builder.Ignore(o => o.OffenceCode);
        builder.HasOne<Respondent>().WithMany().HasForeignKey(o => o.RespondentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Orders.StalkingProtectionOrder>().WithMany().HasForeignKey(o => o.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.Status, o.DueBy });
        builder.HasIndex(o => new { o.RespondentId, o.Trigger, o.TriggerDate });
    }
}
