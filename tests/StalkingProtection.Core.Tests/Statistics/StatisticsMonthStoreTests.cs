using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Statistics;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Statistics;

public class StatisticsMonthStoreTests
{
    private static readonly DateOnly _today = new(2026, 11, 28);
    private static readonly Actor _analyst = new("analyst-1", "Ana Lyst", Core.Staff.StaffRoles.Analyst, null);
    private static readonly string[] _teams = ["North", "South", "East"];

    private static IReadOnlyList<DischargeConsent> ConsentsOn(DateOnly day) =>
    [
        new(ConsentParty.Defendant, day, ConsentMethod.InWriting),
        new(ConsentParty.RelevantChiefOfficer, day, ConsentMethod.InWriting),
    ];

    [Fact]
    public async Task P4_StoredMonths_GiveTheReturnCountedFromTheRecords_ForRandomHistoriesAndPeriods()
    {
        // Arrange
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        await using var database = await TestDatabase.CreateAsync();
        await BuildHistoryAsync(new TestData(database), random);
        var periods = Enumerable.Range(0, 10).Select(_ => RandomPeriod(random))
            .Append(new StatisticsPeriod(new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31)))
            .Append(new StatisticsPeriod(new DateOnly(2025, 3, 1), _today))
            .Append(new StatisticsPeriod(new DateOnly(2025, 3, 5), new DateOnly(2025, 9, 25)))
            .Append(new StatisticsPeriod(new DateOnly(2025, 3, 25), new DateOnly(2025, 9, 5)))
            .Append(new StatisticsPeriod(new DateOnly(2026, 2, 10), new DateOnly(2026, 2, 14)))
            .ToList();

        // Act
        var refresh = await RefreshAsync(database);
        var storedMonths = await StoredMonthsAsync(database);
        var stored = await ReturnsAsync(database, periods);
        await ForgetStoredMonthsAsync(database);
        var counted = await ReturnsAsync(database, periods);

