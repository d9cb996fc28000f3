using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Orders;

/// <summary>Lodging an appeal answers with what the appeal decided, and one <c>Explain</c> gives the words (SPA 2019 s.7, R24).</summary>
public class AppealLodgedOutcomeTests
{
    [Fact]
    public async Task R24_LodgeAppealAgainstTheMakingOfTheOrder_OutcomeSaysTheOrderStaysInForceUntilTheCrownCourtDecides()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).UntilFurtherOrder());

        // Act
        var lodged = await testData.WithServicesAsync(new DateOnly(2026, 2, 10), s => s.Appeals.LodgeAsync(new LodgeAppealOptions(order.OrderId, null,
            AppellantType.Defendant, AppealableDecision.MakingOfOrder, new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 23), new DateOnly(2026, 2, 10),
            "No evidence of fixation"), TestData.Officer));

        // Assert
        Assert.Equal((order.OrderId, true, false, "SPA 2019 s.7(1)(a)"), (lodged.OrderId, lodged.QuashesOrderIfAllowed, lodged.LodgedLate, lodged.LegalSource));
        Assert.Equal(
            "Appeal to the Crown Court lodged by the defendant against the making of the order on 2 February 2026 (SPA 2019 s.7(1)(a), R24). "
            + "The provisional lodging deadline is 23 February 2026 (15 business days, CrimPR r.34.2, R24); the appeal notice was served on 10 February 2026, in time. "
            + "Lodging the appeal does not suspend the order: it stays in force until the Crown Court decides, and is quashed if the appeal is allowed (SPA 2019 s.7(4)).",
            lodged.Explain());
    }

    [Fact]
    public async Task R24_LodgeAppealAgainstARefusalAfterTheDeadline_OutcomeSaysTheNoticeWasLateAndNoOrderChanges()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var application = await testData.CreateApplicationAsync();

        // Act
        var lodged = await testData.WithServicesAsync(new DateOnly(2026, 2, 24), s => s.Appeals.LodgeAsync(new LodgeAppealOptions(null,
            application.ApplicationId, AppellantType.ApplicantChiefOfficer, AppealableDecision.RefusalOfOrder, new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 23),
            new DateOnly(2026, 2, 24), "The court misread the evidence of fixation", new Override("Notice delayed by the court office", TestData.Officer)),
            TestData.Officer));

        // Assert
        Assert.Equal((application.ApplicationId, false, true, false), (lodged.ApplicationId, lodged.QuashesOrderIfAllowed, lodged.LodgedLate, lodged.ConsiderAppealTaskCompleted));
        Assert.Equal(
            "Appeal to the Crown Court lodged by the chief officer who applied against the refusal to make an order on 2 February 2026 (SPA 2019 s.7(2)(a), R24). "
            + "The provisional lodging deadline is 23 February 2026 (15 business days, CrimPR r.34.2, R24); the appeal notice was served on 24 February 2026, after it. "
            + "Lodging the appeal changes no order meanwhile: if the appeal is allowed, the Crown Court makes the orders needed to give effect to its decision (SPA 2019 s.7(4)).",
            lodged.Explain());
    }
}
