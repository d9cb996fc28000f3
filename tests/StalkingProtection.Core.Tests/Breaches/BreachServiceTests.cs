using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Breaches;

public class BreachServiceTests
{
    [Fact]
    public async Task R35_RecordBreachAsyncBeforeServiceWithOverride_RaisesLegalReviewAndAuditsReason()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 5)));
        var incident = LondonTime.ToUtc(new DateOnly(2026, 2, 3), new TimeOnly(20, 0));

        // Act
        var id = await testData.WithServicesAsync(new DateOnly(2026, 2, 6), async s => (await s.Breaches.RecordBreachAsync(new RecordBreachOptions(order.OrderId, order.ConditionIds[0],
            incident, "Her workplace", "Waited outside her work", Override: new Override("He was told of the order by phone on 2 February", TestData.Officer)), TestData.Officer)).BreachId);

        // Assert
        await using var ctx = db.CreateContext();
        var breach = await ctx.Breaches.SingleAsync(b => b.Id == id);
        Assert.True(breach.NeedsLegalReview);
        Assert.True(await ctx.StaffTasks.AnyAsync(t => t.Type == StaffTaskType.LegalReview && t.OrderId == order.OrderId));
        var entry = await ctx.AuditEntries.SingleAsync(a => a.Action == "Breach.Recorded");
        Assert.Contains("R35", entry.Justification!, StringComparison.Ordinal);
        Assert.Contains("told of the order by phone", entry.Justification!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R35_RecordBreachAsyncBeforeServiceWithoutOverride_IsBlockedAndNothingSaved()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)));

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(new DateOnly(2026, 2, 6), async s => (await s.Breaches.RecordBreachAsync(
            new RecordBreachOptions(order.OrderId, order.ConditionIds[0], TestData.NoonOn(new DateOnly(2026, 2, 4)), null, "Called her"), TestData.Officer)).BreachId));

        // Assert
        Assert.True(Assert.IsType<RuleViolationException>(ex).CanBeOverridden);
        await using var ctx = db.CreateContext();
        Assert.False(await ctx.Breaches.AnyAsync());
    }

    [Fact]
    public async Task R36_RecordBreachAsyncAgainstInterimOrder_IsRecorded()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 2)));

        // Act
        var id = await testData.WithServicesAsync(new DateOnly(2026, 2, 10), async s => (await s.Breaches.RecordBreachAsync(
            new RecordBreachOptions(order.OrderId, order.ConditionIds[0], TestData.NoonOn(new DateOnly(2026, 2, 9)), null, "Sent messages"), TestData.Officer)).BreachId);

        // Assert
        await using var ctx = db.CreateContext();
        Assert.False((await ctx.Breaches.SingleAsync(b => b.Id == id)).NeedsLegalReview);
    }
}
