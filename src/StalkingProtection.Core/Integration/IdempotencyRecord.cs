using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StalkingProtection.Core.Integration;

/// <summary>
/// The answer to a create request sent with an Idempotency-Key, saved in the same transaction as the change, so that
/// a retried request gets the same answer and creates nothing twice.
/// </summary>
public class IdempotencyRecord
{
    public const int KeyMaxLength = 200;

    /// <summary>The client id and the client's key: keys are per client.</summary>
    public required string Key { get; init; }

    /// <summary>SHA-256 of the method, path and body, so a key reused for a different request is refused.</summary>
    public required string RequestHash { get; init; }

    public int StatusCode { get; init; }

    public string? Location { get; init; }

    public string? ResponseJson { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records");
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyMaxLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.Location).HasMaxLength(500);
        builder.HasIndex(r => r.CreatedAt);
    }
}
