using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Notifications;

/// <summary>
/// Recording a suspected s.11 offence, or the start of SOA 2003 Part 2 notification, answers with what the entity decided, and one
/// <c>Explain</c> gives the words.
/// </summary>
public class NotificationOffenceRecordedOutcomeTests
{
    private static readonly DateOnly _served = new(2026, 2, 5);

    [Fact]
    public async Task R33_RecordFailureToNotify_OutcomeNamesTheDutyNotMetAndThatNoOffenceIsAlleged()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(_served).ServedOn(_served));

        // Act
        var recorded = await testData.WithServicesAsync(_served.AddDays(5), s => s.Notifications.RecordOffenceAsync(new RecordNotificationOffenceOptions(
            order.Case.RespondentId, order.ObligationId, null, "H20165", null), TestData.Officer));

        // Assert
        Assert.Equal((order.ObligationId, (Guid?)null, _served.AddDays(3), "R33"), (recorded.ObligationId, recorded.NotificationId, recorded.OffenceOn, recorded.RuleId));
        Assert.Equal(
            "Suspected offence H20165 recorded: the initial notification duty, due by the end of 7 February 2026, was not met (SPA 2019 s.11(1)(a), R33). "
            + "It is an offence only without reasonable excuse; the service never alleges it itself, so record its outcome when it is known (SPA 2019 s.11, R33).",
            recorded.Explain());
    }

    [Fact]
    public async Task R32_RecordRefusalOfBiometrics_OutcomeNamesTheNotificationItConcerns()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(_served).ServedOn(_served));
        var at = LondonTime.ToUtc(_served.AddDays(1), new TimeOnly(10, 0));
        var notification = await testData.WithServicesAsync(_served.AddDays(1), s => s.Notifications.RecordNotificationAsync(new RecordNotificationOptions(
            order.Case.RespondentId, new NotificationEvent.Details(at, "Elland Road Police Station", PoliceForce.WestYorkshire, NotificationMode.InPersonOral, "PC Desk",
                false, null, "John Smith", "1 High Street", "ACK-2", at.AddMinutes(10), "SoS-1", BiometricsRequested.Fingerprints, "verify identity",
                BiometricsOutcome.Refused)), TestData.Officer));

        // Act
        var recorded = await testData.WithServicesAsync(_served.AddDays(1), s => s.Notifications.RecordOffenceAsync(new RecordNotificationOffenceOptions(
            order.Case.RespondentId, null, notification.NotificationId, "H20168", null), TestData.Officer));

        // Assert
        Assert.Equal((notification.NotificationId, "R32", "SPA 2019 s.10(5), s.11(1)(a)"), (recorded.NotificationId, recorded.RuleId, recorded.LegalSource));
        Assert.Equal(
            "Suspected offence H20168 recorded: at the notification on 6 February 2026 the respondent refused to have fingerprints or photographs taken to verify "
            + "their identity (SPA 2019 s.10(5), s.11(1)(a), R32). It is an offence only without reasonable excuse; the service never alleges it itself, "
            + "so record its outcome when it is known (SPA 2019 s.11, R33).",
            recorded.Explain());
    }

    [Fact]
    public async Task R25_RecordSoaPart2Start_OutcomeSaysNoNewDutyArisesWhileItLasts()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(_served).ServedOn(_served));

        // Act
        var started = await testData.WithServicesAsync(_served.AddDays(10), s => s.Notifications.RecordSoaStartAsync(
            new RecordSoaStartOptions(order.Case.RespondentId, _served.AddDays(10)), TestData.Officer));

        // Assert
        Assert.Equal((order.Case.RespondentId, _served.AddDays(10)), (started.RespondentId, started.StartedOn));
        Assert.Equal(
            "The respondent is subject to the notification requirements of the Sexual Offences Act 2003 Part 2 from 15 February 2026: while that lasts, "
            + "no new duty to notify arises under this Act (SPA 2019 s.9(5), R25). Record the final day of those requirements when it comes: with an order in effect, "
            + "the initial notification duty then runs from it (SPA 2019 s.9(6)–(7), R26).",
            started.Explain());
    }
}
