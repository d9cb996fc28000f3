using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Breaches;

/// <summary>Recording what followed a breach answers with the breach as it now stands, and one <c>Explain</c> gives the words (SPA 2019 s.8, R37, R41).</summary>
public class BreachUpdatedOutcomeTests
{
    private static async Task<(TestData Data, Guid BreachId)> BreachAsync(TestDatabase db)
    {
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 2)));
        var breachId = await testData.WithServicesAsync(new DateOnly(2026, 2, 6), async s => (await s.Breaches.RecordBreachAsync(new RecordBreachOptions(order.OrderId,
            order.ConditionIds[0], LondonTime.ToUtc(new DateOnly(2026, 2, 3), new TimeOnly(20, 0)), "Her workplace", "Waited outside her work"), TestData.Officer)).BreachId);
        return (testData, breachId);
    }

    [Fact]
    public async Task R37_R41_RecordConviction_OutcomeGivesTheMaximumPenaltyAndSaysTheVictimsAreTold()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var (testData, breachId) = await BreachAsync(db);

        // Act
        var updated = await testData.WithServicesAsync(new DateOnly(2026, 3, 3), s => s.Breaches.RecordOutcomeAsync(
            new RecordBreachOutcomeOptions(breachId, BreachOutcome.Convicted, new DateOnly(2026, 3, 2), "12 weeks"), TestData.Officer));

        // Assert
        Assert.Equal((BreachOutcome.UnderInvestigation, BreachOutcome.Convicted, true), (updated.OutcomeBefore, updated.Outcome, updated.VictimsToldOfNewOutcome));
        Assert.Equal(
            "Breach updated (offence code H20164), no longer under investigation: the respondent was convicted on 2 March 2026 of breaching the order, an offence under "
            + "SPA 2019 s.8(1) punishable on indictment by up to 5 years' imprisonment (SPA 2019 s.8(2), R37). Recorded: sentence 12 weeks. "
            + "The victims who asked for updates will be told the new outcome (R41, Victims' Code).",
            updated.Explain());
    }

    [Fact]
    public async Task R41_RecordProgressWithTheSameOutcome_OutcomeSaysWhenTheVictimWasToldAndNothingNewIsPassedOn()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var (testData, breachId) = await BreachAsync(db);

        // Act
        var updated = await testData.WithServicesAsync(new DateOnly(2026, 2, 6), s => s.Breaches.RecordProgressAsync(new RecordBreachProgressOptions(breachId,
            new BreachProgress("CR/1/26", null, null, null, null, BreachOutcome.UnderInvestigation, null, null,
                LondonTime.ToUtc(new DateOnly(2026, 2, 4), new TimeOnly(10, 0)), null)), TestData.Officer));

        // Assert
        Assert.False(updated.VictimsToldOfNewOutcome);
        Assert.Equal(
            "Breach updated (offence code H20164): the outcome is under investigation. Recorded: crime reference CR/1/26. The victim was told of the breach on 4 February 2026 (R41).",
            updated.Explain());
    }
}
