using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace StalkingProtection.Core.Jobs;

/// <summary>
/// P7: hosted services start before the server listens, and on a two-core machine a first run that compiles its queries
/// then takes the CPU from start-up; so a job's first run waits until the application has started.
/// </summary>
internal static class ApplicationStart
{
    public static async Task WaitAsync(IServiceScopeFactory scopes, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<IHostApplicationLifetime>() is not { } lifetime || lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }
}
