using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Notifications;

public enum NotificationOffenceOutcome
{
    UnderInvestigation,
    NoFurtherAction,
    ReasonableExcuseAccepted,
    Cautioned,
    Charged,
    Convicted,
    Acquitted,
}

/// <summary>
/// A suspected s.11 offence, recorded by a person against the duty that was not met or the notification it concerns
/// (spo-rules.md §4.3, §11 NotificationOffence). R33: the system only flags an overdue duty; it never records one of these itself.
/// </summary>
public class NotificationOffence : IVersioned
{
    public const int TextMaxLength = 4000;
    public const int NameMaxLength = 200;

    // PNLD offence codes [S PNLD-OFF], spo-rules.md §4.3.
    public const string InitialNotNotified = "H20165";
    public const string NewNameNotNotified = "H20166";
    public const string NewAddressNotNotified = "H20167";
    public const string BiometricsRefused = "H20168";
    public const string FalseInformation = "H20169";

    public static readonly IReadOnlyList<string> Codes = [InitialNotNotified, NewNameNotNotified, NewAddressNotNotified, BiometricsRefused, FalseInformation];

    public required Guid Id { get; init; }

    public Guid RespondentId { get; private set; }

    /// <summary>The person was recorded twice, each time as a respondent: this now belongs to the respondent kept.</summary>
    internal void TransferTo(Respondent kept) => RespondentId = kept.Id;

    public Guid? ObligationId { get; private init; }

    public Guid? NotificationEventId { get; private init; }

    public string OffenceCode { get; private init; } = "";

    /// <summary>The day of the suspected offence: the day after the notification period ended, or the day of the notification.</summary>
    public DateOnly OffenceOn { get; private init; }

    public string? ReasonableExcuseNotes { get; private set; }

    public NotificationOffenceOutcome Outcome { get; private set; }

    public DateOnly? OutcomeOn { get; private set; }

    public string RecordedBy { get; private init; } = "";

    public DateTimeOffset RecordedAt { get; private init; }

    public long Version { get; set; }

    /// <summary>SPA 2019 s.11(1)(a), R33: a failure to notify the duty <paramref name="obligation"/> asked for.</summary>
    public static NotificationOffence ForFailureToNotify(NotificationObligation obligation, string offenceCode, string? reasonableExcuseNotes, string recordedBy,
        DateOnly today, DateTimeOffset now)
    {
        var failed = obligation.MetOn is { } met ? met > obligation.DueBy : today > obligation.DueBy;
        var check = Common(offenceCode, reasonableExcuseNotes, recordedBy)
            .Must(offenceCode is not (BiometricsRefused or FalseInformation), "R33", "offenceCode",
                $"{offenceCode} concerns what happened at a notification: record it against the notification, not the duty (SPA 2019 s.11(1), R32, R33)",
                "SPA 2019 s.11(1)")
            .Must(offenceCode is BiometricsRefused or FalseInformation || !Codes.Contains(offenceCode) || offenceCode == obligation.OffenceCode, "R33",
                "offenceCode",
                $"A duty arising from {Describe(obligation.Trigger)} is offence {obligation.OffenceCode}, not {offenceCode} (SPA 2019 ss.9, 11(1)(a), R33)",
                "SPA 2019 s.11(1)(a)")
            .Must(obligation.Status != ObligationStatus.Excused, "R33", "obligationId",
                "The duty was excused (a reasonable excuse was accepted or the duty fell away), so there is no failure to record (SPA 2019 s.11, R33)",
                "SPA 2019 s.11(1)(a)")
            .Must(obligation.Status == ObligationStatus.Excused || failed, "R33", "obligationId",
                $"The respondent notified in time, or still has until the end of {obligation.DueBy:d MMMM yyyy}: there is no failure to notify (SPA 2019 s.11(1)(a), R33)",
                "SPA 2019 s.11(1)(a)");
        check.ThrowIfBroken();
        return Create(obligation.RespondentId, obligation.Id, null, offenceCode, obligation.DueBy.AddDays(1), reasonableExcuseNotes, recordedBy, now);
    }

    /// <summary>
    /// SPA 2019 s.10(5), s.11(1)(a), R32: a refusal of fingerprints or photographs (H20168); s.11(1)(b): knowingly false information (H20169).
    /// </summary>
    public static NotificationOffence ForNotification(NotificationEvent notification, string offenceCode, string? reasonableExcuseNotes, string recordedBy,
        DateTimeOffset now)
    {
        var check = Common(offenceCode, reasonableExcuseNotes, recordedBy)
            .Must(!Codes.Contains(offenceCode) || offenceCode is BiometricsRefused or FalseInformation, "R33", "offenceCode",
                $"{offenceCode} is a failure to notify: record it against the notification duty that was not met (SPA 2019 s.11(1)(a), R33)",
                "SPA 2019 s.11(1)(a)")
            .Must(offenceCode != BiometricsRefused || notification.BiometricsRefused, "R32", "offenceCode",
                "The notification records no refusal of fingerprints or photographs, so it cannot be offence H20168 (SPA 2019 s.10(5), R32)",
                "SPA 2019 s.10(5)");
        check.ThrowIfBroken();
        return Create(notification.RespondentId, null, notification.Id, offenceCode, notification.NotifiedOn, reasonableExcuseNotes, recordedBy, now);
    }

