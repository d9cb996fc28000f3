using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
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
    public async Task R13_R16_LiveOrders_AreTheOrdersInForceByTheirOwnStatusOnEveryDay()
    {
        // Arrange: the dashboard's three-part query must count exactly the orders each order itself says are in force
        // (SPA 2019 ss.3, 5), around every day on which one starts or stops.
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        var fixedTerm = await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2025, 1, 10)).LastDay(new DateOnly(2027, 1, 31)));
        var untilFurtherOrder = await testData.CreateOrderAsync(o => o.Full().UntilFurtherOrder().MadeOn(new DateOnly(2025, 6, 2)));
        var discharged = await testData.CreateOrderAsync(o => o.Full().UntilFurtherOrder().MadeOn(new DateOnly(2024, 2, 2)));
        var fixedDischarged = await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2023, 6, 1)).LastDay(new DateOnly(2027, 6, 1)));
        await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2023, 3, 1)));
        await testData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 11, 20)));
        await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2026, 12, 10)));
        foreach (var (order, on) in new[] { (discharged, new DateOnly(2026, 2, 2)), (fixedDischarged, new DateOnly(2025, 7, 1)) })
        {
            await testData.WithServicesAsync(on, s => s.Orders.DischargeAsync(new DischargeOrderOptions(order.OrderId, ApplicantParty.Defendant, null, on, on, []),
                TestData.Officer));
        }

        await using var context = database.CreateContext();
        var orders = await context.Orders.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        var days = orders
            .SelectMany(o => new[] { o.MadeOn, o.LastInForceDay, o.EndedOn })
            .OfType<DateOnly>()
            .SelectMany(d => new[] { d.AddDays(-1), d, d.AddDays(1) })
            .Concat(Enumerable.Range(0, 60).Select(i => new DateOnly(2023, 1, 1).AddDays(i * 30)))
            .Distinct()
            .Order()
            .ToList();
        var queries = new DashboardQueries(context);

        // Act
        var disagreements = new List<string>();
        foreach (var day in days)
        {
            var expected = orders.Where(o => o.IsInForceOn(day)).Select(o => o.Id).Order().ToList();
            var dashboard = (await queries.LiveOrders(day).Select(o => o.Id).ToListAsync(TestContext.Current.CancellationToken)).Order().ToList();
            var lists = (await context.Orders.AsNoTracking().InForceOn(day).Select(o => o.Id).ToListAsync(TestContext.Current.CancellationToken)).Order().ToList();
            if (!expected.SequenceEqual(dashboard) || !expected.SequenceEqual(lists))
            {
                disagreements.Add($"{day:yyyy-MM-dd}: status {expected.Count}, dashboard {dashboard.Count}, lists {lists.Count}");
            }
        }

        // Assert
        Assert.Empty(disagreements);
        Assert.Contains(days, d => orders.Count(o => o.IsInForceOn(d)) >= 4);
        Assert.Contains(orders, o => o.Id == fixedTerm.OrderId && o.IsInForceOn(new DateOnly(2027, 1, 31)) && !o.IsInForceOn(new DateOnly(2027, 2, 1)));
        Assert.Contains(orders, o => o.Id == untilFurtherOrder.OrderId && o.LastInForceDay is null && o.EndedOn is null);
        Assert.All(orders.Where(o => o.Id == discharged.OrderId || o.Id == fixedDischarged.OrderId), o => Assert.NotNull(o.EndedOn));
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
            QueryPlanRecorder.FullScans(p.Plan, database.Provider).Count == 0 && QueryPlanRecorder.FullIndexScans(p.Plan, database.Provider).Count == 0,
            $"Full scan in plan:\n{p.Plan}\nfor:\n{p.Sql}"));
    }

    // Using some index is not enough: the live count once searched ix_orders_in_force by made date, which every order
    // ever made passes, and read the whole table through it. Each figure must read an index whose leading columns
    // bound it to the rows it counts. Where two such indexes exist PostgreSQL costs them alike on a test's few rows, so
    // either is accepted. An open duty counts only while an order against its respondent is in force on its due day (SPA 2019 s.9),
    // which is looked up through the respondent's orders.
    [Theory]
    [InlineData("live orders", "ix_orders_live|ix_orders_live_by_kind")]
    [InlineData("applications in progress", "ix_applications_status")]
    [InlineData("orders not served", "ix_orders_unserved|ix_orders_live")]
    [InlineData("notifications overdue", "ix_notification_obligations_status_due_by|ix_orders_respondent_id")]
    [InlineData("notifications due soon", "ix_notification_obligations_status_due_by|ix_notification_obligations_due_statistics|ix_orders_respondent_id")]
    [InlineData("breaches this month", "ix_breaches_incident_on")]
    [InlineData("orders ending soon", "ix_orders_live")]
    [InlineData("cases without an SPO decision", "ix_cases_status_spo_decision")]
    [InlineData("reports awaiting triage", "ix_public_reports_status_submitted_at")]
    public async Task P3_EachDashboardFigure_ReadsOnlyItsIntendedIndex(string figure, string indexes)
    {
        // Arrange: orders long expired beside a live one, so that searching by made date would find them all.
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2021, 3, 1)).ServedOn(new DateOnly(2021, 3, 1)));
        await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2022, 5, 9)).ServedOn(new DateOnly(2022, 5, 9)));
        await testData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 11, 20)));
        var recorder = new QueryPlanRecorder(database.Provider);
        await using var context = database.CreateContext(recorder);
        var dashboard = new DashboardQueries(context);
        var ct = TestContext.Current.CancellationToken;

        // Act
        _ = figure switch
        {
            "live orders" => (await dashboard.CountLiveAsync(_today, ct)).Interim,
            "applications in progress" => await dashboard.ApplicationsInProgress().CountAsync(ct),
            "orders not served" => await dashboard.OrdersNotServed(_today).CountAsync(ct),
            "notifications overdue" => await dashboard.NotificationsOverdue(_today).CountAsync(ct),
            "notifications due soon" => await dashboard.NotificationsDueSoon(_today).CountAsync(ct),
            "breaches this month" => await dashboard.BreachesThisMonth(_today).CountAsync(ct),
            "orders ending soon" => await dashboard.OrdersEndingSoon(_today).CountAsync(ct),
            "cases without an SPO decision" => await dashboard.CasesWithoutSpoDecision().CountAsync(ct),
            "reports awaiting triage" => await dashboard.ReportsAwaitingTriage().CountAsync(ct),
            _ => throw new ArgumentOutOfRangeException(nameof(figure)),
        };

        // Assert
        Assert.NotEmpty(recorder.Plans);
        Assert.All(recorder.Plans, p =>
        {
            var because = $"plan:\n{p.Plan}\nfor:\n{p.Sql}";
            Assert.True(QueryPlanRecorder.FullScans(p.Plan, database.Provider).Count == 0, because);
            Assert.True(QueryPlanRecorder.FullIndexScans(p.Plan, database.Provider).Count == 0, because);
            var used = QueryPlanRecorder.IndexesUsed(p.Plan, database.Provider);
            Assert.True(used.Count > 0 && used.IsSubsetOf(indexes.Split('|')), because);
        });
    }

    [Fact]
    public async Task R39_CasesWithoutSpoDecision_LeavesOutACaseOnceItsDecisionIsRecorded()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        var decided = await testData.CreateCaseAsync();
        var waiting = await testData.CreateCaseAsync();
        await testData.WithServicesAsync(_today, s => s.Cases.RecordSpoDecisionAsync(new RecordSpoDecisionOptions(decided.CaseId, SpoDecisionOutcome.DoNotApply,
            "Threshold not met: a single contact, no fixation shown.", "DI Jones", null), TestData.Officer));
        await using var context = database.CreateContext();

        // Act
        var waitingIds = await new DashboardQueries(context).CasesWithoutSpoDecision().Select(c => c.Id).ToListAsync(TestContext.Current.CancellationToken);
        var figures = await new DashboardQueries(context).GetAsync(_today, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal([waiting.CaseId], waitingIds);
        Assert.Equal(1, figures.CasesWithoutSpoDecision);
        Assert.Equal(_today, (await context.Cases.SingleAsync(c => c.Id == decided.CaseId, TestContext.Current.CancellationToken)).LatestSpoDecisionOn);
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

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "SEARCH orders USING COVERING INDEX ix_orders_live (last_in_force_day>?)\nSCAN cases USING INDEX ix_cases_status", "ix_cases_status")]
    [InlineData(DatabaseProvider.Sqlite, "SCAN o USING COVERING INDEX ix_orders_in_force", "ix_orders_in_force")]
    [InlineData(DatabaseProvider.Postgres, "Aggregate\n  ->  Index Only Scan using ix_orders_in_force on orders o\n        Filter: (last_in_force_day >= $1)", "ix_orders_in_force")]
    public void FullIndexScans_IndexReadEndToEnd_NamesTheIndex(DatabaseProvider provider, string plan, string index)
    {
        // Arrange, Act
        var scans = QueryPlanRecorder.FullIndexScans(plan, provider);

        // Assert
        Assert.Equal([index], scans);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "SEARCH orders USING COVERING INDEX ix_orders_live (last_in_force_day>?)")]
    [InlineData(DatabaseProvider.Postgres, "Aggregate\n  ->  Index Only Scan using ix_orders_live on orders o\n        Index Cond: (last_in_force_day >= $1)\n        Filter: (made_date <= $1)\n  ->  Index Only Scan using ix_orders_live on orders o_1\n        Index Cond: ((last_in_force_day IS NULL) AND (ended_on IS NULL))")]
    public void FullIndexScans_BoundedIndexSearches_FindsNone(DatabaseProvider provider, string plan)
    {
        // Arrange, Act
        var scans = QueryPlanRecorder.FullIndexScans(plan, provider);

        // Assert
        Assert.Empty(scans);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "MULTI-INDEX OR\n  INDEX 1\n    SEARCH o USING COVERING INDEX ix_a (status=?)\n  INDEX 2\n    SEARCH o USING INDEX ix_b (status=? AND due_by<?)", "ix_a,ix_b")]
    [InlineData(DatabaseProvider.Postgres, "Aggregate\n  ->  Bitmap Heap Scan on notification_obligations o\n        ->  BitmapOr\n              ->  Bitmap Index Scan on ix_a\n              ->  Bitmap Index Scan on ix_a\n  ->  Index Scan using ix_b on orders", "ix_a,ix_b")]
    public void IndexesUsed_Plan_NamesEachIndexOnce(DatabaseProvider provider, string plan, string indexes)
    {
        // Arrange, Act
        var used = QueryPlanRecorder.IndexesUsed(plan, provider);

        // Assert
        Assert.Equal(indexes.Split(','), used.Order());
    }
}
