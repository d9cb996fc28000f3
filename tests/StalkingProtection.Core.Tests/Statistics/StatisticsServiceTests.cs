using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Statistics;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Statistics;

public class StatisticsServiceTests
{
    private static readonly DateOnly _today = new(2026, 11, 28);
    private static readonly StatisticsPeriod _firstHalf2026 = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30));
    private static readonly Actor _analyst = new("analyst-1", "Ana Lyst", Core.Staff.StaffRoles.Analyst, null);

    /// <summary>
    /// Records on the first and last day of the period count; the day before and the day after do not. Instants (cases opened,
    /// breach incidents) are placed by London time, which is BST on 30 June.
    /// </summary>
    private static async Task<TestDatabase> BuildDataSetAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        var ct = TestContext.Current.CancellationToken;

        // Orders: A on the first day, B on the last, C the day before, F the day after; D interim; E until further order.
        var a = await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2026, 1, 1)).ServedOn(new DateOnly(2026, 1, 1)));
        var b = await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2026, 6, 30)).LastDay(new DateOnly(2032, 6, 29)));
        var c = await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2025, 12, 31)));
        var d = await testData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 3, 2)).ServedOn(new DateOnly(2026, 3, 2)));
        await testData.CreateOrderAsync(o => o.Full().UntilFurtherOrder().MadeOn(new DateOnly(2026, 4, 1)));
        var f = await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2026, 7, 1)));

        // Applications with no order: withdrawn (first day), pending (last day), pending (day before), refused.
        var g = await testData.CreateApplicationAsync(x => x.Lodged(new DateOnly(2026, 1, 1)));
        var h = await testData.CreateApplicationAsync(x => x.Lodged(new DateOnly(2026, 6, 30)));
        await testData.CreateApplicationAsync(x => x.Lodged(new DateOnly(2025, 12, 31)));
        var j = await testData.CreateApplicationAsync(x => x.Lodged(new DateOnly(2026, 5, 6)));
        await testData.WithServicesAsync(new DateOnly(2026, 2, 1), s => s.Applications.DetermineAsync(
            new DetermineApplicationOptions(g.ApplicationId, Determination.Withdrawn, "The victim moved abroad and the risk fell away"), TestData.Officer, ct));
        await testData.WithServicesAsync(new DateOnly(2026, 6, 1), s => s.Applications.DetermineAsync(
            new DetermineApplicationOptions(j.ApplicationId, Determination.Refused, "The court found limb (c) not met"), TestData.Officer, ct));

        // Cases opened either side of London midnight at both ends of the period.
        foreach (var instant in new[] { "2025-12-31T23:59:59Z", "2026-01-01T00:00:00Z", "2026-06-30T22:59:59Z", "2026-06-30T23:00:00Z" })
        {
            await using var context = database.CreateContext();
            var services = new TestData.Services(context, new FakeTimeProvider(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
            await services.Cases.OpenCaseAsync(new OpenCaseOptions([TestData.RandomCrimeReference()], OffencesConsidered.StalkingPha2A,
                new DateOnly(2025, 12, 20), TestData.Officer.Name, "Stalking Team"), TestData.Officer, ct);
        }

        // SPO decisions: apply on the last day, do not apply on the first, apply the day after.
        await testData.WithServicesAsync(new DateOnly(2026, 6, 30), s => s.Cases.RecordSpoDecisionAsync(new RecordSpoDecisionOptions(b.Case.CaseId,
            SpoDecisionOutcome.Apply, "Repeated fixated contact; an order is needed to protect her", null, null), TestData.Coordinator, ct));
        await testData.WithServicesAsync(new DateOnly(2026, 1, 1), s => s.Cases.RecordSpoDecisionAsync(new RecordSpoDecisionOptions(h.Case.CaseId,
            SpoDecisionOutcome.DoNotApply, "A restraining order on conviction already protects her", null, null), TestData.Coordinator, ct));
        await testData.WithServicesAsync(new DateOnly(2026, 7, 1), s => s.Cases.RecordSpoDecisionAsync(new RecordSpoDecisionOptions(f.Case.CaseId,
            SpoDecisionOutcome.Apply, "Repeated fixated contact; an order is needed to protect her", null, null), TestData.Coordinator, ct));

        // Breaches of A: 23:30 BST on 30 June (in), 00:30 BST on 1 July (out), one in February later charged.
        var reported = new DateOnly(2026, 7, 2);
        Task<Guid> Breach(string instant) => testData.WithServicesAsync(reported, async s => (await s.Breaches.RecordBreachAsync(new RecordBreachOptions(a.OrderId,
            a.ConditionIds[0], DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), null, "Sent her a message"), TestData.Officer, ct)).BreachId);
        await Breach("2026-06-30T22:30:00Z");
        await Breach("2026-06-30T23:30:00Z");
        var charged = await Breach("2026-02-10T12:00:00Z");
        await testData.WithServicesAsync(reported, s => s.Breaches.RecordOutcomeAsync(new RecordBreachOutcomeOptions(charged, BreachOutcome.Charged, null, null),
            TestData.Officer, ct));

        // Notification duties: A's (due 3 January) left open, so overdue; D's (due 4 March) excused.
        await testData.WithServicesAsync(new DateOnly(2026, 3, 3), s => s.Notifications.ExcuseAsync(
            new ExcuseObligationOptions(d.ObligationId!.Value, "In hospital under the Mental Health Act"), TestData.Officer, ct));

        // Appeals: against A's making (first day), dismissed; against C's making (the day before).
        foreach (var (order, decided) in new[] { (a, new DateOnly(2026, 1, 1)), (c, new DateOnly(2025, 12, 31)) })
        {
            var appealId = await testData.WithServicesAsync(decided.AddDays(5), async s => (await s.Appeals.LodgeAsync(new LodgeAppealOptions(order.OrderId, null,
                AppellantType.Defendant, AppealableDecision.MakingOfOrder, decided, decided.AddDays(21), decided.AddDays(5), "The order is disproportionate"),
                TestData.Officer, ct)).AppealId);
            if (order == a)
            {
                await testData.WithServicesAsync(new DateOnly(2026, 3, 1), s => s.Appeals.DecideAsync(
                    new DecideAppealOptions(appealId, AppealOutcome.Dismissed, new DateOnly(2026, 3, 1), "A20260001"), TestData.Officer, ct));
            }
        }

        return database;
    }

    [Fact]
    public async Task Get_BuiltDataSet_CountsEveryFigureWithBothEndsOfThePeriodIncluded()
    {
        // Arrange
        await using var database = await BuildDataSetAsync();
        await using var context = database.CreateContext();
        var service = new StatisticsService(context, new AuditLog(context, TestData.ClockAt(_today)));

        // Act
        var figures = await service.GetAsync(_firstHalf2026, _today, _analyst, "page", TestContext.Current.CancellationToken);

        // Assert: full applications lodged in the period are B, D's main, E, F, G, H and J; the interim one is D's.
        var full = figures.Applications[ApplicationType.Full];
        Assert.Equal(7, figures.ApplicationsMade(ApplicationType.Full));
        Assert.Equal(3, full[ApplicationOutcome.Granted]);
        Assert.Equal(1, full[ApplicationOutcome.Refused]);
        Assert.Equal(1, full[ApplicationOutcome.Withdrawn]);
        Assert.Equal(2, full[ApplicationOutcome.Pending]);
        Assert.Equal(1, figures.Applications[ApplicationType.Interim][ApplicationOutcome.Granted]);
        Assert.Equal(1, figures.ApplicationsMade(ApplicationType.Interim));
        Assert.Equal(0, figures.ApplicationsMade(ApplicationType.Variation));

        Assert.Equal(1, figures.OrdersMadeByKind[OrderKind.Interim]);
        Assert.Equal(3, figures.OrdersMadeByKind[OrderKind.Full]);
        Assert.Equal(4, figures.OrdersMadeByOrigin[OrderOrigin.PoliceApplicationMagistrates]);
        Assert.Equal(0, figures.OrdersMadeByOrigin[OrderOrigin.CourtOnConviction]);
        Assert.Equal(1, figures.FullOrdersByDuration[DurationBand.TwoYears]);
        Assert.Equal(0, figures.FullOrdersByDuration[DurationBand.TwoToFiveYears]);
        Assert.Equal(1, figures.FullOrdersByDuration[DurationBand.FiveToTenYears]);
        Assert.Equal(1, figures.FullOrdersByDuration[DurationBand.UntilFurtherOrder]);

        // A, B (made that day), C and E are in force on 30 June; D's 28 days ended in March.
        Assert.Equal(4, figures.LiveOnLastDay[OrderKind.Full]);
        Assert.Equal(0, figures.LiveOnLastDay[OrderKind.Interim]);

        Assert.Equal(1, figures.BreachesByOutcome[BreachOutcome.UnderInvestigation]);
        Assert.Equal(1, figures.BreachesByOutcome[BreachOutcome.Charged]);
        Assert.Equal(1, figures.ObligationsByState[ObligationState.Overdue]);
        Assert.Equal(1, figures.ObligationsByState[ObligationState.Excused]);
        Assert.Equal(0, figures.ObligationsByState[ObligationState.Met]);
        Assert.Equal(1, figures.AppealsByOutcome[AppealOutcome.Dismissed]);
        Assert.Equal(0, figures.AppealsByOutcome[AppealOutcome.Pending]);

        // Cases of B, D, E, F, H and J, and the two opened at or before London midnight inside the period.
        Assert.Equal(8, figures.CasesOpened);
        Assert.Equal(1, figures.SpoDecisions[SpoDecisionOutcome.Apply]);
        Assert.Equal(1, figures.SpoDecisions[SpoDecisionOutcome.DoNotApply]);
    }

    [Fact]
    public async Task Get_AnyPeriod_IsAuditedAsAConsultationWithThePeriodOnly()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        await using var context = database.CreateContext();
        var service = new StatisticsService(context, new AuditLog(context, TestData.ClockAt(_today)));

        // Act
        await service.GetAsync(_firstHalf2026, _today, _analyst, "csv", TestContext.Current.CancellationToken);

        // Assert
        var entry = await context.AuditEntries.SingleAsync(e => e.Action == "Statistics.Viewed", TestContext.Current.CancellationToken);
        Assert.Equal(AuditKind.Consultation, entry.Kind);
        Assert.Equal("analyst-1", entry.ActorId);
        Assert.Equal("""{"from":"2026-01-01","to":"2026-06-30","format":"csv"}""", entry.NewValues);
    }

    [Theory]
    [InlineData("2026-07-01", "2026-06-30", "from")]
    [InlineData("2026-01-01", "2026-11-29", "to")]
    public async Task Get_PeriodBackwardsOrInTheFuture_IsRefused(string from, string to, string field)
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        await using var context = database.CreateContext();
        var service = new StatisticsService(context, new AuditLog(context, TestData.ClockAt(_today)));
        var period = new StatisticsPeriod(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

        // Act
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => service.GetAsync(period, _today, _analyst, "page", TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal(field, Assert.Single(error.Violations).Field);
    }

    /// <summary>
    /// Four orders in two teams over the first quarter of 2026, each case reported nine days and each application lodged two
    /// days before its order was made (W's case reported on 3 January), with a decision to apply before each application.
    /// </summary>
    [Fact]
    public async Task R33_Get_TwoTeamsOverAQuarter_GivesChangesOffencesMediansMonthsAndTeamsAsCountedByHand()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        var ct = TestContext.Current.CancellationToken;
        var x = await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2026, 2, 10)).ServedOn(new DateOnly(2026, 2, 10)).WithCase(c => c.InTeam("North")));
        var y = await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2026, 3, 20)).ServedOn(new DateOnly(2026, 3, 20)).WithCase(c => c.InTeam("North")));
        var z = await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2026, 3, 5)).WithCase(c => c.InTeam("South")));
        var w = await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2026, 3, 25)).WithCase(c => c.InTeam("South").Reported(new DateOnly(2026, 1, 3))));
        foreach (var (order, decided) in new[] { (x, new DateOnly(2026, 2, 5)), (y, new DateOnly(2026, 3, 15)), (z, new DateOnly(2026, 3, 1)), (w, new DateOnly(2026, 3, 13)) })
        {
            await testData.WithServicesAsync(decided, s => s.Cases.RecordSpoDecisionAsync(new RecordSpoDecisionOptions(order.Case.CaseId,
                SpoDecisionOutcome.Apply, "Repeated fixated contact; an order is needed to protect her", null, null), TestData.Coordinator, ct));
        }

        await testData.WithServicesAsync(new DateOnly(2026, 2, 20), async s => (await s.Notifications.RecordOffenceAsync(new RecordNotificationOffenceOptions(
            x.Case.RespondentId, x.ObligationId, null, "H20165", null), TestData.Officer, ct)).OffenceId);
        await testData.WithServicesAsync(new DateOnly(2026, 3, 21), async s => (await s.Breaches.RecordBreachAsync(new RecordBreachOptions(y.OrderId, y.ConditionIds[0],
            new DateTimeOffset(2026, 3, 21, 12, 0, 0, TimeSpan.Zero), null, "Sent her a message"), TestData.Officer, ct)).BreachId);
        await testData.WithServicesAsync(new DateOnly(2026, 3, 30), s => s.Orders.DischargeAsync(new DischargeOrderOptions(x.OrderId, ApplicantParty.Defendant,
            null, new DateOnly(2026, 3, 30), new DateOnly(2026, 3, 30),
            [new DischargeConsent(ConsentParty.Defendant, new DateOnly(2026, 3, 27), ConsentMethod.InWriting),
                new DischargeConsent(ConsentParty.RelevantChiefOfficer, new DateOnly(2026, 3, 27), ConsentMethod.InWriting)]), TestData.Officer, ct));
        await using var context = database.CreateContext();
        var service = new StatisticsService(context, new AuditLog(context, TestData.ClockAt(_today)));

        // Act
        var figures = await service.GetAsync(new StatisticsPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)), _today, _analyst, "page", ct);

        // Assert
        Assert.Equal((1, 0, 0), (figures.OrderChangesByType[OrderChangeType.Discharge], figures.OrderChangesByType[OrderChangeType.Variation],
            figures.OrderChangesByType[OrderChangeType.Renewal]));
        Assert.Equal(1, figures.NotificationOffencesByOutcome[NotificationOffenceOutcome.UnderInvestigation]);
        Assert.Equal(1, figures.NotificationOffencesByOutcome.Values.Sum());

        // Report to decision: X 4, Y 4, Z 5 (24 February to 1 March), W 69; decision to application: 3, 3, 2, 10; application to order: 2 each.
        Assert.Equal(new DaysMedian(4, 4.5m), figures.ReportToDecision);
        Assert.Equal(new DaysMedian(4, 3m), figures.DecisionToApplication);
        Assert.Equal(new DaysMedian(4, 2m), figures.ApplicationToOrder);

        Assert.Equal(
            new[]
            {
                new MonthFigures(2026, 1, 1, 0, 0, 0),
                new MonthFigures(2026, 2, 2, 1, 1, 0),
                new MonthFigures(2026, 3, 1, 3, 3, 1),
            },
            figures.ByMonth);

        // X was discharged the day before the period's last day, so North has one order in force at its end.
        Assert.Equal(new[] { new TeamFigures("North", 2, 2, 2, 1), new TeamFigures("South", 2, 2, 2, 2) }, figures.ByTeam);
    }

    [Fact]
    public void DaysMedian_OddEvenAndNone_TakesTheMiddleOrTheMeanOfTheTwoMiddles()
    {
        Assert.Equal(new DaysMedian(3, 5m), DaysMedian.Of([9, 1, 5]));
        Assert.Equal(new DaysMedian(4, 6m), DaysMedian.Of([10, 1, 5, 7]));
        Assert.Equal(new DaysMedian(0, null), DaysMedian.Of([]));
    }

    [Fact]
    public async Task P4_EveryStatisticsQuery_ReadsAnIndexNotATable()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        await new TestData(database).CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 3, 2)));
        var recorder = new QueryPlanRecorder(database.Provider);
        await using var context = database.CreateContext(recorder);
        var service = new StatisticsService(context, new AuditLog(context, TestData.ClockAt(_today)));

        // Act
        await service.GetAsync(_firstHalf2026, _today, _analyst, "page", TestContext.Current.CancellationToken);

        // Assert
        var queries = recorder.Plans.Where(p => !p.Sql.Contains("INSERT", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(queries.Count >= 8, $"Expected a query per table, saw {queries.Count}.");
        Assert.All(queries, p => Assert.True(
            QueryPlanRecorder.FullScans(p.Plan, database.Provider).Count == 0,
            $"Full scan in plan:\n{p.Plan}\nfor:\n{p.Sql}"));
    }
}
