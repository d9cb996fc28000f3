using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Public.Report;

/// <summary>
/// Deletes abandoned report drafts soon after they expire, even when nobody visits the site. Every instance may run
/// it: deleting what has expired is the same work whoever does it.
/// </summary>
public sealed class ExpiredDraftPurge(IServiceScopeFactory scopes, TimeProvider timeProvider, ILogger<ExpiredDraftPurge> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PurgeOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    public async Task PurgeOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var deleted = await scope.ServiceProvider.GetRequiredService<PublicReportService>().PurgeExpiredDraftsAsync(ct);
            if (deleted > 0)
            {
                logger.LogInformation("Deleted {Count} expired report drafts", deleted);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed purge is retried at the next tick; the drafts stay encrypted meanwhile.
            logger.LogWarning(ex, "Could not delete expired report drafts");
        }
    }
}