    public static string OutcomeBeforeOffenceMessage(DateOnly offenceOn) =>
        $"The outcome cannot be before the suspected offence, on {offenceOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}";

    /// <summary>What became of the suspected offence; "without reasonable excuse" is an element, so an accepted excuse is an outcome.</summary>
    public void RecordOutcome(NotificationOffenceOutcome outcome, DateOnly? outcomeOn, string? reasonableExcuseNotes, DateOnly today)
    {
        new RuleCheck()
            .Must(outcome == NotificationOffenceOutcome.UnderInvestigation || outcomeOn is not null, "Input", "outcomeOn", "Enter the date of the outcome",
                "SPA 2019 s.11")
            .HasHappened(outcomeOn is null || outcomeOn <= today, "outcomeOn")
            .Must(outcomeOn is null || outcomeOn >= OffenceOn, "Input", "outcomeOn", OutcomeBeforeOffenceMessage(OffenceOn), "SPA 2019 s.11")
            .Must((reasonableExcuseNotes?.Length ?? 0) <= TextMaxLength, "Input", "reasonableExcuseNotes", $"At most {TextMaxLength} characters", "")
            .ThrowIfBroken();
        Outcome = outcome;
        OutcomeOn = outcome == NotificationOffenceOutcome.UnderInvestigation ? null : outcomeOn;
        ReasonableExcuseNotes = string.IsNullOrWhiteSpace(reasonableExcuseNotes) ? ReasonableExcuseNotes : reasonableExcuseNotes.Trim();
    }

    private static RuleCheck Common(string offenceCode, string? reasonableExcuseNotes, string recordedBy) =>
        new RuleCheck()
            .Must(Codes.Contains(offenceCode), "R33", "offenceCode", $"The offence code must be one of {string.Join(", ", Codes)} (SPA 2019 s.11)", "SPA 2019 s.11")

            // R33: an allegation is a person's decision, so it always names who made it.
            .Must(!string.IsNullOrWhiteSpace(recordedBy) && recordedBy.Length <= NameMaxLength, "R33", "recordedBy", "Record who is recording the offence (R33)",
                "SPA 2019 s.11")
            .Must((reasonableExcuseNotes?.Length ?? 0) <= TextMaxLength, "Input", "reasonableExcuseNotes", $"At most {TextMaxLength} characters", "");

    private static NotificationOffence Create(Guid respondentId, Guid? obligationId, Guid? eventId, string code, DateOnly offenceOn, string? notes,
        string recordedBy, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            RespondentId = respondentId,
            ObligationId = obligationId,
            NotificationEventId = eventId,
            OffenceCode = code,
            OffenceOn = offenceOn,
            ReasonableExcuseNotes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
            Outcome = NotificationOffenceOutcome.UnderInvestigation,
            RecordedBy = recordedBy.Trim(),
            RecordedAt = now.ToUniversalTime(),
        };

    private static string Describe(NotificationTrigger trigger) => trigger switch
    {
        NotificationTrigger.InitialService => "service of the order",
        NotificationTrigger.FinalDaySoa => "the end of Sexual Offences Act 2003 Part 2 notification",
        NotificationTrigger.NewName => "a new name",
        _ => "a new home address",
    };
}

public sealed class NotificationOffenceConfiguration : IEntityTypeConfiguration<NotificationOffence>
{
    public void Configure(EntityTypeBuilder<NotificationOffence> builder)
    {
        builder.ToTable("notification_offences");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.OffenceCode).HasMaxLength(10);
        builder.Property(o => o.ReasonableExcuseNotes).HasMaxLength(NotificationOffence.TextMaxLength);
        builder.Property(o => o.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.RecordedBy).HasMaxLength(NotificationOffence.NameMaxLength);
        builder.HasOne<Respondent>().WithMany().HasForeignKey(o => o.RespondentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<NotificationObligation>().WithMany().HasForeignKey(o => o.ObligationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<NotificationEvent>().WithMany().HasForeignKey(o => o.NotificationEventId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.RespondentId);
        builder.HasIndex(o => o.ObligationId);
    }
}
