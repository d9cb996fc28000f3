using StalkingProtection.Core.Data;
using StalkingProtection.Core.Statistics;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Statistics;

public class DashboardQueriesTests
{
    private static readonly DateOnly _today = new(2026, 11, 28);

    [Fact]
    public async Task Get_OrdersAtEveryStage_CountsOnlyWhatIsLiveAndDue()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 3)));
        await testData.CreateOrderAsync(o => o.Full().UntilFurtherOrder().MadeOn(new DateOnly(2025, 6, 2)).ServedOn(new DateOnly(2025, 6, 2)));
        await testData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 11, 20)));
        await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2023, 3, 1)).ServedOn(new DateOnly(2023, 3, 1)));
        await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2025, 1, 10)).LastDay(new DateOnly(2027, 1, 31)).ServedOn(new DateOnly(2025, 1, 10)));
        await using var context = database.CreateContext();

        // Act
        var figures = await new DashboardQueries(context).GetAsync(_today, TestContext.Current.CancellationToken);

        // Assert: the 2023 order has ended; the interim (last day 17 December) and the January 2027 order end within 90 days.
        Assert.Equal(4, figures.LiveOrders);
        Assert.Equal(1, figures.LiveInterim);
        Assert.Equal(3, figures.LiveFull);
        Assert.Equal(1, figures.OrdersNotServed);
        Assert.Equal(2, figures.OrdersEndingSoon);
    }

    [Fact]
    public async Task P3_EveryDashboardQuery_UsesAnIndexForEveryTable()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        await new TestData(database).CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 11, 20)));
        var recorder = new QueryPlanRecorder(database.Provider);
        await using var context = database.CreateContext(recorder);

        // Act
        await new DashboardQueries(context).GetAsync(_today, TestContext.Current.CancellationToken);

        // Assert
        Assert.True(recorder.Plans.Count >= 8, $"Expected a query per figure, saw {recorder.Plans.Count}.");
        Assert.All(recorder.Plans, p => Assert.True(
            QueryPlanRecorder.FullScans(p.Plan, database.Provider).Count == 0,
            $"Full scan in plan:\n{p.Plan}\nfor:\n{p.Sql}"));
    }
}

public class QueryPlanRecorderTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "SCAN orders\nSEARCH breaches USING INDEX ix_breaches_incident_on (incident_on>?)", "orders")]
    [InlineData(DatabaseProvider.Sqlite, "CO-ROUTINE o0\nSEARCH o USING INDEX sqlite_autoindex_orders_1 (id=?)\nMATERIALIZE s0\nSCAN c0\nSCAN o0", "c0")]
    [InlineData(DatabaseProvider.Postgres, "Aggregate  (cost=1.0..2.0 rows=1 width=8)\n  ->  Seq Scan on orders o  (cost=10000000000.00..10000000001.05 rows=1 width=0)", "orders")]
    public void FullScans_PlanWithAScan_NamesTheTable(DatabaseProvider provider, string plan, string table)
    {
        // Arrange, Act
        var scans = QueryPlanRecorder.FullScans(plan, provider);

        // Assert
        Assert.Equal([table], scans);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "SEARCH orders USING COVERING INDEX ix_orders_in_force (made_on<?)\nSCAN cases USING INDEX ix_cases_status")]
    [InlineData(DatabaseProvider.Postgres, "Aggregate\n  ->  Index Only Scan using ix_orders_in_force on orders o")]
    [InlineData(DatabaseProvider.Sqlite, "CO-ROUTINE o0\nSEARCH o USING COVERING INDEX sqlite_autoindex_orders_1 (id=?)\nSCAN o0\nSEARCH c USING INDEX ix_condition_sets_order_id_number (order_id=?)")]
    public void FullScans_PlanUsingIndexes_FindsNone(DatabaseProvider provider, string plan)
    {
        // Arrange, Act
        var scans = QueryPlanRecorder.FullScans(plan, provider);

        // Assert
        Assert.Empty(scans);
    }
}
