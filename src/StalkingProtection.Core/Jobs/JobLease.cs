using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Jobs;

/// <summary>
/// Which instance runs a background job, and until when. Several instances share one database; the one whose
/// conditional update wins holds the lease, so each job runs once at a time (architecture §4).
/// </summary>
public class JobLease
{
    public const int NameMaxLength = 100;
    public const string DeadlineCheck = "deadline-check";
    public const string AuditSeal = "audit-seal";
    public const string VictimMessages = "victim-messages";
    public const string StatisticsMonths = "statistics-months";

    public required string Name { get; init; }

    public string? Holder { get; set; }

    public DateTimeOffset LeasedUntil { get; set; }

    public DateTimeOffset? LastCompletedAt { get; set; }
}

public sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.ToTable("job_leases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(JobLease.NameMaxLength);
        builder.Property(l => l.Holder).HasMaxLength(200);
        builder.HasData(
            new JobLease { Name = JobLease.DeadlineCheck, LeasedUntil = DateTimeOffset.UnixEpoch },
            new JobLease { Name = JobLease.AuditSeal, LeasedUntil = DateTimeOffset.UnixEpoch },
            new JobLease { Name = JobLease.VictimMessages, LeasedUntil = DateTimeOffset.UnixEpoch },
            new JobLease { Name = JobLease.StatisticsMonths, LeasedUntil = DateTimeOffset.UnixEpoch });
    }
}

public sealed class JobLeases(StalkingProtectionDbContext db, TimeProvider timeProvider)
{
    /// <summary>Takes or renews the lease; false when another instance holds it.</summary>
    public async Task<bool> TryAcquireAsync(string job, string holder, TimeSpan duration, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var until = now + duration;
        var taken = await db.Set<JobLease>()
            .Where(l => l.Name == job && (l.LeasedUntil <= now || l.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.LeasedUntil, until), ct);
        return taken == 1;
    }

    public async Task CompleteAsync(string job, string holder, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        await db.Set<JobLease>()
            .Where(l => l.Name == job && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LastCompletedAt, now).SetProperty(l => l.LeasedUntil, now), ct);
    }
}
