using StalkingProtection.Core.Notifications;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Notifications;

/// <summary>Recording what became of a suspected s.11 offence answers with the outcome before and after, and one <c>Explain</c> gives the words.</summary>
public class NotificationOffenceUpdatedOutcomeTests
{
    private static readonly DateOnly _served = new(2026, 2, 5);

    [Fact]
    public async Task R33_ReasonableExcuseAccepted_OutcomeSaysNoOffenceIsAllegedAndWhatItWas()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(_served).ServedOn(_served));
        var suspected = await testData.WithServicesAsync(_served.AddDays(5), s => s.Notifications.RecordOffenceAsync(new RecordNotificationOffenceOptions(
            order.Case.RespondentId, order.ObligationId, null, "H20165", null), TestData.Officer));

        // Act
        var updated = await testData.WithServicesAsync(_served.AddDays(9), s => s.Notifications.RecordOffenceOutcomeAsync(
            new RecordNotificationOffenceOutcomeOptions(suspected.OffenceId, NotificationOffenceOutcome.ReasonableExcuseAccepted, _served.AddDays(8),
                "In hospital from 4 to 12 February"), TestData.Officer));

        // Assert
        Assert.Equal((NotificationOffenceOutcome.UnderInvestigation, NotificationOffenceOutcome.ReasonableExcuseAccepted, (DateOnly?)_served.AddDays(8)),
            (updated.Before, updated.Outcome, updated.OutcomeOn));
        Assert.Equal(
            "A reasonable excuse was accepted on 13 February 2026: the offence is failing to notify without one, so none is alleged "
            + "(it was under investigation). Offence code H20165 (SPA 2019 s.11, R33).",
            updated.Explain());
    }

    [Fact]
    public async Task R33_Charged_OutcomeGivesTheMaximumOnIndictment()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(_served).ServedOn(_served));
        var suspected = await testData.WithServicesAsync(_served.AddDays(5), s => s.Notifications.RecordOffenceAsync(new RecordNotificationOffenceOptions(
            order.Case.RespondentId, order.ObligationId, null, "H20165", null), TestData.Officer));

        // Act
        var updated = await testData.WithServicesAsync(_served.AddDays(9), s => s.Notifications.RecordOffenceOutcomeAsync(
            new RecordNotificationOffenceOutcomeOptions(suspected.OffenceId, NotificationOffenceOutcome.Charged, _served.AddDays(9), null), TestData.Officer));

        // Assert
        Assert.Equal("The respondent was charged on 14 February 2026: the offence is triable either way, up to 5 years' imprisonment on indictment "
            + "(it was under investigation). Offence code H20165 (SPA 2019 s.11, R33).", updated.Explain());
    }
}
