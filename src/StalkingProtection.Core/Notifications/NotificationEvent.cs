using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Notifications;

public enum NotificationMode
{
    InPersonOral,
    InPersonWritten,
    Postal,
    Email,
    Phone,
}

public enum BiometricsOutcome
{
    NotRequested,
    Complied,
    Refused,
}

[Flags]
public enum BiometricsRequested
{
    None = 0,
    Fingerprints = 1,
    Photographs = 2,
}

/// <summary>The respondent attending a police station to notify (SPA 2019 s.10).</summary>
public class NotificationEvent
{
    public const int StationMaxLength = 200;
    public const int NameMaxLength = 200;
    public const int ReferenceMaxLength = 100;
    public const int InformationMaxLength = 2000;

    // SPA 2019 s.10(6), R32: fingerprints and photographs only to verify identity.
    public const string VerifyIdentityPurpose = "verify identity";

    public required Guid Id { get; init; }

    public Guid RespondentId { get; private set; }

    /// <summary>The person was recorded twice, each time as a respondent: this now belongs to the respondent kept.</summary>
    internal void TransferTo(Respondent kept) => RespondentId = kept.Id;

    public DateTimeOffset NotifiedAt { get; private init; }

    public DateOnly NotifiedOn { get; private init; }

    public string StationName { get; private init; } = "";

    public PoliceForce StationPoliceArea { get; private init; }

    public NotificationMode Mode { get; private init; }

    public string ReceivedBy { get; private init; } = "";

    public bool ReceivedByAuthorisedPerson { get; private init; }

    public string? AuthorisationReference { get; private init; }

    public string? NamesGiven { get; private init; }

    public string? AddressGiven { get; private init; }

    public string AcknowledgementReference { get; private init; } = "";

    public DateTimeOffset AcknowledgedAt { get; private init; }

    public string? AcknowledgementFormVersion { get; private init; }

    public BiometricsRequested BiometricsRequested { get; private init; }

    public string? BiometricsPurpose { get; private init; }

    public BiometricsOutcome BiometricsOutcome { get; private init; }

    public sealed record Details(
        DateTimeOffset NotifiedAt,
        string StationName,
        PoliceForce StationPoliceArea,
        NotificationMode Mode,
        string ReceivedBy,
        bool ReceivedByAuthorisedPerson,
        string? AuthorisationReference,
        string? NamesGiven,
        string? AddressGiven,
        string AcknowledgementReference,
        DateTimeOffset? AcknowledgedAt,
        string? AcknowledgementFormVersion,
        BiometricsRequested BiometricsRequested = BiometricsRequested.None,
        string? BiometricsPurpose = null,
        BiometricsOutcome BiometricsOutcome = BiometricsOutcome.NotRequested);

    /// <summary>
    /// SPA 2019 s.10(1)–(3), R29: the police area where the respondent must notify on <paramref name="on"/>: that of the home
    /// address (the old one before a move, the new one after), or, with no home address in England and Wales, that of the
    /// court that last made an order.
    /// </summary>
    public static PoliceForce? ExpectedPoliceArea(Respondent respondent, DateOnly on, PoliceForce? lastOrderCourtArea) =>
        respondent.HomeAddressOn(on)?.PoliceArea ?? lastOrderCourtArea;

