using StalkingProtection.Core.Jobs;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Jobs;

public class JobLeaseTests
{
    [Fact]
    public async Task TryAcquire_TwoInstances_OnlyOneHoldsTheLeaseUntilItEndsOrExpires()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var clock = TestClock.At(new DateOnly(2026, 11, 28));
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var a = new JobLeases(first, clock);
        var b = new JobLeases(second, clock);
        var ct = TestContext.Current.CancellationToken;

        // Act
        var aTakes = await a.TryAcquireAsync(JobLease.DeadlineCheck, "instance-a", TimeSpan.FromMinutes(10), ct);
        var bWhileHeld = await b.TryAcquireAsync(JobLease.DeadlineCheck, "instance-b", TimeSpan.FromMinutes(10), ct);
        var aRenews = await a.TryAcquireAsync(JobLease.DeadlineCheck, "instance-a", TimeSpan.FromMinutes(10), ct);
        clock.Advance(TimeSpan.FromMinutes(11));
        var bAfterExpiry = await b.TryAcquireAsync(JobLease.DeadlineCheck, "instance-b", TimeSpan.FromMinutes(10), ct);
        await b.CompleteAsync(JobLease.DeadlineCheck, "instance-b", ct);
        clock.Advance(TimeSpan.FromSeconds(1));
        var aAfterCompletion = await a.TryAcquireAsync(JobLease.DeadlineCheck, "instance-a", TimeSpan.FromMinutes(10), ct);

        // Assert
        Assert.True(aTakes);
        Assert.False(bWhileHeld);
        Assert.True(aRenews);
        Assert.True(bAfterExpiry);
        Assert.True(aAfterCompletion);
    }

    [Fact]
    public async Task TryAcquire_ManyInstancesAtOnce_ExactlyOneWins()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var clock = TestClock.At(new DateOnly(2026, 11, 28));
        var contexts = Enumerable.Range(0, 8).Select(_ => database.CreateContext()).ToList();

        // Act
        var results = await Task.WhenAll(contexts.Select((c, i) =>
            new JobLeases(c, clock).TryAcquireAsync(JobLease.DeadlineCheck, $"instance-{i}", TimeSpan.FromMinutes(10), TestContext.Current.CancellationToken)));

        // Assert
        Assert.Equal(1, results.Count(r => r));
        foreach (var context in contexts)
        {
            await context.DisposeAsync();
        }
    }
}
