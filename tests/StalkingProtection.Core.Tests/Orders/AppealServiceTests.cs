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
        var appealId = await testData.WithServicesAsync(new DateOnly(2026, 2, 10), async s => (await s.Appeals.LodgeAsync(new LodgeAppealOptions(order.OrderId, null,
            AppellantType.Defendant, AppealableDecision.MakingOfOrder, new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 23), new DateOnly(2026, 2, 10),
            "No evidence of fixation"), TestData.Officer)).AppealId);

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

    private static Task<Guid> LodgeAsync(TestData testData, Guid orderId, AppealableDecision decision = AppealableDecision.MakingOfOrder) =>
        testData.WithServicesAsync(new DateOnly(2026, 2, 10), async s => (await s.Appeals.LodgeAsync(new LodgeAppealOptions(orderId, null,
            AppellantType.Defendant, decision, new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 23), new DateOnly(2026, 2, 10),
            "No evidence of fixation"), TestData.Officer)).AppealId);

    [Fact]
    public async Task R24_DecideAsyncDismissed_RecordsConsequentialOrdersAndLeavesTheOrderInForce()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).UntilFurtherOrder());
        var appealId = await LodgeAsync(testData, order.OrderId);

        // Act
        await testData.WithServicesAsync(new DateOnly(2026, 4, 1), s => s.Appeals.DecideAsync(new DecideAppealOptions(appealId, AppealOutcome.Dismissed,
            new DateOnly(2026, 4, 1), " T20260002 ", null, " Appellant to pay costs of 500 pounds "), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        var appeal = await ctx.Appeals.SingleAsync(a => a.Id == appealId);
        Assert.Equal((AppealOutcome.Dismissed, "T20260002", "Appellant to pay costs of 500 pounds"), (appeal.Outcome, appeal.CrownCourtReference, appeal.ConsequentialOrders));
        Assert.Equal(OrderStatus.InForce, (await ctx.Orders.SingleAsync(o => o.Id == order.OrderId)).StatusOn(new DateOnly(2026, 4, 2)));
    }

    [Fact]
    public async Task R24_DecideAsyncDatedInTheFuture_IsRefusedWithTheOneRuleForDatesOfThingsThatHappened()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).UntilFurtherOrder());
        var appealId = await LodgeAsync(testData, order.OrderId);

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(new DateOnly(2026, 4, 1), s => s.Appeals.DecideAsync(
            new DecideAppealOptions(appealId, AppealOutcome.Dismissed, new DateOnly(2026, 4, 2), "T1"), TestData.Officer)));

        // Assert
        Assert.Contains(Assert.IsType<Core.Rules.RuleViolationException>(ex).Violations, v => v.RuleId == "Input" && v.Field == "decidedOn"
            && v.Message == Core.Rules.RuleCheck.NotYetHappenedMessage);
    }

    [Fact]
    public async Task RL4_DecideAsyncWithAStaleVersion_SavesNothing()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).UntilFurtherOrder());
        var appealId = await LodgeAsync(testData, order.OrderId);
        var version = await testData.WithServicesAsync(new DateOnly(2026, 4, 1), s => s.Context.Appeals.Where(a => a.Id == appealId).Select(a => a.Version).SingleAsync());
        await testData.WithServicesAsync(new DateOnly(2026, 4, 1), s => s.Appeals.DecideAsync(new DecideAppealOptions(appealId, AppealOutcome.Abandoned,
            new DateOnly(2026, 4, 1), null, version), TestData.Officer));

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(new DateOnly(2026, 4, 1), s => s.Appeals.DecideAsync(
            new DecideAppealOptions(appealId, AppealOutcome.Allowed, new DateOnly(2026, 4, 1), "T2", version), TestData.Officer)));

        // Assert
        Assert.IsType<DbUpdateConcurrencyException>(ex);
        await using var ctx = db.CreateContext();
        Assert.Equal(OrderStatus.InForce, (await ctx.Orders.SingleAsync(o => o.Id == order.OrderId)).StatusOn(new DateOnly(2026, 4, 2)));
    }
}
