using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Web.Infrastructure.Health;

/// <summary>Healthy when the database answers and every migration is applied.</summary>
public sealed class DatabaseHealthCheck(StalkingProtectionDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy("The database is reachable and every migration is applied.")
                : HealthCheckResult.Unhealthy($"{pending} migration(s) are not applied.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
    }
}
