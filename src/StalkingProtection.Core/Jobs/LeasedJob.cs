using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StalkingProtection.Core.Jobs;

/// <summary>
/// A background job that runs every interval on whichever instance holds its lease, so several instances of the service
/// never run it at once. A run that fails is logged and the next tick tries again: each job commits its work whole.
/// </summary>
public abstract class LeasedJob<TResult>(IServiceScopeFactory scopes, TimeProvider timeProvider, ILogger logger) : BackgroundService
    where TResult : class
{
    private static readonly TimeSpan _leaseTime = TimeSpan.FromMinutes(10);

    public string Holder { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected abstract string LeaseName { get; }

    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    protected TimeProvider TimeProvider => timeProvider;

    protected abstract Task<TResult> RunAsync(IServiceProvider services, CancellationToken ct);

    /// <summary>One run, or null when another instance holds the lease.</summary>
    public async Task<TResult?> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
        if (!await leases.TryAcquireAsync(LeaseName, Holder, _leaseTime, ct))
        {
            return null;
        }

        var result = await RunAsync(scope.ServiceProvider, ct);
        await leases.CompleteAsync(LeaseName, Holder, ct);
        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        await ApplicationStart.WaitAsync(scopes, timeProvider, stoppingToken);
        using var timer = new PeriodicTimer(Interval, timeProvider);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Background job {Job} failed", LeaseName);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
