using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Tasks;

public class StaffTaskUniquenessTests
{
    [Fact]
    public async Task R42_PncTasksRaisedByMakingVaryingAndRenewing_OneOpenTaskPerOrderTheNewestReplacingTheOlder()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var made = new DateOnly(2026, 3, 2);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(made).ServedOn(made));

        // Act: made (a PNC task), renewed twice (a PNC task each), and the deadline check run between: three PNC tasks for one order.
        foreach (var (day, lastDay) in new[] { (made.AddDays(10), new DateOnly(2029, 3, 1)), (made.AddDays(20), new DateOnly(2030, 3, 1)) })
        {
            await testData.WithServicesAsync(day, s => s.Orders.RenewAsync(new Core.Orders.RenewOrderOptions(order.OrderId, Core.Applications.ApplicantParty.ChiefOfficer,
                Core.Applications.PoliceForce.WestYorkshire, day, day, Core.Orders.DurationType.FixedPeriod, lastDay, "Still sending messages through friends"), TestData.Officer));
            await testData.WithServicesAsync(day, s => s.Deadlines.RunAsync(TestData.NoonOn(day)));
        }

        // Assert
        await using var ctx = db.CreateContext();
        var open = await ctx.StaffTasks.Where(t => t.OrderId == order.OrderId && t.Type == StaffTaskType.RecordOnPnc && t.Status == StaffTaskStatus.Open).ToListAsync();
        var task = Assert.Single(open);
        Assert.Equal($"RecordOnPnc:{order.OrderId}", task.OpenKey);
        Assert.Equal("Pnc:Renewed:" + order.OrderId + ":2030-03-01", task.Key);
        Assert.Equal(3, await ctx.StaffTasks.CountAsync(t => t.OrderId == order.OrderId && t.Type == StaffTaskType.RecordOnPnc));
        Assert.Equal(2, await ctx.AuditEntries.CountAsync(a => a.Action == "Task.Replaced"));
        Assert.NotNull(task.AssignedTeam ?? task.AssignedOfficer);
    }

    [Fact]
    public async Task OpenKey_TwoOpenTasksForOneRecord_AreRefusedByTheDatabase()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var orderId = Guid.CreateVersion7();
        var now = TestData.NoonOn(new DateOnly(2026, 3, 2));
        await using var ctx = db.CreateContext();
        ctx.StaffTasks.Add(StaffTask.Raise(StaffTaskType.ServeOrder, "Serve:a", "Serve the order", new DateOnly(2026, 3, 2), null, null, null, "Stalking Team", null, now, orderId));
        ctx.StaffTasks.Add(StaffTask.Raise(StaffTaskType.ServeOrder, "Serve:b", "Serve the order", new DateOnly(2026, 3, 2), null, null, null, "Stalking Team", null, now, orderId));

        // Act
        var ex = await Record.ExceptionAsync(() => ctx.SaveChangesAsync());

        // Assert
        Assert.IsType<DbUpdateException>(ex);
    }

    [Fact]
    public async Task Hearing_ListedThenAdjourned_RaisesOneNamedPreparationTaskThatTheAdjournmentCloses()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var application = await testData.CreateApplicationAsync();
        var day = application.Case.ReportedOn.AddDays(10);
        var listedFor = LondonTime.ToUtc(day.AddDays(7), new TimeOnly(10, 0));
        var hearingId = await testData.WithServicesAsync(day, async s => (await s.Hearings.ListHearingAsync(new Core.Hearings.ListHearingOptions(application.ApplicationId,
            listedFor, "Leeds Magistrates' Court"), TestData.Officer)).HearingId);

        // Act
        await using (var listed = db.CreateContext())
        {
            var task = await listed.StaffTasks.SingleAsync(t => t.RecordId == hearingId);
            Assert.Equal((StaffTaskType.PrepareForHearing, StaffTaskStatus.Open, day.AddDays(7)), (task.Type, task.Status, task.DueOn));
            Assert.NotEqual("Not assigned", StaffTask.OwnerText(task.AssignedOfficer, task.AssignedTeam));
        }

        await testData.WithServicesAsync(day.AddDays(7), s => s.Hearings.AdjournHearingAsync(new Core.Hearings.AdjournHearingOptions(hearingId,
            "The respondent's solicitor was ill", null), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        Assert.Equal(StaffTaskStatus.Done, (await ctx.StaffTasks.SingleAsync(t => t.RecordId == hearingId)).Status);
    }
}