        // Assert: every month from the first record's to October 2026 stored, and every return the same as counted from the records alone.
        Assert.Equal(Enumerable.Range(0, refresh.MonthsCounted).Select(i => new DateOnly(2026, 10, 1).AddMonths(i - refresh.MonthsCounted + 1)), storedMonths);
        Assert.True(refresh.MonthsCounted >= 31, $"Seed {seed}: {refresh.MonthsCounted} months stored");
        for (var i = 0; i < periods.Count; i++)
        {
            Assert.True(Json(counted[i]) == Json(stored[i]), $"Seed {seed}, {periods[i]}:\ncounted {Json(counted[i])}\nstored  {Json(stored[i])}");
            Assert.Equal(await InForceByKindAsync(database, periods[i].To), stored[i].LiveOnLastDay);
        }
    }

    [Fact]
    public async Task P4_ChangesToStoredMonths_AreCountedFromTheRecordsUntilTheMonthsAreStoredAgain()
    {
        // Arrange: three orders in North in 2025, a pending application, all stored.
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        var ct = TestContext.Current.CancellationToken;
        var march = await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2025, 3, 12)).ServedOn(new DateOnly(2025, 3, 12)).WithCase(c => c.InTeam("North")));
        var june = await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2025, 6, 3)).WithCase(c => c.InTeam("North")));
        await testData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2025, 9, 30)).WithCase(c => c.InTeam("North")));
        var pending = await testData.CreateApplicationAsync(a => a.Lodged(new DateOnly(2025, 4, 2)));
        await RefreshAsync(database);
        var periods = new[]
        {
            new StatisticsPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
            new StatisticsPeriod(new DateOnly(2025, 4, 1), new DateOnly(2026, 6, 30)),
            new StatisticsPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 10, 31)),
        };

        // Act: a case moved to South, an order discharged, an application withdrawn and a decision to apply dated in March 2025,
        // each a change to months already stored.
        await testData.WithServicesAsync(_today, s => s.Cases.ReassignAsync(new ReassignCaseOptions(june.Case.CaseId, TestData.Officer.Name, "South",
            "The respondent moved into South's area", null), TestData.Coordinator, ct));
        await testData.WithServicesAsync(new DateOnly(2025, 8, 14), s => s.Orders.DischargeAsync(new DischargeOrderOptions(march.OrderId,
            ApplicantParty.Defendant, null, new DateOnly(2025, 8, 14), new DateOnly(2025, 8, 14), ConsentsOn(new DateOnly(2025, 8, 11))), TestData.Officer, ct));
        await testData.WithServicesAsync(_today, s => s.Applications.DetermineAsync(
            new DetermineApplicationOptions(pending.ApplicationId, Determination.Withdrawn, "The victim moved abroad and the risk fell away"), TestData.Officer, ct));
        await testData.WithServicesAsync(new DateOnly(2025, 3, 1), s => s.Cases.RecordSpoDecisionAsync(new RecordSpoDecisionOptions(march.Case.CaseId,
            SpoDecisionOutcome.Apply, "Repeated fixated contact; an order is needed to protect her", null, null), TestData.Coordinator, ct));
        var changed = await ChangedMonthsAsync(database);
        var beforeStoring = await ReturnsAsync(database, periods);
        var refresh = await RefreshAsync(database);
        var afterStoring = await ReturnsAsync(database, periods);
        await ForgetStoredMonthsAsync(database);
        var counted = await ReturnsAsync(database, periods);

        // Assert: the months of June's order (made in June, ending in June 2027) and of March's (made, discharged, decided).
        Assert.Superset(new HashSet<DateOnly> { new(2025, 3, 1), new(2025, 4, 1), new(2025, 6, 1), new(2025, 8, 1) }, changed.ToHashSet());
        Assert.Equal(changed.Count(m => m < new DateOnly(2026, 11, 1)), refresh.MonthsCounted);
        for (var i = 0; i < periods.Length; i++)
        {
            Assert.Equal(Json(counted[i]), Json(beforeStoring[i]));
            Assert.Equal(Json(counted[i]), Json(afterStoring[i]));
        }

        // In 2025 North made March's and September's orders (March's discharged, September's interim ended, its main application
        // lodged with it); South has June's, in force.
        var year = counted[0];
        Assert.Equal([("North", 3, 2, 0), ("South", 1, 1, 1)],
            year.ByTeam.Where(t => t.Team is "North" or "South").Select(t => (t.Team, t.ApplicationsMade, t.OrdersMade, t.LiveOnLastDay)));
        Assert.Equal(1, year.OrderChangesByType[OrderChangeType.Discharge]);
        Assert.Equal(1, year.Applications[ApplicationType.Full][ApplicationOutcome.Withdrawn]);
        Assert.Empty(await ChangedMonthsAsync(database));
    }

    [Fact]
    public async Task P4_Refresh_SecondRunCountsNothingAndClearsChangesToMonthsNotEnded()
    {
        // Arrange: an order made this month, whose months (this month, and the month after its last day) have not ended.
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2026, 10, 20)));
        await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2026, 11, 20)));

        // Act
        var first = await RefreshAsync(database);
        var second = await RefreshAsync(database);

        // Assert: October stored, not November (today is 28 November); nothing the second time.
        await using var context = database.CreateContext();
        var stored = await context.Set<StatisticsMonth>().OrderBy(m => m.Month).Select(m => m.Month).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new DateOnly(2026, 10, 1), stored[^1]);
        Assert.Equal(stored.Count, first.MonthsCounted);
        Assert.True(first.ChangesCleared > 0);
        Assert.Equal(new StatisticsMonthRefresh(0, 0), second);
        Assert.Empty(await ChangedMonthsAsync(database));
    }

    [Fact]
    public void P4_Plan_ForRandomStoredMonthsAndPeriods_CountsEveryDayOfThePeriodOnceAndEveryDayToItsEndOnceForOrdersInForce()
    {
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        for (var trial = 0; trial < 1_000; trial++)
        {
            // Arrange
            var stored = Enumerable.Range(0, 48).Select(i => new DateOnly(2023, 1, 1).AddMonths(i)).Where(_ => random.Next(5) > 0).ToList();
            var from = new DateOnly(2023, 1, 1).AddDays(random.Next(1_400));
            var to = from.AddDays(random.Next(500));

            // Act
            var plan = StatisticsPlan.For(from, to, stored);

            // Assert: how many times each day is counted, for everything else and for the orders in force.
            var start = new DateOnly(2022, 1, 1);
            var figures = new Dictionary<DateOnly, int>();
            var inForce = new Dictionary<DateOnly, int>();
            void Count(DateOnly first, DateOnly last, StatisticsPart part, int sign)
            {
                for (var day = first < start ? start : first; day <= last; day = day.AddDays(1))
                {
                    if (part != StatisticsPart.StartsAndEnds)
                    {
                        figures[day] = figures.GetValueOrDefault(day) + sign;
                    }

                    if (part != StatisticsPart.AllButStartsAndEnds)
                    {
                        inForce[day] = inForce.GetValueOrDefault(day) + sign;
                    }
                }
            }

            foreach (var month in plan.StoredWhole)
            {
                Assert.Contains(month, stored);
                Count(month, month.AddMonths(1).AddDays(-1), StatisticsPart.Everything, 1);
            }

            foreach (var month in plan.StoredBefore)
            {
                Assert.Contains(month, stored);
                Assert.True(month.AddMonths(1) <= from);
                Count(month, month.AddMonths(1).AddDays(-1), StatisticsPart.StartsAndEnds, 1);
            }

            foreach (var range in plan.Counted)
            {
                Count(range.From, range.To, range.Part, range.Sign);
            }

            for (var day = start; day <= to.AddDays(40); day = day.AddDays(1))
            {
                var expected = (Figures: day >= from && day <= to ? 1 : 0, InForce: day <= to ? 1 : 0);
                Assert.True(expected == (figures.GetValueOrDefault(day), inForce.GetValueOrDefault(day)),
                    $"Seed {seed}, {from}..{to}: {day} counted {(figures.GetValueOrDefault(day), inForce.GetValueOrDefault(day))}, not {expected}");
            }

            Assert.True(plan.Counted.Count <= StatisticsPlan.MaxCountedRanges);

            // A stored month is used less the days outside the period only when they are fewer than the days inside it.
            Assert.All(plan.Counted.Where(r => r.Sign < 0), r => Assert.True(r.To.DayNumber - r.From.DayNumber + 1 < 16, $"Seed {seed}: {r}"));
        }
    }

    [Fact]
    public void DaysMedian_FromRecordsCountedByDays_IsTheMedianOfTheDays()
    {
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        for (var trial = 0; trial < 500; trial++)
        {
            var days = Enumerable.Range(0, random.Next(0, 30)).Select(_ => random.Next(0, 12)).ToList();
            var byDays = days.GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());
            Assert.True(DaysMedian.Of(days) == DaysMedian.Of(byDays), $"Seed {seed}: {string.Join(",", days)}");
        }
    }

    [Fact]
    public void StatisticsTally_AddedAfterARoundTripThroughJson_AddsEveryCountAndTakesAwayAPart()
    {
        // Arrange
        var first = new StatisticsTally();
        first.Applications[StatisticsTally.Key(ApplicationType.Full, ApplicationOutcome.Granted)] = 2;
        first.OrdersByKind[OrderKind.Full] = 3;
        first.Breaches[BreachOutcome.Charged] = 1;
        first.ReportToDecision[9] = 4;
        first.Months["2026-01"] = new StatisticsTally.MonthCounts(1, 2, 3, 4);
        first.Teams["North/East"] = new StatisticsTally.TeamCounts(1, 1, 1);
        first.Starts[StatisticsTally.Key(OrderKind.Full, "North/East")] = 5;
        var second = StatisticsTally.FromJson(first.ToJson());

        // Act
        first.Add(second, StatisticsPart.Everything);

        // Assert
        Assert.Equal(4, first.Applications["Full/Granted"]);
        Assert.Equal(6, first.OrdersByKind[OrderKind.Full]);
        Assert.Equal(2, first.Breaches[BreachOutcome.Charged]);
        Assert.Equal(8, first.ReportToDecision[9]);
        Assert.Equal(new StatisticsTally.MonthCounts(2, 4, 6, 8), first.Months["2026-01"]);
        Assert.Equal(new StatisticsTally.TeamCounts(2, 2, 2), first.Teams["North/East"]);
        Assert.Equal(10, first.Starts["Full/North/East"]);

        // Act: the same taken away, but for the orders started and ended.
        first.Add(second, StatisticsPart.AllButStartsAndEnds, -1);

        // Assert
        Assert.Equal(2, first.Applications["Full/Granted"]);
        Assert.Equal(new StatisticsTally.MonthCounts(1, 2, 3, 4), first.Months["2026-01"]);
        Assert.Equal(10, first.Starts["Full/North/East"]);
    }

    /// <summary>Orders over 2024 to 2026 in three teams, some served, discharged or breached, with decisions and applications of their own.</summary>
    private static async Task BuildHistoryAsync(TestData testData, Random random)
    {
        var ct = TestContext.Current.CancellationToken;
        var orders = new List<CreatedOrder>();
        for (var i = 0; i < 10; i++)
        {
            // The first order is made in the first two months so that every history spans at least 31 stored months.
            var made = new DateOnly(2024, 1, 15).AddDays(random.Next(i == 0 ? 45 : 1_000));
            var team = _teams[random.Next(_teams.Length)];
            var interim = random.Next(4) == 0;
            var untilFurtherOrder = !interim && random.Next(5) == 0;
            var served = random.Next(2) == 0;
            var order = await testData.CreateOrderAsync(o =>
            {
                _ = interim ? o.Interim() : o.Full();
                if (untilFurtherOrder)
                {
                    o.UntilFurtherOrder();
                }

                o.MadeOn(made).WithCase(c => c.InTeam(team));
                if (served)
                {
                    o.ServedOn(made);
                }
            });
            orders.Add(order);

            if (random.Next(2) == 0)
            {
                var decided = made.AddDays(-random.Next(3, 8));
                await testData.WithServicesAsync(decided, s => s.Cases.RecordSpoDecisionAsync(new RecordSpoDecisionOptions(order.Case.CaseId,
                    SpoDecisionOutcome.Apply, "Repeated fixated contact; an order is needed to protect her", null, null), TestData.Coordinator, ct));
            }

            var incident = made.AddDays(random.Next(1, 20));
            if (served && random.Next(3) == 0 && incident < _today)
            {
                await testData.WithServicesAsync(incident, s => s.Breaches.RecordBreachAsync(new RecordBreachOptions(order.OrderId, order.ConditionIds[0],
                    LondonTime.ToUtc(incident, new TimeOnly(random.Next(12), 0)), null, "Sent her a message"), TestData.Officer, ct));
            }

            var discharged = made.AddDays(random.Next(30, 400));
            if (!interim && random.Next(3) == 0 && discharged < _today)
            {
                await testData.WithServicesAsync(discharged, s => s.Orders.DischargeAsync(new DischargeOrderOptions(order.OrderId, ApplicantParty.Defendant, null,
                    discharged, discharged, ConsentsOn(discharged.AddDays(-3))), TestData.Officer, ct));
            }
        }

        for (var i = 0; i < 4; i++)
        {
            var application = await testData.CreateApplicationAsync(a => a.Lodged(new DateOnly(2024, 2, 1).AddDays(random.Next(1_000))));
            if (random.Next(2) == 0)
            {
                await testData.WithServicesAsync(_today, s => s.Applications.DetermineAsync(
                    new DetermineApplicationOptions(application.ApplicationId, Determination.Withdrawn, "The victim moved abroad and the risk fell away"),
                    TestData.Officer, ct));
            }
        }
    }

    private static StatisticsPeriod RandomPeriod(Random random)
    {
        var from = new DateOnly(2023, 11, 1).AddDays(random.Next(1_100));
        var to = from.AddDays(random.Next(700));
        return new StatisticsPeriod(from, to > _today ? _today : to);
    }

    private static async Task<StatisticsMonthRefresh> RefreshAsync(TestDatabase database)
    {
        await using var context = database.CreateContext();
        return await new StatisticsMonthStore(context, TestData.ClockAt(_today)).RefreshAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<List<StatisticsReturn>> ReturnsAsync(TestDatabase database, IEnumerable<StatisticsPeriod> periods)
    {
        var returns = new List<StatisticsReturn>();
        foreach (var period in periods)
        {
            await using var context = database.CreateContext();
            returns.Add(await new StatisticsService(context, new AuditLog(context, TestData.ClockAt(_today)))
                .GetAsync(period, _today, _analyst, "page", TestContext.Current.CancellationToken));
        }

        return returns;
    }

    private static async Task ForgetStoredMonthsAsync(TestDatabase database)
    {
        await using var context = database.CreateContext();
        await context.Set<StatisticsMonth>().ExecuteDeleteAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<List<DateOnly>> StoredMonthsAsync(TestDatabase database)
    {
        await using var context = database.CreateContext();
        return await context.Set<StatisticsMonth>().Select(m => m.Month).OrderBy(m => m).ToListAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<List<DateOnly>> ChangedMonthsAsync(TestDatabase database)
    {
        await using var context = database.CreateContext();
        return await context.Set<StatisticsMonthChange>().Select(c => c.Month).Distinct().OrderBy(m => m).ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The orders in force on the day, counted as the order lookup counts them (SPA 2019 s.5): the oracle for the starts and ends.</summary>
    private static async Task<IReadOnlyDictionary<OrderKind, int>> InForceByKindAsync(TestDatabase database, DateOnly day)
    {
        await using var context = database.CreateContext();
        var counts = await context.Orders.IgnoreAutoIncludes().InForceOn(day).GroupBy(o => o.Kind)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(TestContext.Current.CancellationToken);
        return Enum.GetValues<OrderKind>().ToDictionary(k => k, k => counts.Where(c => c.Key == k).Sum(c => c.Count));
    }

    private static string Json(StatisticsReturn figures) => JsonSerializer.Serialize(figures);
}
