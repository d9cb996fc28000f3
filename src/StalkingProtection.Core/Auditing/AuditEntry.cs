using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StalkingProtection.Core.Auditing;

// Data Protection Act 2018 s.62(1): logs are kept of collection, alteration, consultation, disclosure,
// combination and erasure of personal data.
public enum AuditKind
{
    Collection,
    Alteration,
    Consultation,
    Disclosure,
    Combination,
    Erasure,
    SignIn,
    Administration,
}

public class AuditEntry
{
    public const int ActorMaxLength = 200;
    public const int ActionMaxLength = 100;
    public const int RecordTypeMaxLength = 100;
    public const int RecordIdMaxLength = 100;
    public const int JustificationMaxLength = 2000;

    public long Id { get; private set; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The staff user id, API client name or "system".</summary>
    public required string ActorId { get; init; }

    public required string ActorName { get; init; }

    public string? ActorRole { get; init; }

    public required AuditKind Kind { get; init; }

    /// <summary>What happened, e.g. "Order.ServiceRecorded".</summary>
    public required string Action { get; init; }

    public required string RecordType { get; init; }

    public string? RecordId { get; init; }

    public string? Justification { get; init; }

    /// <summary>JSON of the values before a change.</summary>
    public string? OldValues { get; init; }

    /// <summary>JSON of the values after a change.</summary>
    public string? NewValues { get; init; }

    public string? CorrelationId { get; init; }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ActorId).HasMaxLength(AuditEntry.ActorMaxLength);
        builder.Property(a => a.ActorName).HasMaxLength(AuditEntry.ActorMaxLength);
        builder.Property(a => a.ActorRole).HasMaxLength(AuditEntry.ActorMaxLength);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Action).HasMaxLength(AuditEntry.ActionMaxLength);
        builder.Property(a => a.RecordType).HasMaxLength(AuditEntry.RecordTypeMaxLength);
        builder.Property(a => a.RecordId).HasMaxLength(AuditEntry.RecordIdMaxLength);
        builder.Property(a => a.Justification).HasMaxLength(AuditEntry.JustificationMaxLength);
        builder.Property(a => a.CorrelationId).HasMaxLength(100);
        builder.HasIndex(a => a.OccurredAt);
        builder.HasIndex(a => new { a.RecordType, a.RecordId, a.OccurredAt });
        // P2: the audit page's search by record and the application page's comments read entries by record id alone,
        // whatever the record's type; without this index each reads the whole audit log.
        builder.HasIndex(a => a.RecordId);
        // P2: a record's timeline leaves consultations out, and each view of an order is one: through the index above the
        // timeline of an order viewed thousands of times read thousands of consultations to drop them. Consultations are
        // not in this index at all, so writing one (every audited read) does not touch it.
        builder.HasIndex(a => a.RecordId, "ChangesByRecordId").HasDatabaseName("ix_audit_entries_record_id_changes").HasFilter("\"kind\" <> 'Consultation'");
        builder.HasIndex(a => new { a.ActorId, a.OccurredAt });
    }
}
