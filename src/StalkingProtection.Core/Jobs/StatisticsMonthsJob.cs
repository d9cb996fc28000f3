using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Statistics;

namespace StalkingProtection.Core.Jobs;

/// <summary>
/// P4: every interval, on whichever instance holds the lease, stores the statistics of each month that has ended and is not
/// stored, and counts again each stored month a save has changed since (<see cref="StatisticsMonthStore"/>). A return is right
/// whether or not this has run; it is only slower while months are counted from the records.
/// </summary>
public sealed class StatisticsMonthsJob(IServiceScopeFactory scopes, IOptions<JobOptions> options, TimeProvider timeProvider, ILogger<StatisticsMonthsJob> logger)
    : LeasedJob<StatisticsMonthRefresh>(scopes, timeProvider, logger)
{
    protected override string LeaseName => JobLease.StatisticsMonths;

    protected override bool Enabled => options.Value.CountStatistics;

    protected override TimeSpan Interval => options.Value.StatisticsInterval;

    protected override async Task<StatisticsMonthRefresh> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var result = await services.GetRequiredService<StatisticsMonthStore>().RefreshAsync(ct);
        if (result.MonthsCounted > 0)
        {
            logger.LogInformation("Statistics stored for {Months} months; {Changes} changes cleared", result.MonthsCounted, result.ChangesCleared);
        }

        return result;
    }
}
