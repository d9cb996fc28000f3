using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Tasks;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Orders;

public class OrderServiceTests
{
    [Fact]
    public async Task R25_RecordServiceOfInterimOrder_CreatesInitialObligationDueOnThirdDay()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var served = new DateOnly(2026, 3, 10);

        // Act
        var order = await testData.CreateOrderAsync(o => o.Interim().MadeOn(served).ServedOn(served));

        // Assert
        await using var ctx = db.CreateContext();
        var obligation = await ctx.NotificationObligations.SingleAsync(o => o.OrderId == order.OrderId);
        Assert.Equal(order.ObligationId, obligation.Id);
        Assert.Equal(NotificationTrigger.InitialService, obligation.Trigger);
        Assert.Equal(new DateOnly(2026, 3, 12), obligation.DueBy);
        Assert.Equal(ObligationStatus.Open, obligation.Status);
    }

    [Fact]
    public async Task CreateOrderAsync_InterimServedOnADate_IsMadeAndInForceThatDay()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var date = new DateOnly(2026, 1, 2);

        // Act
        var created = await testData.CreateOrderAsync(o => o.Interim().ServedOn(date));

        // Assert
        var asAt = await testData.WithServicesAsync(date, s => s.Queries.GetAsAtAsync(created.OrderId, date));
        Assert.Equal(date, created.MadeOn);
        Assert.Equal(OrderStatus.InForce, asAt!.Status);
        Assert.Equal(OrderKind.Interim, asAt.Kind);
        Assert.NotNull(created.ObligationId);
    }

    [Fact]
    public async Task R25_RecordServiceWhenRespondentSubjectToSoaPart2_CreatesNoObligation()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);

        // Act
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 3))
            .WithCase(c => c.RespondentSubjectToSoaPart2(new DateOnly(2020, 1, 1))));

        // Assert
        await using var ctx = db.CreateContext();
        Assert.Null(order.ObligationId);
        Assert.False(await ctx.NotificationObligations.AnyAsync(o => o.OrderId == order.OrderId));
    }

    [Fact]
    public async Task R17_R19_FullOrderOnMainApplication_CeasesInterimAndReplacesIt_WithNoNewInitialObligation()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var interim = await testData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 2)));

        // Act
        var full = await testData.CreateOrderAsync(o => o.ReplacingInterim(interim).MadeOn(new DateOnly(2026, 2, 20)).ServedOn(new DateOnly(2026, 2, 20)));

        // Assert
        await using var ctx = db.CreateContext();
        var ceased = await ctx.Orders.SingleAsync(o => o.Id == interim.OrderId);
        var replacing = await ctx.Orders.SingleAsync(o => o.Id == full.OrderId);
        Assert.Equal(OrderStatus.Ceased, ceased.StatusOn(new DateOnly(2026, 2, 20)));
        Assert.Equal(OrderStatus.InForce, ceased.StatusOn(new DateOnly(2026, 2, 19)));
        Assert.True(replacing.ReplacesInterim);
        Assert.Equal(interim.OrderId, replacing.ReplacedInterimOrderId);
        Assert.Null(full.ObligationId);
        var main = await ctx.Applications.SingleAsync(a => a.Id == interim.Application.MainApplicationId);
        Assert.Equal(ApplicationStatus.Determined, main.Status);
        Assert.Contains(await ctx.AuditEntries.Where(a => a.RecordId == interim.OrderId.ToString()).ToListAsync(), a => a.Action == "Order.Ceased");
    }

    [Fact]
    public async Task R17_MainApplicationRefused_CeasesInterimOrder()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var interim = await testData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 2, 2)));

        // Act
        await testData.WithServicesAsync(new DateOnly(2026, 2, 10), s => s.Applications.DetermineAsync(
            new DetermineApplicationOptions(interim.Application.MainApplicationId!.Value, Determination.Refused, "Court not satisfied on necessity"), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        var order = await ctx.Orders.SingleAsync(o => o.Id == interim.OrderId);
        Assert.Equal(OrderEnding.Ceased, order.Ending);
        Assert.Equal(new DateOnly(2026, 2, 10), order.EndedOn);
        Assert.Equal(OrderStatus.Ceased, order.StatusOn(new DateOnly(2026, 2, 10)));
    }

    [Fact]
    public async Task R17_MainApplicationWithdrawn_DismissesOpenInterimApplication()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var interim = await testData.CreateApplicationAsync(a => a.Interim().Lodged(new DateOnly(2026, 2, 2)));

        // Act
        await testData.WithServicesAsync(new DateOnly(2026, 2, 9), s => s.Applications.DetermineAsync(
            new DetermineApplicationOptions(interim.MainApplicationId!.Value, Determination.Withdrawn, "Victim moved abroad; respondent in custody"), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        var saved = await ctx.Applications.SingleAsync(a => a.Id == interim.ApplicationId);
        Assert.Equal(Determination.Dismissed, saved.Determination);
        Assert.Equal(ApplicationStatus.Withdrawn, (await ctx.Applications.SingleAsync(a => a.Id == interim.MainApplicationId)).Status);
    }

    [Fact]
    public async Task R11_RecordOrderAsyncForRespondentWithOrderInForce_NeedsAttestationOfNoIncompatibility()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var first = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2025, 6, 2)).UntilFurtherOrder());
        var second = await testData.CreateApplicationAsync(a => a.ForCase(first.Case).Lodged(new DateOnly(2026, 3, 2)));
        var made = new DateOnly(2026, 3, 9);
        var terms = TestData.Terms(OrderKind.Full, made, null, [TestData.NoContact(first.Case.ProtectedPersonIds)], DurationType.UntilFurtherOrder);

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(made, s => s.Orders.RecordOrderAsync(
            new RecordOrderOptions(first.Case.CaseId, second.ApplicationId, terms), TestData.Officer)));
        var id = (await testData.WithServicesAsync(made, s => s.Orders.RecordOrderAsync(
            new RecordOrderOptions(first.Case.CaseId, second.ApplicationId, terms, NoIncompatibilityAttested: true), TestData.Officer))).OrderId;

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Warnings, w => w.RuleId == "R11");
        await using var ctx = db.CreateContext();
        Assert.True((await ctx.Orders.SingleAsync(o => o.Id == id)).NoIncompatibilityAttested);
    }

    [Fact]
    public async Task RL4_RecordOrderAsyncOnAnApplicationChangedSinceRead_ThrowsConcurrencyExceptionAndSavesNothing()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateApplicationAsync(a => a.Lodged(new DateOnly(2026, 3, 2)));
        long versionRead;
        await using (var ctx = db.CreateContext())
        {
            versionRead = (await ctx.Applications.SingleAsync(a => a.Id == created.ApplicationId)).Version;
        }

        await testData.WithServicesAsync(new DateOnly(2026, 3, 3), async s => (await s.Hearings.ListHearingAsync(
            new Core.Hearings.ListHearingOptions(created.ApplicationId, new DateTimeOffset(2026, 3, 9, 10, 0, 0, TimeSpan.Zero), "Leeds Magistrates' Court"), TestData.Officer)).HearingId);
        var made = new DateOnly(2026, 3, 9);
        var terms = TestData.Terms(OrderKind.Full, made, null, [TestData.NoContact(created.Case.ProtectedPersonIds)], DurationType.UntilFurtherOrder);

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(made, s => s.Orders.RecordOrderAsync(
            new RecordOrderOptions(created.Case.CaseId, created.ApplicationId, terms, ExpectedApplicationVersion: versionRead), TestData.Officer)));

        // Assert
        Assert.IsType<DbUpdateConcurrencyException>(ex);
        await using var check = db.CreateContext();
        Assert.False(await check.Orders.AnyAsync(o => o.ApplicationId == created.ApplicationId));
        Assert.Equal(ApplicationStatus.Listed, (await check.Applications.SingleAsync(a => a.Id == created.ApplicationId)).Status);
    }

    [Fact]
    public async Task VaryAsync_StaleVersion_ThrowsConcurrencyExceptionAndSavesNothing()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 2)));
        long versionRead;
        await using (var ctx = db.CreateContext())
        {
            versionRead = (await ctx.Orders.SingleAsync(o => o.Id == created.OrderId)).Version;
        }

        await testData.WithServicesAsync(new DateOnly(2026, 3, 1), s => s.Orders.RecordPncEntryAsync(new RecordPncEntryOptions(created.OrderId, "PNC/123", versionRead), TestData.Officer));
        var options = new VaryOrderOptions(created.OrderId, ApplicantParty.ChiefOfficer, PoliceForce.WestYorkshire, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 2),
            [TestData.NoContact(created.Case.ProtectedPersonIds)], false, null, ExpectedVersion: versionRead);

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(new DateOnly(2026, 3, 2), s => s.Orders.VaryAsync(options, TestData.Officer)));

        // Assert
        Assert.IsType<DbUpdateConcurrencyException>(ex);
        await using var check = db.CreateContext();
        Assert.Equal(1, await check.ConditionSets.CountAsync(s => s.OrderId == created.OrderId));
        Assert.False(await check.AuditEntries.AnyAsync(a => a.Action == "Order.Varied"));
    }

    [Fact]
    public async Task R21_VaryAsync_CreatesNewConditionSetVersion_AndOldTermsStillAnswerEarlierDates()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 2)));
        var exclusion = new ConditionDraft(ConditionType.Prohibition, ConditionCategory.ExclusionZone, "Must not enter Roundhay, Leeds, as shown on the map.",
            ConditionScope.Locality, "Roundhay, Leeds (map A)", created.Case.ProtectedPersonIds, "She has moved to Roundhay.", true, false, null);

        // Act
        await testData.WithServicesAsync(new DateOnly(2026, 5, 1), s => s.Orders.VaryAsync(new VaryOrderOptions(created.OrderId, ApplicantParty.ChiefOfficer,
            PoliceForce.WestYorkshire, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 1), [TestData.NoContact(created.Case.ProtectedPersonIds), exclusion], true,
            "The victim moved house and he has been seen near the new address."), TestData.Officer));

        // Assert
        var (before, after) = await testData.WithServicesAsync(new DateOnly(2026, 5, 2), async s =>
            (await s.Queries.GetAsAtAsync(created.OrderId, new DateOnly(2026, 4, 30)), await s.Queries.GetAsAtAsync(created.OrderId, new DateOnly(2026, 5, 1))));
        Assert.Single(before!.ConditionsInForce);
        Assert.Equal(1, before.ConditionSetNumber);
        Assert.Equal(2, after!.ConditionsInForce.Count);
        Assert.Equal(2, after.ConditionSetNumber);
        await using var ctx = db.CreateContext();
        var audit = await ctx.AuditEntries.SingleAsync(a => a.Action == "Order.Varied");
        Assert.Contains("Roundhay", audit.NewValues!, StringComparison.Ordinal);
        Assert.Equal(1, await ctx.OrderChanges.CountAsync(c => c.OrderId == created.OrderId && c.Type == OrderChangeType.Variation));
    }

    [Fact]
    public async Task R21_R23_RenewAsyncOnSubmittedRenewalApplication_ExtendsOrderAndDeterminesApplication()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2024, 5, 1)).LastDay(new DateOnly(2026, 4, 30)).ServedOn(new DateOnly(2024, 5, 1)));
        var lodged = new DateOnly(2026, 3, 2);
        var applicationId = await testData.WithServicesAsync(lodged, async s =>
        {
            var id = (await s.Applications.CreateChangeAsync(new CreateChangeApplicationOptions(created.OrderId, ApplicationType.Renewal, ApplicantParty.ChiefOfficer,
                PoliceForce.WestYorkshire, "Leeds Magistrates' Court", "Still sending messages through friends"), TestData.Officer)).ApplicationId;
            await s.Applications.AuthoriseAsync(new AuthoriseApplicationOptions(id), TestData.Coordinator);
            await s.Applications.SubmitAsync(new SubmitApplicationOptions(id), TestData.Officer);
            return id;
        });

        // Act
        await testData.WithServicesAsync(new DateOnly(2026, 4, 20), s => s.Orders.RenewAsync(new RenewOrderOptions(created.OrderId, ApplicantParty.ChiefOfficer,
            PoliceForce.WestYorkshire, lodged, new DateOnly(2026, 4, 20), DurationType.FixedPeriod, new DateOnly(2028, 4, 30),
            "Still sending messages through friends", applicationId), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        var order = await ctx.Orders.SingleAsync(o => o.Id == created.OrderId);
        Assert.Equal(new DateOnly(2028, 4, 30), order.LastInForceDay);
        Assert.Equal(ApplicationStatus.Determined, (await ctx.Applications.SingleAsync(a => a.Id == applicationId)).Status);
        var change = await ctx.OrderChanges.SingleAsync(c => c.OrderId == created.OrderId);
        Assert.Equal((OrderChangeType.Renewal, (DateOnly?)new DateOnly(2026, 4, 30), (DateOnly?)new DateOnly(2028, 4, 30)), (change.Type, change.PreviousLastDay, change.NewLastDay));
        Assert.Contains(await ctx.StaffTasks.Where(t => t.OrderId == created.OrderId && t.Type == StaffTaskType.RecordOnPnc).ToListAsync(), t => t.Key.StartsWith("Pnc:Renewed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task R42_RecordOrder_RaisesPncReviewAndServeTasks_AndServiceClosesServeTask()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);

        // Act
        var created = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 3)));

        // Assert
        await using var ctx = db.CreateContext();
        var tasks = await ctx.StaffTasks.Where(t => t.OrderId == created.OrderId).ToListAsync();
        Assert.Contains(tasks, t => t.Type == StaffTaskType.RecordOnPnc && t.Status == StaffTaskStatus.Open);
        Assert.Contains(tasks, t => t.Type == StaffTaskType.ReviewDue && t.DueOn == new DateOnly(2026, 2, 2).AddDays(90));
        Assert.Contains(tasks, t => t.Type == StaffTaskType.ServeOrder && t.Status == StaffTaskStatus.Done);
    }

    [Fact]
    public async Task R22_DischargeAsyncWithinTwoYearsWithOnlyDefendantConsent_IsBlockedAndNothingSaved()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).UntilFurtherOrder());
        var options = new DischargeOrderOptions(created.OrderId, ApplicantParty.Defendant, null, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1),
            [new DischargeConsent(ConsentParty.Defendant, new DateOnly(2026, 5, 1), ConsentMethod.InWriting)]);

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(new DateOnly(2026, 6, 1), s => s.Orders.DischargeAsync(options, TestData.Officer)));

        // Assert
        var violation = Assert.IsType<RuleViolationException>(ex);
        Assert.Contains(violation.Violations, v => v.RuleId == "R22");
        await using var ctx = db.CreateContext();
        Assert.Null((await ctx.Orders.SingleAsync(o => o.Id == created.OrderId)).Ending);
        Assert.False(await ctx.OrderChanges.AnyAsync());
    }

    [Fact]
    public async Task R20_DischargeAsyncByUnrelatedForce_IsBlocked()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2024, 2, 2)).UntilFurtherOrder());
        var options = new DischargeOrderOptions(created.OrderId, ApplicantParty.ChiefOfficer, PoliceForce.Kent, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1), []);

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(new DateOnly(2026, 6, 1), s => s.Orders.DischargeAsync(options, TestData.Officer)));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R20");
    }

    [Fact]
    public async Task R22_DischargeAsyncAfterTwoYearsWithoutConsent_DischargesAndAudits()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2024, 2, 2)).UntilFurtherOrder());

        // Act
        await testData.WithServicesAsync(new DateOnly(2026, 2, 2), s => s.Orders.DischargeAsync(new DischargeOrderOptions(created.OrderId, ApplicantParty.Defendant,
            null, new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 2), []), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        var order = await ctx.Orders.SingleAsync(o => o.Id == created.OrderId);
        Assert.Equal(OrderStatus.Discharged, order.StatusOn(new DateOnly(2026, 2, 2)));
        Assert.Equal(OrderStatus.InForce, order.StatusOn(new DateOnly(2026, 2, 1)));
        var entry = await ctx.AuditEntries.SingleAsync(a => a.Action == "Order.Discharged");
        Assert.Equal(AuditKind.Alteration, entry.Kind);
        Assert.Equal(TestData.Officer.Id, entry.ActorId);
    }
}
