using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Statistics;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Infrastructure.Demo;

namespace StalkingProtection.Web.Tests.Infrastructure.Demo;

public class DemoCasesTests
{
    [Theory]
    [InlineData(2026, 11, 28)]
    [InlineData(2028, 2, 29)]
    public async Task Seed_OnAnyDay_GivesFortyCasesAndElevenLiveOrdersWithSomethingInEveryDashboardFigure(int year, int month, int day)
    {
        // Arrange
        var today = new DateOnly(year, month, day);
        await using var database = await TestDatabase.CreateAsync();
        await using var context = database.CreateContext();

        // Act
        await new DemoCases(context, today, "demo-officer", "PC Demo Officer", "Demo Team").SeedAsync();
        var figures = await new DashboardQueries(context).GetAsync(today, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(40, await context.Cases.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(DemoCases.LiveOrders, figures.LiveOrders);
        Assert.Equal(2, figures.LiveInterim);
        Assert.Equal(9, figures.LiveFull);
        Assert.Equal(1, figures.OrdersNotServed);
        Assert.True(figures.NotificationsOverdue >= 1);
        Assert.True(figures.NotificationsDueSoon >= 1);
        Assert.True(figures.BreachesThisMonth >= 1);
        Assert.True(figures.ApplicationsInProgress >= 4);
        Assert.True(figures.OrdersEndingSoon >= 1);
        Assert.True(figures.CasesWithoutSpoDecision >= 10);
        Assert.Contains(await context.Orders.Select(o => o.LastInForceDay).ToListAsync(TestContext.Current.CancellationToken), d => d is null);
    }

    [Fact]
    public async Task Seed_PendingVariation_IsADraftChangeApplicationOnAnOrderInForce()
    {
        // Arrange
        var today = new DateOnly(2026, 11, 28);
        await using var database = await TestDatabase.CreateAsync();
        await using var context = database.CreateContext();

        // Act
        await new DemoCases(context, today, "demo-officer", "PC Demo Officer", "Demo Team").SeedAsync();

        // Assert
        var variation = await context.Applications.SingleAsync(a => a.Type == Core.Applications.ApplicationType.Variation, TestContext.Current.CancellationToken);
        var order = await context.Orders.SingleAsync(o => o.Id == variation.OrderId, TestContext.Current.CancellationToken);
        Assert.Equal(Core.Applications.ApplicationStatus.Draft, variation.Status);
        Assert.True(order.IsInForceOn(today));
        Assert.NotNull(variation.ChangeSought);
        Assert.True(variation.NeedsNecessityRationale);
    }
}

public class DemoOrderEndTests
{
    [Fact]
    public async Task SPA2019_s9_R33_Seed_NoTaskOrOpenDutyHangsOnAnEndedOrderAndOneApplicationAwaitsAuthorisation()
    {
        // Arrange
        var today = new DateOnly(2026, 11, 28);
        await using var database = await TestDatabase.CreateAsync();
        await using var context = database.CreateContext();
        var ct = TestContext.Current.CancellationToken;

        // Act
        await new DemoCases(context, today, "demo-officer", "PC Demo Officer", "Demo Team").SeedAsync();

        // Assert
        var orders = await context.Orders.IgnoreAutoIncludes().AsNoTracking().ToListAsync(ct);
        var ended = orders.Where(o => !o.IsInForceOn(today) && o.MadeOn <= today).Select(o => o.Id).ToList();
        Assert.NotEmpty(ended);
        var hanging = await context.StaffTasks.Where(t => t.Status == Core.Tasks.StaffTaskStatus.Open && t.OrderId != null && ended.Contains(t.OrderId.Value)).ToListAsync(ct);
        Assert.All(hanging, t => Assert.Equal(Core.Tasks.StaffTaskType.RecordOnPnc, t.Type));
        var open = await context.NotificationObligations.Where(d => d.Status == Core.Notifications.ObligationStatus.Open).ToListAsync(ct);
        Assert.All(open, d => Assert.Contains(orders, o => o.RespondentId == d.RespondentId && o.IsInForceOn(d.DueBy)));
        Assert.Equal(1, await context.Applications.CountAsync(a => a.AwaitingAuthorisationSince != null, ct));
    }
}
