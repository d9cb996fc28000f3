using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Tasks;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Reviews;

public class ReviewServiceTests
{
    [Fact]
    public async Task R42_RecordReviewAsync_ClosesTheDueReviewAndRaisesTheNext()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 1, 5)).UntilFurtherOrder().ServedOn(new DateOnly(2026, 1, 5)));

        // Act
        await testData.WithServicesAsync(new DateOnly(2026, 4, 1), s => s.Reviews.RecordReviewAsync(new RecordReviewOptions(order.OrderId, "PC Lead",
            "Compliant; attends programme; no contact reported", true, new DateOnly(2026, 7, 1)), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        var tasks = await ctx.StaffTasks.Where(t => t.OrderId == order.OrderId && t.Type == StaffTaskType.ReviewDue).ToListAsync();
        Assert.Contains(tasks, t => t.Status == StaffTaskStatus.Done);
        Assert.Contains(tasks, t => t.Status == StaffTaskStatus.Open && t.DueOn == new DateOnly(2026, 7, 1) && t.AssignedOfficer == "PC Lead");
    }

    [Fact]
    public async Task R41_RecordVictimContactAsync_IsStoredWithTimestampAndAudited()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 1, 5)).ServedOn(new DateOnly(2026, 1, 6)));
        var at = TestData.NoonOn(new DateOnly(2026, 1, 6)).AddHours(-1);

        // Act
        var id = (await testData.WithServicesAsync(new DateOnly(2026, 1, 6), s => s.Reviews.RecordVictimContactAsync(new RecordVictimContactOptions(order.Case.VictimId,
            order.OrderId, VictimContactEventType.Service, at, ContactChannel.Phone, "Told her the order was served this morning"), TestData.Officer))).RecordId;

        // Assert
        await using var ctx = db.CreateContext();
        var contact = await ctx.VictimContactEvents.SingleAsync(c => c.Id == id);
        Assert.Equal(at, contact.OccurredAt);
        Assert.Equal(TestData.Officer.Name, contact.Officer);
        Assert.True(await ctx.AuditEntries.AnyAsync(a => a.Action == "VictimContact.Recorded"));
    }
}
