using StalkingProtection.Core.Orders;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Orders;

/// <summary>Order commands answer with what the order's own decision made, and one <c>Explain</c> gives the words.</summary>
public class OrderOutcomeTests
{
    [Fact]
    public async Task R14_RecordFullOrderForAFixedPeriod_OutcomeGivesTheLastDayAndCitesSection3()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);

        // Act
        var created = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 3, 2)).LastDay(new DateOnly(2028, 3, 1)));

        // Assert
        var made = created.Made!;
        Assert.Equal((created.OrderId, OrderKind.Full, (DateOnly?)new DateOnly(2028, 3, 1), 1), (made.OrderId, made.Kind, made.LastInForceDay, made.ConditionCount));
        Assert.Equal(("R14", "SPA 2019 s.3(1)–(2)"), (made.RuleId, made.LegalSource));
        Assert.Empty(made.InterimOrdersEnded);
        Assert.Equal(
            "Full order made on 2 March 2026 with 1 condition. It is in force until the end of 1 March 2028, a fixed period of at least 2 years (SPA 2019 s.3(1)–(2), R14).",
            made.Explain());
    }

    [Fact]
    public async Task R13_RecordFullOrderUntilFurtherOrder_OutcomeSaysItHasNoLastDay()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);

        // Act
        var created = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 3, 2)).UntilFurtherOrder());

        // Assert
        Assert.Null(created.Made!.LastInForceDay);
        Assert.Equal("Full order made on 2 March 2026 with 1 condition. It has effect until further order (SPA 2019 s.3(1), R13).", created.Made.Explain());
    }

    [Fact]
    public async Task R16_R17_RecordInterimOrder_OutcomeGivesItsFixedPeriodAndThatItCeasesOnDetermination()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);

        // Act
        var created = await testData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 3, 2)));

        // Assert
        Assert.Equal(("R16", "SPA 2019 s.5(6)(a)"), (created.Made!.RuleId, created.Made.LegalSource));
        Assert.Equal(
            "Interim order made on 2 March 2026 with 1 condition. It has effect for a fixed period, until the end of 29 March 2026 (SPA 2019 s.5(6)(a), R16), "
            + "and ceases earlier if the main application is determined (SPA 2019 s.5(6)(b), R17).",
            created.Made.Explain());
    }

    [Fact]
    public async Task R19_RecordFullOrder_OutcomeNamesTheInterimOrdersItEnded()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var interim = await testData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 2)));

        // Act
        var full = await testData.CreateOrderAsync(o => o.ReplacingInterim(interim).MadeOn(new DateOnly(2026, 2, 20)).UntilFurtherOrder());

        // Assert
        var made = full.Made!;
        Assert.Equal(new InterimOrderEnded(interim.OrderId, new DateOnly(2026, 2, 20)), Assert.Single(made.InterimOrdersEnded));
        Assert.Equal(interim.OrderId, made.ReplacedInterimOrderId);
        Assert.Equal(
            "Full order made on 20 February 2026 with 1 condition. It has effect until further order (SPA 2019 s.3(1), R13). "
            + "The interim order on the same main application ceased on 20 February 2026, when this order determined it (SPA 2019 s.5(6)(b), R17). "
            + "This order replaces the interim order in force, so serving it starts no new initial notification duty (SPA 2019 s.9(1), R19).",
            made.Explain());
    }
}
