using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Notifications;

/// <summary>s.11 offences are recorded by a person, with a code that fits what happened (spo-rules.md §4.3, R32, R33).</summary>
public class NotificationOffenceTests
{
    private static readonly DateOnly _served = new(2026, 2, 5);

    [Fact]
    public async Task R33_OverdueObligation_IsOnlyFlaggedAndNoOffenceIsRecorded()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(_served).ServedOn(_served));

        // Act
        await testData.WithServicesAsync(_served.AddDays(5), s => s.Deadlines.RunAsync(LondonTime.ToUtc(_served.AddDays(5), new TimeOnly(1, 0))));

        // Assert
        await using var ctx = db.CreateContext();
        Assert.Equal(ObligationStatus.Overdue, (await ctx.NotificationObligations.SingleAsync(o => o.Id == order.ObligationId)).Status);
        Assert.False(await ctx.NotificationOffences.AnyAsync());
    }

    [Fact]
    public async Task R33_FailureToNotify_IsRecordedByAPersonWithItsOutcome()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(_served).ServedOn(_served));

        // Act
        var id = await testData.WithServicesAsync(_served.AddDays(5), async s => (await s.Notifications.RecordOffenceAsync(new RecordNotificationOffenceOptions(
            order.Case.RespondentId, order.ObligationId, null, "H20165", "Says he was in hospital"), TestData.Officer)).OffenceId);
        await testData.WithServicesAsync(_served.AddDays(9), s => s.Notifications.RecordOffenceOutcomeAsync(new RecordNotificationOffenceOutcomeOptions(id,
            NotificationOffenceOutcome.ReasonableExcuseAccepted, _served.AddDays(8), "Hospital discharge letter seen"), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        var offence = await ctx.NotificationOffences.SingleAsync(o => o.Id == id);
        Assert.Equal((TestData.Officer.Name, _served.AddDays(3), NotificationOffenceOutcome.ReasonableExcuseAccepted),
            (offence.RecordedBy, offence.OffenceOn, offence.Outcome));
        Assert.True(await ctx.AuditEntries.AnyAsync(a => a.Action == "NotificationOffence.Recorded" && a.ActorId == TestData.Officer.Id));
    }

    [Fact]
    public async Task R33_OffenceCodeNotFittingTheTrigger_IsRefused()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(_served).ServedOn(_served));

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(_served.AddDays(5), async s => (await s.Notifications.RecordOffenceAsync(
            new RecordNotificationOffenceOptions(order.Case.RespondentId, order.ObligationId, null, "H20167", null), TestData.Officer)).OffenceId));

        // Assert
        var violation = Assert.Single(Assert.IsType<RuleViolationException>(ex).Violations);
        Assert.Equal(("R33", "offenceCode"), (violation.RuleId, violation.Field));
        Assert.Contains("H20165", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R33_OffenceBeforeTheNotificationPeriodEnds_IsRefused()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(_served).ServedOn(_served));

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(_served.AddDays(2), async s => (await s.Notifications.RecordOffenceAsync(
            new RecordNotificationOffenceOptions(order.Case.RespondentId, order.ObligationId, null, "H20165", null), TestData.Officer)).OffenceId));

        // Assert
        var violation = Assert.Single(Assert.IsType<RuleViolationException>(ex).Violations);
        Assert.Equal(("R33", "obligationId"), (violation.RuleId, violation.Field));
    }

    [Fact]
    public async Task R32_H20168WithoutARefusal_IsRefusedAndAfterARefusalIsRecorded()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(_served).ServedOn(_served));
        var at = LondonTime.ToUtc(_served.AddDays(1), new TimeOnly(10, 0));
        NotificationEvent.Details Details(string ack, BiometricsOutcome outcome) => new(at, "Elland Road Police Station", PoliceForce.WestYorkshire,
            NotificationMode.InPersonOral, "PC Desk", false, null, "John Smith", "1 High Street", ack, at.AddMinutes(10), "SoS-1", BiometricsRequested.Fingerprints,
            "verify identity", outcome);
        var complied = await testData.WithServicesAsync(_served.AddDays(1), s => s.Notifications.RecordNotificationAsync(
            new RecordNotificationOptions(order.Case.RespondentId, Details("ACK-1", BiometricsOutcome.Complied)), TestData.Officer));
        var refused = await testData.WithServicesAsync(_served.AddDays(1), s => s.Notifications.RecordNotificationAsync(
            new RecordNotificationOptions(order.Case.RespondentId, Details("ACK-2", BiometricsOutcome.Refused)), TestData.Officer));

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(_served.AddDays(1), async s => (await s.Notifications.RecordOffenceAsync(
            new RecordNotificationOffenceOptions(order.Case.RespondentId, null, complied.NotificationId, "H20168", null), TestData.Officer)).OffenceId));
        var id = await testData.WithServicesAsync(_served.AddDays(1), async s => (await s.Notifications.RecordOffenceAsync(
            new RecordNotificationOffenceOptions(order.Case.RespondentId, null, refused.NotificationId, "H20168", null), TestData.Officer)).OffenceId);

        // Assert
        Assert.Equal("R32", Assert.Single(Assert.IsType<RuleViolationException>(ex).Violations).RuleId);
        await using var ctx = db.CreateContext();
        Assert.Equal(refused.NotificationId, (await ctx.NotificationOffences.SingleAsync(o => o.Id == id)).NotificationEventId);
    }

    [Fact]
    public async Task R25_SoaPart2StartWhileAPeriodIsOpen_IsRefusedAndWhileItLastsNoNameDutyArises()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(_served).ServedOn(_served));
        await testData.WithServicesAsync(_served.AddDays(10), async s => (await s.Notifications.RecordSoaStartAsync(
            new RecordSoaStartOptions(order.Case.RespondentId, _served.AddDays(10)), TestData.Officer)).PeriodId);

        // Act
        var again = await Record.ExceptionAsync(() => testData.WithServicesAsync(_served.AddDays(11), async s => (await s.Notifications.RecordSoaStartAsync(
            new RecordSoaStartOptions(order.Case.RespondentId, _served.AddDays(11)), TestData.Officer)).PeriodId));
        var obligation = (await testData.WithServicesAsync(_served.AddDays(12), s => s.Notifications.RecordNameChangeAsync(
            new RecordNameChangeOptions(order.Case.RespondentId, "Mark", "Other", _served.AddDays(12)), TestData.Officer))).ObligationId;

        // Assert
        var violation = Assert.Single(Assert.IsType<RuleViolationException>(again).Violations);
        Assert.Equal(("R25", "startedOn"), (violation.RuleId, violation.Field));
        Assert.Null(obligation);
    }
}
