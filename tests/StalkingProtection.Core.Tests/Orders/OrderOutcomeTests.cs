using StalkingProtection.Core.Applications;
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
    [Fact]
    public async Task R21_VaryAsync_OutcomeCountsTheTermsAddedAndChangedAndGivesTheDayTheyApply()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 2)));
        var tighter = TestData.NoContact(created.Case.ProtectedPersonIds) with { Wording = "Must not contact the protected person, or anyone she lives with, by any means." };
        var exclusion = new ConditionDraft(ConditionType.Prohibition, ConditionCategory.ExclusionZone, "Must not enter Roundhay, Leeds, as shown on the map.",
            ConditionScope.Locality, "Roundhay, Leeds (map A)", created.Case.ProtectedPersonIds, "She has moved to Roundhay.", true, false, null);

        // Act
        var varied = await testData.WithServicesAsync(new DateOnly(2026, 5, 1), s => s.Orders.VaryAsync(new VaryOrderOptions(created.OrderId, ApplicantParty.ChiefOfficer,
            PoliceForce.WestYorkshire, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 1), [tighter, exclusion], true, "He has been seen near her new home."),
            TestData.Officer));

        // Assert
        Assert.Equal((OrderChangeType.Variation, (int?)2, 1, 0, 1), (varied.Type, varied.ConditionSetNumber, varied.TermsAdded, varied.TermsRemoved, varied.TermsChanged));
        Assert.Equal(
            "The new terms (version 2) apply from 1 May 2026: 1 condition added, 1 condition changed (SPA 2019 s.4, R21).",
            varied.Explain());
    }

    [Fact]
    public async Task R23_RenewAsync_OutcomeGivesTheNewAndTheOldLastDay()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2024, 5, 1)).LastDay(new DateOnly(2026, 4, 30)).ServedOn(new DateOnly(2024, 5, 1)));

        // Act
        var renewed = await testData.WithServicesAsync(new DateOnly(2026, 4, 20), s => s.Orders.RenewAsync(new RenewOrderOptions(created.OrderId,
            ApplicantParty.ChiefOfficer, PoliceForce.WestYorkshire, new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 20), DurationType.FixedPeriod,
            new DateOnly(2028, 4, 30), "Still sending messages through friends"), TestData.Officer));

        // Assert
        Assert.Equal(((DateOnly?)new DateOnly(2026, 4, 30), (DateOnly?)new DateOnly(2028, 4, 30)), (renewed.PreviousLastDay, renewed.NewLastDay));
        Assert.Equal("The order is now in force until the end of 30 April 2028; its last day was 30 April 2026 (SPA 2019 s.4, R23).", renewed.Explain());
    }

    [Fact]
    public async Task R22_DischargeAsyncWithinTwoYearsWithBothConsents_OutcomeGivesTheLastDayInForceAndThatConsentWasNeeded()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).UntilFurtherOrder());
        var on = new DateOnly(2026, 6, 1);

        // Act
        var discharged = await testData.WithServicesAsync(on, s => s.Orders.DischargeAsync(new DischargeOrderOptions(created.OrderId, ApplicantParty.Defendant, null,
            on, on, [new DischargeConsent(ConsentParty.Defendant, on.AddDays(-20), ConsentMethod.InWriting),
                new DischargeConsent(ConsentParty.RelevantChiefOfficer, on.AddDays(-10), ConsentMethod.InWriting)]), TestData.Officer));

        // Assert
        Assert.Equal((true, (DateOnly?)new DateOnly(2026, 5, 31), "R22"), (discharged.ConsentNeeded, discharged.LastDayInForce, discharged.RuleId));
        Assert.Equal(
            "The order is no longer in force from 1 June 2026; its last day in force was 31 May 2026. It was discharged within 2 years of being made, "
            + "with the consent of both the defendant and the relevant chief officer (SPA 2019 s.4, R22).",
            discharged.Explain());
    }
}
