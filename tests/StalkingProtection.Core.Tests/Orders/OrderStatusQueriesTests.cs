using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Orders;

public class OrderStatusQueriesTests
{
    [Fact]
    public async Task LiveOrderCountAsync_CountsInterimAndFullOrdersInForceOnTheDate()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        await testData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 3, 1)).LastDay(new DateOnly(2026, 3, 28)));
        await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2024, 3, 10)).LastDay(new DateOnly(2026, 3, 9)));
        await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2025, 1, 6)).UntilFurtherOrder());
        var discharged = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2023, 1, 9)).UntilFurtherOrder());
        await testData.WithServicesAsync(new DateOnly(2026, 3, 15), s => s.Orders.DischargeAsync(new DischargeOrderOptions(discharged.OrderId,
            Core.Applications.ApplicantParty.Defendant, null, new DateOnly(2026, 3, 15), new DateOnly(2026, 3, 15), []), TestData.Officer));

        // Act
        var (onMarch9, onMarch10, onMarch15, onMarch29) = await testData.WithServicesAsync(new DateOnly(2026, 3, 30), async s => (
            await s.Queries.LiveOrderCountAsync(new DateOnly(2026, 3, 9)),
            await s.Queries.LiveOrderCountAsync(new DateOnly(2026, 3, 10)),
            await s.Queries.LiveOrderCountAsync(new DateOnly(2026, 3, 15)),
            await s.Queries.LiveOrderCountAsync(new DateOnly(2026, 3, 29))));
        var byKind = await testData.WithServicesAsync(new DateOnly(2026, 3, 30), s => s.Queries.LiveOrderCountByKindAsync(new DateOnly(2026, 3, 10)));

        // Assert
        Assert.Equal(4, onMarch9);
        Assert.Equal(3, onMarch10);
        Assert.Equal(2, onMarch15);
        Assert.Equal(1, onMarch29);
        Assert.Equal((1, 2), byKind);
    }

    [Fact]
    public async Task LiveOrderCountAsync_QueryUsesTheInForceIndex()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        await using var ctx = db.CreateContext();
        var date = new DateOnly(2026, 3, 10);

        // Act
        var sql = ctx.Orders.Where(o => o.MadeOn <= date && (o.LastInForceDay == null || o.LastInForceDay >= date) && (o.EndedOn == null || o.EndedOn > date)).ToQueryString();
        var index = ctx.Model.FindEntityType(typeof(StalkingProtectionOrder))!.GetIndexes().Single(i => i.GetDatabaseName() == "ix_orders_in_force");

        // Assert
        Assert.Contains("made_date", sql, StringComparison.Ordinal);
        Assert.Contains("last_in_force_day", sql, StringComparison.Ordinal);
        Assert.Contains("ended_on", sql, StringComparison.Ordinal);
        Assert.Equal(["made_date", "last_in_force_day", "ended_on"], index.Properties.Select(p => p.GetColumnName()));
    }

    [Fact]
    public async Task GetAsAtAsync_ReportsStatusConditionsAndObligationStatesOnEachDate()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 4, 1)).LastDay(new DateOnly(2026, 4, 28)).ServedOn(new DateOnly(2026, 4, 2)));

        // Act
        var results = await testData.WithServicesAsync(new DateOnly(2026, 5, 1), async s => new[]
        {
            await s.Queries.GetAsAtAsync(order.OrderId, new DateOnly(2026, 3, 31)),
            await s.Queries.GetAsAtAsync(order.OrderId, new DateOnly(2026, 4, 4)),
            await s.Queries.GetAsAtAsync(order.OrderId, new DateOnly(2026, 4, 5)),
            await s.Queries.GetAsAtAsync(order.OrderId, new DateOnly(2026, 4, 29)),
        });

        // Assert
        Assert.Equal(OrderStatus.NotYetMade, results[0]!.Status);
        Assert.Empty(results[0]!.ConditionsInForce);
        Assert.Equal(OrderStatus.InForce, results[1]!.Status);
        Assert.Single(results[1]!.ConditionsInForce);
        Assert.Equal(ObligationStatus.Open, Assert.Single(results[1]!.Obligations).Status);
        Assert.Equal(ObligationStatus.Overdue, Assert.Single(results[2]!.Obligations).Status);
        Assert.Equal(OrderStatus.Expired, results[3]!.Status);
        Assert.Empty(results[3]!.ConditionsInForce);
    }

    [Fact]
    public async Task P2_GetAsAtAsync_ReadsTheOrderAndItsTermsThroughIndexesOnly()
    {
        // Arrange: on SQLite a single query for the order and its terms materialised every condition of every order.
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 3, 2)).ServedOn(new DateOnly(2026, 3, 2)));
        await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 3, 9)));
        var recorder = new QueryPlanRecorder(database.Provider);
        await using var context = database.CreateContext(recorder);

        // Act
        var asAt = await new OrderStatusQueries(context).GetAsAtAsync(order.OrderId, new DateOnly(2026, 4, 1), TestContext.Current.CancellationToken);

        // Assert
        Assert.Single(asAt!.ConditionsInForce);
        Assert.All(recorder.Plans, p => Assert.True(
            QueryPlanRecorder.FullScans(p.Plan, database.Provider).Count == 0,
            $"Scan in plan:\n{p.Plan}\nfor:\n{p.Sql}"));
    }
}
