using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Auditing;

namespace StalkingProtection.Core.Import;

/// <summary>
/// A tracker row once imported: its key (the force's order reference) and a hash of its values, saved in the row's own
/// transaction so the same file again adds nothing and an interrupted import picks up where it stopped.
/// </summary>
public class TrackerImportedRow
{
    public const int RowKeyMaxLength = 100;

    public required Guid Id { get; init; }

    /// <summary>The order reference, trimmed and upper-cased.</summary>
    public required string RowKey { get; init; }

    public string RowHash { get; private set; } = "";

    public required Guid OrderId { get; init; }

    /// <summary>The order's version after the import wrote it: a later version means someone changed it in the service since.</summary>
    public long OrderVersion { get; private set; }

    public string ImportedBy { get; private set; } = "";

    public DateTimeOffset ImportedAt { get; private set; }

    public static string NormaliseKey(string key) => key.Trim().ToUpperInvariant();

    public static TrackerImportedRow Create(string key, string hash, Guid orderId, long orderVersion, Actor import, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RowKey = key,
        RowHash = hash,
        OrderId = orderId,
        OrderVersion = orderVersion,
        ImportedBy = import.Id,
        ImportedAt = now.ToUniversalTime(),
    };

    public void Update(string hash, long orderVersion, Actor import, DateTimeOffset now)
    {
        RowHash = hash;
        OrderVersion = orderVersion;
        ImportedBy = import.Id;
        ImportedAt = now.ToUniversalTime();
    }
}

public sealed class TrackerImportedRowConfiguration : IEntityTypeConfiguration<TrackerImportedRow>
{
    public void Configure(EntityTypeBuilder<TrackerImportedRow> builder)
    {
        builder.ToTable("tracker_imported_rows");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.RowKey).HasMaxLength(TrackerImportedRow.RowKeyMaxLength);
        builder.HasIndex(r => r.RowKey).IsUnique();
        builder.Property(r => r.RowHash).HasMaxLength(64);
        builder.Property(r => r.ImportedBy).HasMaxLength(AuditEntry.ActorMaxLength);
        builder.HasIndex(r => r.OrderId);
    }
}
