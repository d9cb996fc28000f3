using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Breaches;

/// <summary>Recording a breach answers with what the breach decided, and one <c>Explain</c> gives the words (SPA 2019 s.8(1), R35).</summary>
public class BreachRecordedOutcomeTests
{
    [Fact]
    public async Task R35_RecordBreachAfterService_OutcomeNamesTheConditionBrokenAndTheSection8Offence()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 2)));

        // Act
        var recorded = await testData.WithServicesAsync(new DateOnly(2026, 2, 10), s => s.Breaches.RecordBreachAsync(
            new RecordBreachOptions(order.OrderId, order.ConditionIds[0], TestData.NoonOn(new DateOnly(2026, 2, 9)), null, "Sent messages"), TestData.Officer));

        // Assert
        Assert.Equal((order.OrderId, order.ConditionIds[0], 1, false, (string?)null),
            (recorded.OrderId, recorded.ConditionId, recorded.ConditionNumber, recorded.NeedsLegalReview, recorded.LegalReviewFor));
        Assert.Equal(
            "Breach recorded (offence code H20164): the incident on 9 February 2026 broke condition 1 of the order "
            + "(\"Must not contact the protected person directly or indirectly by any means.\"), a suspected offence under SPA 2019 s.8(1) (R35). "
            + "The order had been served on 2 February 2026, before the incident (SPA 2019 s.8(1), R35).",
            recorded.Explain());
    }

    [Fact]
    public async Task R35_RecordBreachBeforeService_OutcomeSaysWhomTheLegalReviewTaskWasRaisedFor()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 5)));

        // Act
        var recorded = await testData.WithServicesAsync(new DateOnly(2026, 2, 6), s => s.Breaches.RecordBreachAsync(new RecordBreachOptions(order.OrderId,
            order.ConditionIds[0], LondonTime.ToUtc(new DateOnly(2026, 2, 3), new TimeOnly(20, 0)), "Her workplace", "Waited outside her work",
            Override: new Override("He was told of the order by phone on 2 February", TestData.Officer)), TestData.Officer));

        // Assert
        Assert.True(recorded.NeedsLegalReview);
        Assert.Equal(TestData.Officer.Name, recorded.LegalReviewFor);
        Assert.Equal(
            "Breach recorded (offence code H20164): the incident on 3 February 2026 broke condition 1 of the order "
            + "(\"Must not contact the protected person directly or indirectly by any means.\"), a suspected offence under SPA 2019 s.8(1) (R35). "
            + "The incident came before the order was served, so a legal review task was raised for PC Alex Test: legal services must decide whether the "
            + "respondent knew of the order (SPA 2019 s.8(1), R35).",
            recorded.Explain());
    }
}
