using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Jobs;
using StalkingProtection.Core.Statistics;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.Jobs;

public class StatisticsMonthsJobTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task P4_RunOnce_StoresEveryEndedMonthFromTheFirstRecordsAndClearsTheChanges()
    {
        // Arrange: an order made three months before the service's today, and past any lease another test in this class took.
        var today = Core.Time.LondonTime.DateOf(factory.Clock.GetUtcNow());
        var made = today.AddMonths(-3);
        await new TestData(factory.Database).CreateOrderAsync(o => o.Full().MadeOn(made));
        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        var job = factory.Services.GetRequiredService<StatisticsMonthsJob>();

        // Act
        var result = await job.RunOnceAsync(TestContext.Current.CancellationToken);
        var again = await job.RunOnceAsync(TestContext.Current.CancellationToken);

        // Assert: the months from the case's report (nine days before the order) to the last that has ended.
        var months = await factory.WithDbAsync(db => db.Set<StatisticsMonth>().Select(m => m.Month).ToListAsync());
        var lastEnded = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        Assert.NotNull(result);
        Assert.True(result.MonthsCounted >= 3);
        Assert.Contains(new DateOnly(made.Year, made.Month, 1), months);
        Assert.Equal(lastEnded, months.Max());
        Assert.Equal(new StatisticsMonthRefresh(0, 0), again);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<StatisticsMonthChange>().CountAsync()));
    }

    [Fact]
    public async Task P4_RunOnce_WhileAnotherInstanceHoldsTheLease_CountsNothing()
    {
        // Arrange
        await factory.WithDbAsync(async db =>
            await new JobLeases(db, factory.Clock).TryAcquireAsync(JobLease.StatisticsMonths, "another-instance", TimeSpan.FromMinutes(5)));
        var job = factory.Services.GetRequiredService<StatisticsMonthsJob>();

        // Act
        var result = await job.RunOnceAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Null(result);
    }
}
