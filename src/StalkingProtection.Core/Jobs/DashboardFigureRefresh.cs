using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StalkingProtection.Core.Statistics;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Jobs;

/// <summary>
/// Counts the dashboard's figures once the service has started and again just after each midnight in London, so the first
/// request of the day finds the new day's figures ready, without the orders that ended yesterday (SPA 2019 s.5, R16). Every
/// instance keeps its own figures, so every instance runs it; no lease.
/// </summary>
public sealed class DashboardFigureRefresh(DashboardFigureCache figures, IServiceScopeFactory scopes, TimeProvider timeProvider, ILogger<DashboardFigureRefresh> logger)
    : BackgroundService
{
    /// <summary>After midnight, so that a clock a little behind still reads the new day.</summary>
    public static readonly TimeSpan AfterMidnight = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ApplicationStart.WaitAsync(scopes, timeProvider, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await figures.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Counting the dashboard figures failed");
            }

            var next = LondonTime.StartOfDayUtc(timeProvider.UkToday.AddDays(1)) + AfterMidnight;
            var wait = next - timeProvider.GetUtcNow();
            await Task.Delay(wait > TimeSpan.Zero ? wait : AfterMidnight, timeProvider, stoppingToken);
        }
    }
}
