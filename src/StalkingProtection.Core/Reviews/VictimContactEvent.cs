using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Reviews;

// R41: the events the victim is consulted on or told about.
public enum VictimContactEventType
{
    ViewsSought,
    ApplicationDecision,
    HearingOutcome,
    Service,
    Breach,
    Variation,
    Discharge,
    Expiry,
    Other,
}

public enum ContactChannel
{
    InPerson,
    Phone,
    Email,
    Letter,
    ThroughAdvocate,
}

/// <summary>R41: a consultation with, or notification to, a victim or protected person.</summary>
public class VictimContactEvent
{
    public const int SummaryMaxLength = 4000;
    public const int OfficerMaxLength = 200;

    public required Guid Id { get; init; }

    public required Guid VictimId { get; init; }

    public Guid? OrderId { get; private init; }

    public VictimContactEventType EventType { get; private init; }

    public DateTimeOffset OccurredAt { get; private init; }

    public DateOnly OccurredOn { get; private init; }

    public ContactChannel Channel { get; private init; }

    public string Officer { get; private init; } = "";

    public string Summary { get; private init; } = "";

    public static VictimContactEvent Record(Guid victimId, Guid? orderId, VictimContactEventType type, DateTimeOffset occurredAt, ContactChannel channel,
        string officer, string summary, DateTimeOffset now)
    {
        // SG [U]; Victims' Code [U], R41: a timestamped record of each contact.
        new RuleCheck()
            .HasHappened(occurredAt <= now, "occurredAt")
            .Must(!string.IsNullOrWhiteSpace(officer) && officer.Length <= OfficerMaxLength, "R41", "officer", "Enter who contacted the victim (R41)", "Victims' Code")
            .Must(!string.IsNullOrWhiteSpace(summary) && summary.Length <= SummaryMaxLength, "R41", "summary", "Summarise what the victim was told or said (R41)", "Victims' Code")
            .ThrowIfBroken();
        return new VictimContactEvent
        {
            Id = Guid.CreateVersion7(now),
            VictimId = victimId,
            OrderId = orderId,
            EventType = type,
            OccurredAt = occurredAt.ToUniversalTime(),
            OccurredOn = Time.LondonTime.DateOf(occurredAt),
            Channel = channel,
            Officer = officer,
            Summary = summary.Trim(),
        };
    }
}

public sealed class VictimContactEventConfiguration : IEntityTypeConfiguration<VictimContactEvent>
{
    public void Configure(EntityTypeBuilder<VictimContactEvent> builder)
    {
        builder.ToTable("victim_contact_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.EventType).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Channel).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Officer).HasMaxLength(VictimContactEvent.OfficerMaxLength);
        builder.Property(e => e.Summary).HasMaxLength(VictimContactEvent.SummaryMaxLength);
        builder.HasOne<Victim>().WithMany().HasForeignKey(e => e.VictimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.VictimId, e.OccurredAt });
    }
}
