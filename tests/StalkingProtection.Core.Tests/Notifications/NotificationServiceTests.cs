using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Notifications;

public class NotificationServiceTests
{
    private static DateTimeOffset MorningOn(DateOnly day) => LondonTime.ToUtc(day, new TimeOnly(10, 0));

    private static NotificationEvent.Details Details(DateTimeOffset at, PoliceForce area, string ack) =>
        new(at, "Elland Road Police Station", area, NotificationMode.InPersonOral, "PC Desk", false, null, "John Smith", "1 High Street", ack, at.AddMinutes(10), "SoS-1");

    [Fact]
    public async Task R25_RecordNotificationAsync_MeetsTheInitialObligationAndAudits()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var served = new DateOnly(2026, 3, 2);
        var order = await testData.CreateOrderAsync(o => o.Interim().MadeOn(served).ServedOn(served));
        var at = LondonTime.ToUtc(served.AddDays(2), new TimeOnly(10, 0));

        // Act
        var recorded = await testData.WithServicesAsync(served.AddDays(2), s => s.Notifications.RecordNotificationAsync(
            new RecordNotificationOptions(order.Case.RespondentId, Details(at, PoliceForce.WestYorkshire, "ACK-1")), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        var obligation = await ctx.NotificationObligations.SingleAsync(o => o.Id == order.ObligationId);
        Assert.Equal(ObligationStatus.Met, obligation.Status);
        Assert.Equal(recorded.NotificationId, obligation.MetByEventId);
        Assert.True(await ctx.AuditEntries.AnyAsync(a => a.Action == "Notification.Recorded" && a.RecordId == recorded.NotificationId.ToString()));
    }

    [Fact]
    public async Task R25_R31_RecordNotificationOnTheThirdDay_AnswersWithTheReferenceAndTheDutyMetOnTime()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var served = new DateOnly(2026, 3, 2);
        var order = await testData.CreateOrderAsync(o => o.Interim().MadeOn(served).ServedOn(served));

        // Act
        var recorded = await testData.WithServicesAsync(served.AddDays(2), s => s.Notifications.RecordNotificationAsync(
            new RecordNotificationOptions(order.Case.RespondentId, Details(MorningOn(served.AddDays(2)), PoliceForce.WestYorkshire, "ACK-7")), TestData.Officer));

        // Assert
        var duty = Assert.Single(recorded.DutiesMet);
        Assert.Equal(order.ObligationId, duty.ObligationId);
        Assert.True(duty.OnTime);
        Assert.Equal("ACK-7", recorded.AcknowledgementReference);
        Assert.Equal(
            "Notification given on 4 March 2026 at Elland Road Police Station, acknowledged in writing with reference ACK-7 (SPA 2019 s.10(4), R31). "
            + "It met the initial notification duty on time: it was due by the end of 4 March 2026 (SPA 2019 s.9(1), R25).",
            recorded.Explain());
    }

    [Fact]
    public async Task R33_RecordNotificationAfterTheDueDay_AnswersThatTheDutyWasMetLate()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var served = new DateOnly(2026, 3, 2);
        var order = await testData.CreateOrderAsync(o => o.Interim().MadeOn(served).ServedOn(served));

        // Act
        var recorded = await testData.WithServicesAsync(served.AddDays(3), s => s.Notifications.RecordNotificationAsync(
            new RecordNotificationOptions(order.Case.RespondentId, Details(MorningOn(served.AddDays(3)), PoliceForce.WestYorkshire, "ACK-8")), TestData.Officer));