    public static NotificationEvent Record(Respondent respondent, Details d, PoliceForce? expectedPoliceArea, DateTimeOffset now)
    {
        var notifiedOn = LondonTime.DateOf(d.NotifiedAt);
        new RuleCheck()
            .HasHappened(d.NotifiedAt <= now, "notifiedAt")
            .Must(!string.IsNullOrWhiteSpace(d.StationName) && d.StationName.Length <= StationMaxLength, "R29", "stationName",
                "Enter the police station where the respondent notified (SPA 2019 s.10(1), R29)", "SPA 2019 s.10(1)")
            // SPA 2019 s.10(1)–(3), R29.
            .Must(expectedPoliceArea is null || d.StationPoliceArea == expectedPoliceArea, "R29", "stationPoliceArea",
                $"The respondent must notify at a police station in {expectedPoliceArea} police area: the area of their home address, or of the court that last made an order if they have no home address in England and Wales (SPA 2019 s.10(1)–(3), R29)",
                "SPA 2019 s.10(1)–(3)")
            // SPA 2019 s.10(1)–(2), R30: in person and orally, to an officer or an authorised person.
            .Must(d.Mode == NotificationMode.InPersonOral, "R30", "mode",
                "A notification must be given in person and orally at a police station; post, email and phone do not count (SPA 2019 s.10(1)–(2), R30)", "SPA 2019 s.10(1)–(2)")
            .Must(!string.IsNullOrWhiteSpace(d.ReceivedBy) && d.ReceivedBy.Length <= NameMaxLength, "R30", "receivedBy",
                "Enter the police officer or authorised person who received the notification (SPA 2019 s.10(2), R30)", "SPA 2019 s.10(2)")
            .Must(!d.ReceivedByAuthorisedPerson || !string.IsNullOrWhiteSpace(d.AuthorisationReference), "R30", "authorisationReference",
                "Record the authorisation of the person who received the notification by the officer in charge of the station (SPA 2019 s.10(2), R30)", "SPA 2019 s.10(2)")
            .Must(!string.IsNullOrWhiteSpace(d.NamesGiven) || !string.IsNullOrWhiteSpace(d.AddressGiven), "R30", "namesGiven",
                "Record the names and home address the respondent notified (SPA 2019 s.9(2))", "SPA 2019 s.9(2)")
            .Must((d.NamesGiven?.Length ?? 0) <= InformationMaxLength && (d.AddressGiven?.Length ?? 0) <= InformationMaxLength, "Input", "namesGiven", "Too long", "")
            // SPA 2019 s.10(4), R31: acknowledged in writing.
            .Must(!string.IsNullOrWhiteSpace(d.AcknowledgementReference) && d.AcknowledgementReference.Length <= ReferenceMaxLength, "R31", "acknowledgementReference",
                "Enter the reference of the written acknowledgement given to the respondent (SPA 2019 s.10(4), R31)", "SPA 2019 s.10(4)")
            .Must(d.AcknowledgedAt is { } ack && ack >= d.NotifiedAt && ack <= now, "R31", "acknowledgedAt",
                "The written acknowledgement is given at or after the notification, so the notification cannot be later than the acknowledgement (SPA 2019 s.10(4), R31)", "SPA 2019 s.10(4)")
            // SPA 2019 s.10(5)–(6), R32.
            .Must(d.BiometricsRequested == BiometricsRequested.None || string.Equals(d.BiometricsPurpose?.Trim(), VerifyIdentityPurpose, StringComparison.OrdinalIgnoreCase), "R32", "biometricsPurpose",
                "Fingerprints and photographs may be taken only to verify the respondent's identity: record the purpose as \"verify identity\" (SPA 2019 s.10(6), R32)", "SPA 2019 s.10(5)–(6)")
            .Must(d.BiometricsRequested == BiometricsRequested.None || d.BiometricsOutcome != BiometricsOutcome.NotRequested, "R32", "biometricsOutcome",
                "Record whether the respondent allowed the fingerprints or photographs to be taken (SPA 2019 s.10(5), R32)", "SPA 2019 s.10(5)")
            .Must(d.BiometricsRequested != BiometricsRequested.None || d.BiometricsOutcome == BiometricsOutcome.NotRequested, "R32", "biometricsOutcome",
                "Record what was requested before recording an outcome (R32)", "SPA 2019 s.10(5)")
            .ThrowIfBroken();

        return new NotificationEvent
        {
            Id = Guid.CreateVersion7(now),
            RespondentId = respondent.Id,
            NotifiedAt = d.NotifiedAt.ToUniversalTime(),
            NotifiedOn = notifiedOn,
            StationName = d.StationName.Trim(),
            StationPoliceArea = d.StationPoliceArea,
            Mode = d.Mode,
            ReceivedBy = d.ReceivedBy.Trim(),
            ReceivedByAuthorisedPerson = d.ReceivedByAuthorisedPerson,
            AuthorisationReference = d.AuthorisationReference,
            NamesGiven = d.NamesGiven,
            AddressGiven = d.AddressGiven,
            AcknowledgementReference = d.AcknowledgementReference.Trim(),
            AcknowledgedAt = d.AcknowledgedAt!.Value.ToUniversalTime(),
            AcknowledgementFormVersion = d.AcknowledgementFormVersion,
            BiometricsRequested = d.BiometricsRequested,
            BiometricsPurpose = d.BiometricsRequested == BiometricsRequested.None ? null : VerifyIdentityPurpose,
            BiometricsOutcome = d.BiometricsOutcome,
        };
    }

    /// <summary>SPA 2019 s.10(5), s.11(1)(a), R32: a refusal is a potential offence (H20168).</summary>
    public bool BiometricsRefused => BiometricsOutcome == BiometricsOutcome.Refused;
}

public sealed class NotificationEventConfiguration : IEntityTypeConfiguration<NotificationEvent>
{
    public void Configure(EntityTypeBuilder<NotificationEvent> builder)
    {
        builder.ToTable("notification_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.StationName).HasMaxLength(NotificationEvent.StationMaxLength);
        builder.Property(e => e.StationPoliceArea).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ReceivedBy).HasMaxLength(NotificationEvent.NameMaxLength);
        builder.Property(e => e.AuthorisationReference).HasMaxLength(NotificationEvent.ReferenceMaxLength);
        builder.Property(e => e.NamesGiven).HasMaxLength(NotificationEvent.InformationMaxLength);
        builder.Property(e => e.AddressGiven).HasMaxLength(NotificationEvent.InformationMaxLength);
        builder.Property(e => e.AcknowledgementReference).HasMaxLength(NotificationEvent.ReferenceMaxLength);
        builder.Property(e => e.AcknowledgementFormVersion).HasMaxLength(50);
        builder.Property(e => e.BiometricsPurpose).HasMaxLength(50);
        builder.Property(e => e.BiometricsOutcome).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(e => e.BiometricsRefused);
        builder.HasOne<Respondent>().WithMany().HasForeignKey(e => e.RespondentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.RespondentId, e.NotifiedAt });
        builder.HasIndex(e => e.AcknowledgementReference).IsUnique();
    }
}
