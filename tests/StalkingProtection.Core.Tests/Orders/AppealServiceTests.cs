using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Orders;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Orders;

public class AppealServiceTests
{
    [Fact]
    public async Task R24_DecideAsyncAllowedAgainstMakingOfOrder_QuashesTheOrder()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).UntilFurtherOrder());
        var appealId = await testData.WithServicesAsync(new DateOnly(2026, 2, 10), s => s.Appeals.LodgeAsync(new LodgeAppealOptions(order.OrderId, null,
            AppellantType.Defendant, AppealableDecision.MakingOfOrder, new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 23), new DateOnly(2026, 2, 10),
            "No evidence of fixation"), TestData.Officer));

        // Act
        await testData.WithServicesAsync(new DateOnly(2026, 4, 1), s => s.Appeals.DecideAsync(new DecideAppealOptions(appealId, AppealOutcome.Allowed,
            new DateOnly(2026, 4, 1), "T20260001"), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        var saved = await ctx.Orders.SingleAsync(o => o.Id == order.OrderId);
        Assert.Equal(OrderStatus.Quashed, saved.StatusOn(new DateOnly(2026, 4, 1)));
        Assert.Equal(OrderStatus.InForce, saved.StatusOn(new DateOnly(2026, 3, 31)));
        Assert.True(await ctx.AuditEntries.AnyAsync(a => a.Action == "Order.Quashed"));
    }
}
