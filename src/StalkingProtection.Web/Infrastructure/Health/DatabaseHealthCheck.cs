using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Jobs;

namespace StalkingProtection.Web.Infrastructure.Health;

/// <summary>
/// Ready when the database can be written, not only read: a read-only file, a full disk or a read-only PostgreSQL
/// answers reads happily while every change fails. The probe commits an update that changes no value, so the write
/// reaches the log on disk. Migrations are checked once, at start-up, which refuses to run with any pending.
/// </summary>
public sealed class DatabaseHealthCheck(StalkingProtectionDbContext db) : IHealthCheck
{
    public const string Tag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var written = await db.Set<JobLease>()
                .Where(l => l.Name == JobLease.AuditSeal)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.LeasedUntil, l => l.LeasedUntil), cancellationToken);
            return written == 1
                ? HealthCheckResult.Healthy("The database can be read and written.")
                : HealthCheckResult.Unhealthy("The database is not migrated: run migrate.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be written.");
        }
    }
}
