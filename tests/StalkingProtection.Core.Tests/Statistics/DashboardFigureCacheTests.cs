using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Statistics;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Statistics;

public class DashboardFigureCacheTests
{
    private static readonly DateOnly _today = new(2026, 11, 28);

    /// <summary>One instance of the service: its own figures, and DbContexts that tell them of the changes they commit.</summary>
    private static ServiceProvider Instance(TestDatabase database, TimeProvider clock) =>
        new ServiceCollection()
            .AddSingleton(clock)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<DashboardFigureCache>()
            .AddSingleton<DashboardChangeInterceptor>()
            .AddScoped(sp => database.CreateContext(sp.GetRequiredService<DashboardChangeInterceptor>()))
            .AddScoped<DashboardQueries>()
            .BuildServiceProvider();

    private static Task<DashboardFigures> RequestAsync(ServiceProvider instance) =>
        instance.GetRequiredService<DashboardFigureCache>().GetAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task R16_SPA2019s5_LiveOrders_CountTheOrderOnItsLastDayUntilMidnightAndNotAfter()
    {
        // Arrange: a full order whose last day is today, the figures counted a second before midnight in London.
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2024, 11, 29)).LastDay(_today).ServedOn(new DateOnly(2024, 11, 29)));
        var clock = new FakeTimeProvider(LondonTime.EndOfDayUtc(_today) - TimeSpan.FromSeconds(1));
        await using var instance = Instance(database, clock);
        var lastDay = await RequestAsync(instance);

        // Act
        clock.Advance(TimeSpan.FromSeconds(1));
        var dayAfter = await RequestAsync(instance);

        // Assert
        Assert.Equal((_today, 1, 1), (lastDay.Today, lastDay.LiveOrders, lastDay.OrdersEndingSoon));
        Assert.Equal((_today.AddDays(1), 0, 0), (dayAfter.Today, dayAfter.LiveOrders, dayAfter.OrdersEndingSoon));
    }

    [Fact]
    public async Task Get_NothingChanged_AnswersFromTheFiguresCountedBefore()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        await new TestData(database).CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2026, 2, 2)));
        await using var instance = Instance(database, TestClock.At(_today));
        var first = await RequestAsync(instance);

        // Act
        var second = await RequestAsync(instance);
        var third = await RequestAsync(instance);

        // Assert
        Assert.Equal(1, first.LiveOrders);
        Assert.Same(first, second);
        Assert.Same(first, third);
        Assert.Equal(1, instance.GetRequiredService<DashboardFigureCache>().Computations);
    }

    [Fact]
    public async Task R20_Get_AfterAnOrderIsDischargedThroughTheServiceOnThisInstance_NoLongerCountsIt()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var order = await new TestData(database).CreateOrderAsync(o => o.Full().UntilFurtherOrder().MadeOn(new DateOnly(2024, 2, 2)));
        var clock = TestClock.At(_today);
        await using var instance = Instance(database, clock);
        var before = await RequestAsync(instance);

        // Act: discharged today, through the service on this instance's own DbContext.
        await using (var scope = instance.CreateAsyncScope())
        {
            var services = new TestData.Services(scope.ServiceProvider.GetRequiredService<StalkingProtectionDbContext>(), clock);
            await services.Orders.DischargeAsync(new DischargeOrderOptions(order.OrderId, ApplicantParty.Defendant, null, _today, _today, []), TestData.Officer,
                TestContext.Current.CancellationToken);
        }

        var after = await RequestAsync(instance);

        // Assert
        Assert.Equal(1, before.LiveOrders);
        Assert.Equal(0, after.LiveOrders);
    }

    [Fact]
    public async Task Get_AfterAnOrderIsRecordedThroughAnotherInstance_CountsItOnTheNextRequest()
    {
        // Arrange: this instance's figures, and another writing to the same database through its own DbContexts.
        await using var database = await TestDatabase.CreateAsync();
        await using var first = Instance(database, TestClock.At(_today));
        var before = await RequestAsync(first);

        // Act
        await new TestData(database).CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 11, 20)));
        var after = await RequestAsync(first);
        var again = await RequestAsync(first);

        // Assert
        Assert.Equal((0, 0), (before.LiveOrders, before.OrdersNotServed));
        Assert.Equal((1, 1, 1), (after.LiveOrders, after.LiveInterim, after.OrdersNotServed));
        Assert.Same(after, again);
        Assert.Equal(2, first.GetRequiredService<DashboardFigureCache>().Computations);
    }

    [Fact]
    public async Task Get_ConcurrentRequestsNeedingNewFigures_ShareOneCount()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        await using var instance = Instance(database, TestClock.At(_today));
        var cache = instance.GetRequiredService<DashboardFigureCache>();

        // Act: sixteen requests at start-up, then sixteen more after an order is recorded elsewhere.
        var cold = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => RequestAsync(instance)));
        var countedCold = cache.Computations;
        await new TestData(database).CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2026, 2, 2)));
        var changed = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => RequestAsync(instance)));

        // Assert
        Assert.Equal(1, countedCold);
        Assert.All(cold, f => Assert.Equal(0, f.LiveOrders));
        Assert.Equal(2, cache.Computations);
        Assert.All(changed, f => Assert.Equal(1, f.LiveOrders));
    }

    [Fact]
    public async Task Get_FiguresOlderThanTheirMaximumAge_AreCountedAgainWhileTheOldOnesAreServed()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var clock = TestClock.At(_today);
        await using var instance = Instance(database, clock);
        var cache = instance.GetRequiredService<DashboardFigureCache>();
        var first = await RequestAsync(instance);

        // Act
        clock.Advance(DashboardFigureCache.MaxAge);
        var served = await RequestAsync(instance);
        await cache.RefreshAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Same(first, served);
        Assert.Equal(2, cache.Computations);
    }
}
