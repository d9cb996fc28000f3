using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Jobs;

public sealed class JobOptions
{
    public const string SectionName = "StalkingProtection:Jobs";

    public bool RunDeadlineChecks { get; set; } = true;

    public TimeSpan DeadlineCheckInterval { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Marks overdue notifications (R33) and raises renewal, review, PNC, service and interim-ending tasks (R23, R42)
/// every interval, on whichever instance holds the lease. The check itself is idempotent, so a second run changes nothing.
/// </summary>
public sealed class DeadlineCheckJob(IServiceScopeFactory scopes, IOptions<JobOptions> options, TimeProvider timeProvider, ILogger<DeadlineCheckJob> logger)
    : BackgroundService
{
    public string Holder { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public async Task<DeadlineCheckResult?> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
        if (!await leases.TryAcquireAsync(JobLease.DeadlineCheck, Holder, TimeSpan.FromMinutes(10), ct))
        {
            return null;
        }

        // R23, R42: the lead times and the review cadence are the force's configurable rule set.
        var rules = scope.ServiceProvider.GetRequiredService<IOptions<LegalRuleSet>>().Value;
        var settings = new DeadlineCheckSettings(RenewalLeadDays: rules.RenewalLeadDays, ReviewIntervalDays: rules.ReviewCadenceDays);
        var result = await scope.ServiceProvider.GetRequiredService<DeadlineCheckService>().RunAsync(timeProvider.GetUtcNow(), settings, ct);
        await leases.CompleteAsync(JobLease.DeadlineCheck, Holder, ct);
        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunDeadlineChecks)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.DeadlineCheckInterval, timeProvider);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick tries again; a failed run saved nothing (each change commits with its audit entry).
                logger.LogError(ex, "Deadline check failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
