using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace StalkingProtection.Core.Jobs;

/// <summary>
/// P7: hosted services start before the server listens, and on a two-core machine a first run that compiles its queries
/// takes the CPU from start-up and then from the first requests; so a job's first run waits until the application has
/// started and a few seconds more.
/// </summary>
internal static class ApplicationStart
{
    /// <summary>Long enough for the first requests after start; short beside every job's interval.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public static async Task WaitAsync(IServiceScopeFactory scopes, TimeProvider timeProvider, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<IHostApplicationLifetime>() is not { } lifetime || lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        await Task.Delay(Settle, timeProvider, stoppingToken);
    }
}
