using StalkingProtection.Core.Orders;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Orders;

/// <summary>Whether a full order replaced an interim order (SPA 2019 s.5(6)(b), R19), as the order page asks on every view.</summary>
public sealed class ReplacedByFullOrderTests
{
    [Fact]
    public async Task R19_P2_ReplacedByFullOrder_InterimReplacedAndNot_AnswersEachThroughTheIndexNotEveryOrder()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        var replaced = await testData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 2)));
        var full = await testData.CreateOrderAsync(o => o.ReplacingInterim(replaced).MadeOn(new DateOnly(2026, 2, 20)).ServedOn(new DateOnly(2026, 2, 20)));
        var standing = await testData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 3, 2)).ServedOn(new DateOnly(2026, 3, 2)));
        var recorder = new QueryPlanRecorder(database.Provider);
        await using var db = database.CreateContext(recorder);
        var ct = TestContext.Current.CancellationToken;

        // Act
        var answers = new[]
        {
            await OrderEnd.ReplacedByFullOrderAsync(db, replaced.OrderId, ct),
            await OrderEnd.ReplacedByFullOrderAsync(db, standing.OrderId, ct),
            await OrderEnd.ReplacedByFullOrderAsync(db, full.OrderId, ct),
        };

        // Assert
        Assert.Equal([true, false, false], answers);
        Assert.Equal(3, recorder.Plans.Count);
        Assert.All(recorder.Plans, p =>
        {
            var because = $"plan:\n{p.Plan}\nfor:\n{p.Sql}";
            Assert.True(QueryPlanRecorder.IndexesUsed(p.Plan, database.Provider).Contains("ix_orders_replaced_interim_order_id"), because);
            // SQLite's "SCAN CONSTANT ROW" is the outer SELECT EXISTS, which has no table.
            Assert.True(QueryPlanRecorder.FullScans(p.Plan, database.Provider).All(table => table == "CONSTANT"), because);
            Assert.True(QueryPlanRecorder.FullIndexScans(p.Plan, database.Provider).Count == 0, because);
        });
    }
}
