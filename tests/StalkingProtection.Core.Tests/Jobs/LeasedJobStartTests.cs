using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Jobs;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Jobs;

public class LeasedJobStartTests
{
    private sealed class Lifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _started = new();

        /// <summary>Completed when anything first asks whether the application has started.</summary>
        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationToken ApplicationStarted
        {
            get
            {
                Asked.TrySetResult();
                return _started.Token;
            }
        }

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void Start() => _started.Cancel();

        public void StopApplication()
        {
        }
    }

    /// <summary>Records whether the application had started when its first run began, and the clock's time then.</summary>
    private sealed class ProbeJob(IServiceScopeFactory scopes, TimeProvider timeProvider, Lifetime lifetime)
        : LeasedJob<string>(scopes, timeProvider, NullLogger.Instance)
    {
        public TaskCompletionSource<(bool Started, DateTimeOffset At)> FirstRun { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override string LeaseName => JobLease.DeadlineCheck;

        protected override bool Enabled => true;

        protected override TimeSpan Interval => TimeSpan.FromHours(1);

        protected override Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
        {
            FirstRun.TrySetResult((lifetime.ApplicationStarted.IsCancellationRequested, TimeProvider.GetUtcNow()));
            return Task.FromResult("ran");
        }
    }

    [Fact]
    public async Task P7_FirstRun_WaitsUntilTheApplicationHasStartedAndSettled()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var clock = TestClock.At(new DateOnly(2026, 12, 5));
        var lifetime = new Lifetime();
        var services = new ServiceCollection()
            .AddScoped(_ => database.CreateContext())
            .AddScoped(sp => new JobLeases(sp.GetRequiredService<StalkingProtectionDbContext>(), clock))
            .AddSingleton<IHostApplicationLifetime>(lifetime);
        await using var provider = services.BuildServiceProvider();
        using var job = new ProbeJob(provider.GetRequiredService<IServiceScopeFactory>(), clock, lifetime);
        var ct = TestContext.Current.CancellationToken;

        // Act
        await job.StartAsync(ct);
        await Task.WhenAny(lifetime.Asked.Task, job.FirstRun.Task).WaitAsync(ct);
        var startedAt = clock.GetUtcNow();
        lifetime.Start();
        while (!job.FirstRun.Task.IsCompleted)
        {
            // The settling wait's timer is set on another thread once the start is seen; the clock moves a second at a time until it fires.
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(job.FirstRun.Task, Task.Delay(TimeSpan.FromMilliseconds(20), ct));
        }

        var (started, ranAt) = await job.FirstRun.Task;
        await job.StopAsync(ct);

        // Assert
        Assert.True(started, "the job ran before the application had started");
        Assert.True(ranAt - startedAt >= ApplicationStart.Settle, $"the job ran {ranAt - startedAt} after the start, before it had settled");
    }
}