        // Assert
        Assert.False(Assert.Single(recorded.DutiesMet).OnTime);
        Assert.Equal(
            "Notification given on 5 March 2026 at Elland Road Police Station, acknowledged in writing with reference ACK-8 (SPA 2019 s.10(4), R31). "
            + "It met the initial notification duty late: it was due by the end of 4 March 2026 (SPA 2019 s.9(1), R25). "
            + "Notifying late may be an offence under s.11 unless the respondent had a reasonable excuse (SPA 2019 s.11, R33).",
            recorded.Explain());
    }

    [Fact]
    public async Task R31_RecordNotificationAsyncWithoutReference_IssuesWrittenAcknowledgement()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var served = new DateOnly(2026, 3, 2);
        var order = await testData.CreateOrderAsync(o => o.Interim().MadeOn(served).ServedOn(served));
        var details = Details(MorningOn(served.AddDays(1)), PoliceForce.WestYorkshire, "") with { AcknowledgedAt = null };

        // Act
        var recorded = await testData.WithServicesAsync(served.AddDays(1), s => s.Notifications.RecordNotificationAsync(
            new RecordNotificationOptions(order.Case.RespondentId, details), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        var notification = await ctx.NotificationEvents.SingleAsync(e => e.Id == recorded.NotificationId);
        Assert.StartsWith("SPA-ACK-20260303-", notification.AcknowledgementReference, StringComparison.Ordinal);
        Assert.Equal(TestData.NoonOn(served.AddDays(1)), notification.AcknowledgedAt);
    }

    [Fact]
    public async Task R29_RecordNotificationAsyncAtWrongArea_IsBlockedAndNothingSaved()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var served = new DateOnly(2026, 3, 2);
        var order = await testData.CreateOrderAsync(o => o.Interim().MadeOn(served).ServedOn(served));

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(served.AddDays(1), s => s.Notifications.RecordNotificationAsync(
            new RecordNotificationOptions(order.Case.RespondentId, Details(MorningOn(served.AddDays(1)), PoliceForce.Lancashire, "ACK-2")), TestData.Officer)));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R29");
        await using var ctx = db.CreateContext();
        Assert.False(await ctx.NotificationEvents.AnyAsync());
    }

    [Fact]
    public async Task R29_RespondentWithNoEnglandWalesAddress_NotifiesInTheAreaOfTheCourtThatMadeTheOrder()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var served = new DateOnly(2026, 3, 2);
        var order = await testData.CreateOrderAsync(o => o.Interim().MadeOn(served).ServedOn(served).WithCase(c => c.RespondentLivesIn(null)));

        // Act
        await testData.WithServicesAsync(served.AddDays(1), s => s.Notifications.RecordNotificationAsync(
            new RecordNotificationOptions(order.Case.RespondentId, Details(MorningOn(served.AddDays(1)), PoliceForce.WestYorkshire, "ACK-3")), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        Assert.Equal(ObligationStatus.Met, (await ctx.NotificationObligations.SingleAsync(o => o.Id == order.ObligationId)).Status);
    }

    [Fact]
    public async Task R27_RecordNameChangeAsync_CreatesObligationDueTwoDaysAfterFirstUse()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 2)));

        // Act
        var obligationId = (await testData.WithServicesAsync(new DateOnly(2026, 4, 1), s => s.Notifications.RecordNameChangeAsync(
            new RecordNameChangeOptions(order.Case.RespondentId, "Jon", "Smyth", new DateOnly(2026, 3, 30)), TestData.Officer))).ObligationId;

        // Assert
        await using var ctx = db.CreateContext();
        var obligation = await ctx.NotificationObligations.SingleAsync(o => o.Id == obligationId);
        Assert.Equal(NotificationTrigger.NewName, obligation.Trigger);
        Assert.Equal(new DateOnly(2026, 4, 1), obligation.DueBy);
        var respondent = await ctx.Respondents.SingleAsync(r => r.Id == order.Case.RespondentId);
        Assert.Contains(respondent.Person.Names, n => n.IsAlias && n.FamilyName == "Smyth" && n.FirstUsedOn == new DateOnly(2026, 3, 30));
    }

    [Fact]
    public async Task R27_NotificationAfterNameChange_MeetsDutyAndMarksTheNameNotified()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 2)));
        await testData.WithServicesAsync(new DateOnly(2026, 2, 3), s => s.Notifications.RecordNotificationAsync(
            new RecordNotificationOptions(order.Case.RespondentId, Details(MorningOn(new DateOnly(2026, 2, 3)), PoliceForce.WestYorkshire, "ACK-6")), TestData.Officer));
        var obligationId = (await testData.WithServicesAsync(new DateOnly(2026, 4, 1), s => s.Notifications.RecordNameChangeAsync(
            new RecordNameChangeOptions(order.Case.RespondentId, "Jon", "Smyth", new DateOnly(2026, 3, 31)), TestData.Officer))).ObligationId;

        // Act
        await testData.WithServicesAsync(new DateOnly(2026, 4, 2), s => s.Notifications.RecordNotificationAsync(
            new RecordNotificationOptions(order.Case.RespondentId, Details(MorningOn(new DateOnly(2026, 4, 2)), PoliceForce.WestYorkshire, "ACK-7")), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        Assert.Equal(ObligationStatus.Met, (await ctx.NotificationObligations.SingleAsync(o => o.Id == obligationId)).Status);
        var respondent = await ctx.Respondents.SingleAsync(r => r.Id == order.Case.RespondentId);
        Assert.Equal(new DateOnly(2026, 4, 2), respondent.Person.Names.Single(n => n.IsAlias).NotifiedOn);
    }

    [Fact]
    public async Task R28_AddressChangeNotifiedBeforeTheMove_AtOldArea_MeetsTheObligation()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 2)));
        var moveDay = new DateOnly(2026, 5, 10);

        // Act
        var obligationId = (await testData.WithServicesAsync(new DateOnly(2026, 5, 8), s => s.Notifications.RecordAddressChangeAsync(
            new RecordAddressChangeOptions(order.Case.RespondentId, "9 Moss Lane, Manchester", PoliceForce.GreaterManchester, moveDay, AddressSource.Notification), TestData.Officer))).ObligationId;
        await testData.WithServicesAsync(new DateOnly(2026, 5, 8), s => s.Notifications.RecordNotificationAsync(
            new RecordNotificationOptions(order.Case.RespondentId, Details(MorningOn(new DateOnly(2026, 5, 8)), PoliceForce.WestYorkshire, "ACK-4") with
            {
                AddressGiven = "9 Moss Lane, Manchester M1 1AA",
            }, obligationId), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        var obligation = await ctx.NotificationObligations.SingleAsync(o => o.Id == obligationId);
        Assert.Equal(new DateOnly(2026, 5, 12), obligation.DueBy);
        Assert.Equal(ObligationStatus.Met, obligation.Status);
    }

    [Fact]
    public async Task SPA2019_s9_4_R28_NewAddressNotifiedInAdvanceAndTheMoveEnteredAfterwards_MeetsTheDutyTheMoveCreates()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 2)));
        await testData.WithServicesAsync(new DateOnly(2026, 2, 3), s => s.Notifications.RecordNotificationAsync(
            new RecordNotificationOptions(order.Case.RespondentId, Details(MorningOn(new DateOnly(2026, 2, 3)), PoliceForce.WestYorkshire, "ACK-I")), TestData.Officer));
        await testData.WithServicesAsync(new DateOnly(2026, 5, 8), s => s.Notifications.RecordNotificationAsync(
            new RecordNotificationOptions(order.Case.RespondentId, Details(MorningOn(new DateOnly(2026, 5, 8)), PoliceForce.WestYorkshire, "ACK-A") with
            {
                AddressGiven = "9 Moss Lane, Manchester",
            }), TestData.Officer));

        // Act
        var duty = await testData.WithServicesAsync(new DateOnly(2026, 5, 20), s => s.Notifications.RecordAddressChangeAsync(
            new RecordAddressChangeOptions(order.Case.RespondentId, "9 Moss Lane, Manchester", PoliceForce.GreaterManchester, new DateOnly(2026, 5, 10)), TestData.Officer));
        await testData.WithServicesAsync(new DateOnly(2026, 5, 20), s => s.Deadlines.RunAsync(TestData.NoonOn(new DateOnly(2026, 5, 20))));

        // Assert
        await using var ctx = db.CreateContext();
        var obligation = await ctx.NotificationObligations.SingleAsync(o => o.Id == duty.ObligationId);
        Assert.Equal(ObligationStatus.Met, obligation.Status);
        Assert.Equal(new DateOnly(2026, 5, 8), obligation.MetOn);
        Assert.Null(obligation.OverdueFlaggedAt);
    }

    [Fact]
    public async Task R26_SoaFinalDayWhileOrderInForce_CreatesInitialObligationFromTheFinalDay()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 2))
            .WithCase(c => c.RespondentSubjectToSoaPart2(new DateOnly(2019, 1, 1))));

        // Act
        var obligationId = (await testData.WithServicesAsync(new DateOnly(2026, 8, 1), s => s.Notifications.RecordSoaFinalDayAsync(
            new RecordSoaFinalDayOptions(order.Case.RespondentId, new DateOnly(2026, 7, 31)), TestData.Officer))).ObligationId;

        // Assert
        Assert.Null(order.ObligationId);
        await using var ctx = db.CreateContext();
        var obligation = await ctx.NotificationObligations.SingleAsync(o => o.Id == obligationId);
        Assert.Equal(NotificationTrigger.FinalDaySoa, obligation.Trigger);
        Assert.Equal(new DateOnly(2026, 8, 2), obligation.DueBy);
    }

    [Fact]
    public async Task SPA2019_s9_3_R27_RecordNameChangeAsync_OrderNotYetServed_AnswersWhyNoDutyArose()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)));

        // Act
        var duty = await testData.WithServicesAsync(new DateOnly(2026, 4, 1), s => s.Notifications.RecordNameChangeAsync(
            new RecordNameChangeOptions(order.Case.RespondentId, "Jon", "Smyth", new DateOnly(2026, 3, 30)), TestData.Officer));

        // Assert
        Assert.Null(duty.Obligation);
        Assert.Equal(NoNotificationDutyReason.NoServedOrderInForce, duty.NoneBecause);
        Assert.Equal("R27", duty.RuleId);
        await using var ctx = db.CreateContext();
        Assert.False(await ctx.NotificationObligations.AnyAsync(o => o.RespondentId == order.Case.RespondentId));
        var respondent = await ctx.Respondents.SingleAsync(r => r.Id == order.Case.RespondentId);
        Assert.Contains(respondent.Person.Names, n => n.IsAlias && n.FamilyName == "Smyth");
    }

    [Fact]
    public async Task SPA2019_s9_6_R26_RecordSoaFinalDayAsync_BeforeTheOrderWasMade_AnswersWhyNoDutyArose()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 2))
            .WithCase(c => c.RespondentSubjectToSoaPart2(new DateOnly(2019, 1, 1))));

        // Act
        var duty = await testData.WithServicesAsync(new DateOnly(2026, 8, 1), s => s.Notifications.RecordSoaFinalDayAsync(
            new RecordSoaFinalDayOptions(order.Case.RespondentId, new DateOnly(2026, 1, 31)), TestData.Officer));

        // Assert
        Assert.Null(duty.Obligation);
        Assert.Equal(NoNotificationDutyReason.NoServedOrderInForce, duty.NoneBecause);
        Assert.Equal(("R26", "SPA 2019 s.9(6)–(7)"), (duty.RuleId, duty.LegalSource));
        await using var ctx = db.CreateContext();
        Assert.False(await ctx.NotificationObligations.AnyAsync(o => o.RespondentId == order.Case.RespondentId));
    }

    [Fact]
    public async Task SPA2019_s9_4_R28_RecordAddressChangeAsync_ReturnsTheDutyItSaved()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 2)));

        // Act
        var duty = await testData.WithServicesAsync(new DateOnly(2026, 5, 10), s => s.Notifications.RecordAddressChangeAsync(
            new RecordAddressChangeOptions(order.Case.RespondentId, "9 Moss Lane, Leeds", PoliceForce.WestYorkshire, new DateOnly(2026, 5, 10)), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        var saved = await ctx.NotificationObligations.SingleAsync(o => o.Id == duty.ObligationId);
        Assert.Equal((NotificationTrigger.NewAddress, order.OrderId, StatutoryDates.NewAddressNotificationDue(new DateOnly(2026, 5, 10))),
            (saved.Trigger, saved.OrderId!.Value, saved.DueBy));
        Assert.Equal(("R28", "SPA 2019 s.9(4)"), (duty.RuleId, duty.LegalSource));
    }

    [Fact]
    public async Task R32_BiometricsRefused_RaisesPotentialS11OffenceTask()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var served = new DateOnly(2026, 3, 2);
        var order = await testData.CreateOrderAsync(o => o.Interim().MadeOn(served).ServedOn(served));
        var details = Details(MorningOn(served.AddDays(1)), PoliceForce.WestYorkshire, "ACK-5") with
        {
            BiometricsRequested = BiometricsRequested.Fingerprints,
            BiometricsPurpose = "verify identity",
            BiometricsOutcome = BiometricsOutcome.Refused,
        };

        // Act
        await testData.WithServicesAsync(served.AddDays(1), s => s.Notifications.RecordNotificationAsync(new RecordNotificationOptions(order.Case.RespondentId, details), TestData.Officer));

        // Assert
        await using var ctx = db.CreateContext();
        var task = await ctx.StaffTasks.SingleAsync(t => t.Type == StaffTaskType.PotentialS11Offence);
        Assert.Contains("H20168", task.Title, StringComparison.Ordinal);
        Assert.Equal(order.Case.CaseId, task.CaseId);
    }
}
