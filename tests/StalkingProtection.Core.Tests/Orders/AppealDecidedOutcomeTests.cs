using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Orders;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Orders;

/// <summary>Recording the Crown Court's decision answers with what became of the order, and one <c>Explain</c> gives the words (SPA 2019 s.7(4), R24).</summary>
public class AppealDecidedOutcomeTests
{
    private static async Task<(TestData Data, CreatedOrder Order, Guid AppealId)> AppealAsync(TestDatabase db)
    {
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 2)));
        var lodged = await testData.WithServicesAsync(new DateOnly(2026, 2, 10), s => s.Appeals.LodgeAsync(new LodgeAppealOptions(order.OrderId, null,
            AppellantType.Defendant, AppealableDecision.MakingOfOrder, new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 23), new DateOnly(2026, 2, 10),
            "No evidence of fixation"), TestData.Officer));
        return (testData, order, lodged.AppealId);
    }

    [Fact]
    public async Task R24_AppealAllowedAgainstTheMakingOfTheOrder_OutcomeSaysTheOrderIsQuashedFromTheDecision()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var (testData, order, appealId) = await AppealAsync(db);

        // Act
        var decided = await testData.WithServicesAsync(new DateOnly(2026, 3, 3), s => s.Appeals.DecideAsync(
            new DecideAppealOptions(appealId, AppealOutcome.Allowed, new DateOnly(2026, 3, 2), "T20267001"), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        var version = await ctx.Appeals.Where(a => a.Id == appealId).Select(a => a.Version).SingleAsync();
        Assert.Equal((order.OrderId, AppealOutcome.Allowed, new DateOnly(2026, 3, 2), version), (decided.OrderId, decided.Outcome, decided.OrderQuashedOn, decided.Version));
        Assert.Equal(
            "Appeal allowed by the Crown Court on 2 March 2026: the order is quashed from 2 March 2026 (SPA 2019 s.7(4), R24). "
            + "Its notification duties and tasks end with it; a task to update the PNC entry was raised. Tell the victim.",
            decided.Explain());
    }

    [Fact]
    public async Task R24_AppealDismissed_OutcomeSaysTheOrderIsUnchanged()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var (testData, _, appealId) = await AppealAsync(db);

        // Act
        var decided = await testData.WithServicesAsync(new DateOnly(2026, 3, 3), s => s.Appeals.DecideAsync(
            new DecideAppealOptions(appealId, AppealOutcome.Dismissed, new DateOnly(2026, 3, 2), "T20267002"), TestData.Officer));

        // Assert
        Assert.Null(decided.OrderQuashedOn);
        Assert.Equal("Appeal dismissed by the Crown Court on 2 March 2026: the decision appealed stands and the order is unchanged (SPA 2019 s.7(4), R24).",
            decided.Explain());
    }

    [Fact]
    public async Task R42_RecordPncEntry_OutcomeNamesTheReferenceAndTheTaskItMet()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 2)));

        // Act
        var recorded = await testData.WithServicesAsync(new DateOnly(2026, 2, 3), s => s.Orders.RecordPncEntryAsync(
            new RecordPncEntryOptions(order.OrderId, " 26/0012345Q "), TestData.Officer));

        // Assert
        Assert.Equal(("26/0012345Q", 1), (recorded.Reference, recorded.TasksCompleted));
        Assert.Equal("PNC reference 26/0012345Q recorded. The order's entry on the Police National Computer is recorded and the task to record it is done (R42).",
            recorded.Explain());
    }
}
