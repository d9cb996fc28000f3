using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Notifications;

public class DeadlineCheckServiceTests
{
    [Fact]
    public async Task R33_RunAsyncAfterDueDayEnded_MarksOverdueRaisesTaskAndAudits()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var served = new DateOnly(2026, 6, 1);
        var order = await testData.CreateOrderAsync(o => o.Interim().MadeOn(served).ServedOn(served));
        var justAfterMidnight = LondonTime.StartOfDayUtc(new DateOnly(2026, 6, 4)).AddMinutes(1);

        // Act
        var result = await testData.WithServicesAsync(new DateOnly(2026, 6, 4), s => s.Deadlines.RunAsync(justAfterMidnight));

        // Assert
        Assert.Equal(1, result.ObligationsMarkedOverdue);
        await using var ctx = db.CreateContext();
        var obligation = await ctx.NotificationObligations.SingleAsync(o => o.Id == order.ObligationId);
        Assert.Equal(ObligationStatus.Overdue, obligation.Status);
        var task = await ctx.StaffTasks.SingleAsync(t => t.ObligationId == obligation.Id);
        Assert.Equal(StaffTaskType.PotentialS11Offence, task.Type);
        Assert.Contains("H20165", task.Title, StringComparison.Ordinal);
        Assert.True(await ctx.AuditEntries.AnyAsync(a => a.Action == "Obligation.Overdue" && a.ActorId == "system"));
    }

    [Fact]
    public async Task R33_RunAsyncOnTheDueDay_LeavesObligationOpen()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var served = new DateOnly(2026, 6, 1);
        var order = await testData.CreateOrderAsync(o => o.Interim().MadeOn(served).ServedOn(served));

        // Act
        var result = await testData.WithServicesAsync(new DateOnly(2026, 6, 3), s => s.Deadlines.RunAsync(LondonTime.ToUtc(new DateOnly(2026, 6, 3), new TimeOnly(23, 59))));

        // Assert
        Assert.Equal(0, result.ObligationsMarkedOverdue);
        await using var ctx = db.CreateContext();
        Assert.Equal(ObligationStatus.Open, (await ctx.NotificationObligations.SingleAsync(o => o.Id == order.ObligationId)).Status);
    }

    [Fact]
    public async Task RunAsync_Twice_CreatesNothingNew()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        await testData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 6, 1)).ServedOn(new DateOnly(2026, 6, 1)));
        await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2024, 5, 1)).LastDay(new DateOnly(2026, 7, 31)));
        var now = TestData.NoonOn(new DateOnly(2026, 6, 10));
        var first = await testData.WithServicesAsync(new DateOnly(2026, 6, 10), s => s.Deadlines.RunAsync(now));
        int tasks, audits;
        await using (var ctx = db.CreateContext())
        {
            tasks = await ctx.StaffTasks.CountAsync();
            audits = await ctx.AuditEntries.CountAsync();
        }

        // Act
        var second = await testData.WithServicesAsync(new DateOnly(2026, 6, 10), s => s.Deadlines.RunAsync(now.AddMinutes(5)));

        // Assert
        Assert.True(first.TasksRaised > 0);
        Assert.Equal(new DeadlineCheckResult(0, 0), second);
        await using var after = db.CreateContext();
        Assert.Equal(tasks, await after.StaffTasks.CountAsync());
        Assert.Equal(audits, await after.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task R23_FixedPeriodEndingWithinNinetyDays_RaisesConsiderRenewalTask()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2024, 5, 1)).LastDay(new DateOnly(2026, 7, 31)).ServedOn(new DateOnly(2024, 5, 1)));

        // Act
        await testData.WithServicesAsync(new DateOnly(2026, 5, 2), s => s.Deadlines.RunAsync(TestData.NoonOn(new DateOnly(2026, 5, 1))));
        var early = await CountAsync(db, order.OrderId, StaffTaskType.ConsiderRenewal);
        await testData.WithServicesAsync(new DateOnly(2026, 5, 3), s => s.Deadlines.RunAsync(TestData.NoonOn(new DateOnly(2026, 5, 3))));

        // Assert
        Assert.Equal(0, early);
        Assert.Equal(1, await CountAsync(db, order.OrderId, StaffTaskType.ConsiderRenewal));
    }

    [Fact]
    public async Task R23_ConfiguredLeadTimeOf180Days_RaisesRenewalTaskEarlier()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2024, 5, 1)).LastDay(new DateOnly(2026, 7, 31)).ServedOn(new DateOnly(2024, 5, 1)));

        // Act
        await testData.WithServicesAsync(new DateOnly(2026, 2, 10), s => s.Deadlines.RunAsync(TestData.NoonOn(new DateOnly(2026, 2, 10)),
            new DeadlineCheckSettings(RenewalLeadDays: 180)));

        // Assert
        Assert.Equal(1, await CountAsync(db, order.OrderId, StaffTaskType.ConsiderRenewal));
    }

    [Fact]
    public async Task InterimOrderEndingWithinFourteenDays_RaisesInterimEndingTask()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 6, 1)).LastDay(new DateOnly(2026, 6, 28)).ServedOn(new DateOnly(2026, 6, 1)));

        // Act
        await testData.WithServicesAsync(new DateOnly(2026, 6, 14), s => s.Deadlines.RunAsync(TestData.NoonOn(new DateOnly(2026, 6, 14))));

        // Assert
        Assert.Equal(1, await CountAsync(db, order.OrderId, StaffTaskType.InterimEnding));
    }

    [Fact]
    public async Task R42_ReviewDueWithinAWeek_AndExpiredOrder_RaiseReviewAndPncTasks()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 1, 5)).LastDay(new DateOnly(2026, 4, 30)).ServedOn(new DateOnly(2026, 1, 5)));

        // Act
        await testData.WithServicesAsync(new DateOnly(2026, 5, 3), s => s.Deadlines.RunAsync(TestData.NoonOn(new DateOnly(2026, 5, 3))));

        // Assert
        await using var ctx = db.CreateContext();
        var tasks = await ctx.StaffTasks.Where(t => t.OrderId == order.OrderId).ToListAsync();
        Assert.Contains(tasks, t => t.Type == StaffTaskType.ReviewDue);
        Assert.Contains(tasks, t => t.Type == StaffTaskType.RecordOnPnc && t.Key.StartsWith("Pnc:Expired:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnservedOrder_RaisesServeTaskOnce()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)));

        // Act
        await testData.WithServicesAsync(new DateOnly(2026, 2, 5), s => s.Deadlines.RunAsync(TestData.NoonOn(new DateOnly(2026, 2, 5))));

        // Assert
        Assert.Equal(1, await CountAsync(db, order.OrderId, StaffTaskType.ServeOrder));
    }

    [Fact]
    public async Task R42_MoreOrdersThanAPage_EachOrdersTasksAreRaisedOnce_AndAnOverdueDutyWithThem()
    {
        // Arrange: five unserved orders, read two to a page, and a served interim order whose duty is overdue (R33).
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var orders = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            orders.Add((await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)))).OrderId);
        }

        var served = await testData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 2, 1)).ServedOn(new DateOnly(2026, 2, 1)));
        var day = new DateOnly(2026, 2, 5);
        int tasksBefore;
        await using (var before = db.CreateContext())
        {
            tasksBefore = await before.StaffTasks.CountAsync();
        }

        // Act: two runs, as on two nights.
        var first = await testData.WithServicesAsync(day, s => new DeadlineCheckService(s.Context, s.Audit, s.StaffTasks) { OrdersPerPage = 2 }.RunAsync(TestData.NoonOn(day)));
        var second = await testData.WithServicesAsync(day, s => new DeadlineCheckService(s.Context, s.Audit, s.StaffTasks) { OrdersPerPage = 2 }.RunAsync(TestData.NoonOn(day)));

        // Assert
        foreach (var orderId in orders)
        {
            Assert.Equal(1, await CountAsync(db, orderId, StaffTaskType.ServeOrder));
            Assert.Equal(1, await CountAsync(db, orderId, StaffTaskType.RecordOnPnc));
        }

        Assert.Equal(1, first.ObligationsMarkedOverdue);
        await using var ctx = db.CreateContext();
        Assert.Equal(1, await ctx.StaffTasks.CountAsync(t => t.ObligationId == served.ObligationId && t.Type == StaffTaskType.PotentialS11Offence));
        Assert.Equal(await ctx.StaffTasks.CountAsync() - tasksBefore, first.TasksRaised);
        Assert.Equal((0, 0), (second.ObligationsMarkedOverdue, second.TasksRaised));
    }

    [Fact]
    public async Task R34_RunAsyncMonthlyForAYear_NeverCreatesNotificationObligations()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 1, 5)).UntilFurtherOrder().ServedOn(new DateOnly(2026, 1, 5)));

        // Act
        for (var month = 1; month <= 12; month++)
        {
            var day = new DateOnly(2026, 1, 5).AddMonths(month);
            await testData.WithServicesAsync(day, s => s.Deadlines.RunAsync(TestData.NoonOn(day)));
        }

        // Assert
        await using var ctx = db.CreateContext();
        var obligation = Assert.Single(await ctx.NotificationObligations.Where(o => o.RespondentId == order.Case.RespondentId).ToListAsync());
        Assert.Equal(NotificationTrigger.InitialService, obligation.Trigger);
    }

    private static async Task<int> CountAsync(TestDatabase db, Guid orderId, StaffTaskType type)
    {
        await using var ctx = db.CreateContext();
        return await ctx.StaffTasks.CountAsync(t => t.OrderId == orderId && t.Type == type);
    }
}
