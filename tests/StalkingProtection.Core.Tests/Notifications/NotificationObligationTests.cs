using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Notifications;

public class NotificationObligationTests
{
    private static readonly DateTimeOffset _now = TestData.NoonOn(new DateOnly(2026, 6, 1));

    private static NotificationEvent Notify(Respondent respondent, DateTimeOffset at) =>
        NotificationEvent.Record(respondent, new NotificationEvent.Details(at, "Millgarth", PoliceForce.WestYorkshire, NotificationMode.InPersonOral, "PC Desk",
            false, null, "John Smith", "1 High Street", $"ACK-{Guid.NewGuid():N}", at.AddMinutes(10), "SoS-2020-1"), null, at.AddHours(1));

    [Fact]
    public void R25_R40_InitialObligation_IsDueAtTheEndOfTheThirdDayCountingServiceDay()
    {
        // Act
        var obligation = NotificationObligation.ForInitialService(Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 3, 27), _now);

        // Assert
        Assert.Equal(new DateOnly(2026, 3, 29), obligation.DueBy);
        Assert.Equal(NotificationTrigger.InitialService, obligation.Trigger);
    }

    [Fact]
    public void R26_FinalDayObligation_IsDueTwoDaysAfterTheFinalDay()
    {
        // Act
        var obligation = NotificationObligation.ForFinalDay(Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 12, 30), _now);

        // Assert
        Assert.Equal(new DateOnly(2027, 1, 1), obligation.DueBy);
        Assert.Equal("H20165", obligation.OffenceCode);
    }

    [Fact]
    public void R27_NameNotifiedBeforeFirstUse_MeetsTheObligation()
    {
        // Arrange
        var respondent = TestData.NewRespondent();
        var name = respondent.Person.AddAlias("John", "Smith", new DateOnly(2026, 5, 10), _now);
        var obligation = NotificationObligation.ForNewName(respondent.Id, null, new DateOnly(2026, 5, 10), name.Id, _now);
        var early = Notify(respondent, TestData.NoonOn(new DateOnly(2026, 5, 8)));

        // Act
        obligation.Meet(early, respondent);

        // Assert
        Assert.Equal(new DateOnly(2026, 5, 12), obligation.DueBy);
        Assert.Equal(ObligationStatus.Met, obligation.Status);
        Assert.Equal(ObligationStatus.Met, obligation.StatusOn(new DateOnly(2026, 5, 20)));
    }

    [Fact]
    public void R28_AddressNotifiedBeforeMove_MeetsTheObligation()
    {
        // Arrange
        var respondent = TestData.NewRespondent();
        var address = respondent.MoveTo("1 High Street", PoliceForce.WestYorkshire, new DateOnly(2026, 5, 10), AddressSource.Other, _now);
        var obligation = NotificationObligation.ForNewAddress(respondent.Id, null, new DateOnly(2026, 5, 10), address.Id, _now);

        // Act
        obligation.Meet(Notify(respondent, TestData.NoonOn(new DateOnly(2026, 5, 9))), respondent);

        // Assert
        Assert.Equal(new DateOnly(2026, 5, 12), obligation.DueBy);
        Assert.Equal(ObligationStatus.Met, obligation.Status);
    }

    [Fact]
    public void R25_NotificationBeforeService_DoesNotMeetInitialDuty()
    {
        // Arrange
        var respondent = TestData.NewRespondent();
        var obligation = NotificationObligation.ForInitialService(respondent.Id, Guid.NewGuid(), new DateOnly(2026, 5, 10), _now);

        // Act
        var ex = Record.Exception(() => obligation.Meet(Notify(respondent, TestData.NoonOn(new DateOnly(2026, 5, 9))), respondent));

        // Assert
        Assert.Contains(Assert.IsType<RuleViolationException>(ex).Violations, v => v.RuleId == "R25");
    }

    [Fact]
    public void R33_DueDayNotYetEndedInLondonSummerTime_StaysOpen()
    {
        // Arrange
        var obligation = NotificationObligation.ForInitialService(Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 6, 10), _now);
        var lastMinuteBst = LondonTime.ToUtc(new DateOnly(2026, 6, 12), new TimeOnly(23, 59, 59));

        // Act
        var flagged = obligation.MarkOverdueIfDue(lastMinuteBst);

        // Assert
        Assert.Equal(new DateTimeOffset(2026, 6, 12, 22, 59, 59, TimeSpan.Zero), lastMinuteBst);
        Assert.False(flagged);
        Assert.Equal(ObligationStatus.Open, obligation.Status);
    }

    [Fact]
    public void R33_DueDayEndedInLondon_BecomesOverdueWithPotentialOffenceCode()
    {
        // Arrange
        var obligation = NotificationObligation.ForNewAddress(Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 6, 10), Guid.NewGuid(), _now);
        var midnightBst = new DateTimeOffset(2026, 6, 12, 23, 0, 0, TimeSpan.Zero);

        // Act
        var flagged = obligation.MarkOverdueIfDue(midnightBst);
        var again = obligation.MarkOverdueIfDue(midnightBst.AddHours(1));

        // Assert
        Assert.True(flagged);
        Assert.False(again);
        Assert.Equal(ObligationStatus.Overdue, obligation.Status);
        Assert.Equal(midnightBst, obligation.OverdueFlaggedAt);
        Assert.Equal("H20167", obligation.OffenceCode);
    }

    [Theory]
    [InlineData(NotificationTrigger.InitialService, "H20165")]
    [InlineData(NotificationTrigger.FinalDaySoa, "H20165")]
    [InlineData(NotificationTrigger.NewName, "H20166")]
    [InlineData(NotificationTrigger.NewAddress, "H20167")]
    public void R33_OffenceCode_DependsOnTheTrigger(NotificationTrigger trigger, string code)
    {
        // Arrange
        var day = new DateOnly(2026, 6, 10);
        var obligation = trigger switch
        {
            NotificationTrigger.InitialService => NotificationObligation.ForInitialService(Guid.NewGuid(), Guid.NewGuid(), day, _now),
            NotificationTrigger.FinalDaySoa => NotificationObligation.ForFinalDay(Guid.NewGuid(), Guid.NewGuid(), day, _now),
            NotificationTrigger.NewName => NotificationObligation.ForNewName(Guid.NewGuid(), null, day, Guid.NewGuid(), _now),
            _ => NotificationObligation.ForNewAddress(Guid.NewGuid(), null, day, Guid.NewGuid(), _now),
        };

        // Act
        var actual = obligation.OffenceCode;

        // Assert
        Assert.Equal(code, actual);
    }

    [Fact]
    public void R33_OverdueThenNotified_IsMetButKeepsTheFlag()
    {
        // Arrange
        var respondent = TestData.NewRespondent();
        var obligation = NotificationObligation.ForInitialService(respondent.Id, Guid.NewGuid(), new DateOnly(2026, 5, 1), _now);
        obligation.MarkOverdueIfDue(TestData.NoonOn(new DateOnly(2026, 5, 4)));

        // Act
        obligation.Meet(Notify(respondent, TestData.NoonOn(new DateOnly(2026, 5, 5))), respondent);

        // Assert
        Assert.Equal(ObligationStatus.Met, obligation.Status);
        Assert.NotNull(obligation.OverdueFlaggedAt);
        Assert.Equal(ObligationStatus.Overdue, obligation.StatusOn(new DateOnly(2026, 5, 4)));
        Assert.Equal(ObligationStatus.Open, obligation.StatusOn(new DateOnly(2026, 5, 3)));
        Assert.Null(obligation.StatusOn(new DateOnly(2026, 4, 30)));
    }

    [Fact]
    public void R34_Triggers_AreOneOffEventsWithNoPeriodicRenotification()
    {
        // Act
        var triggers = Enum.GetNames<NotificationTrigger>();

        // Assert
        Assert.Equal(["InitialService", "FinalDaySoa", "NewName", "NewAddress"], triggers);
    }

    [Fact]
    public void Excuse_WithoutReason_IsRejected()
    {
        // Arrange
        var obligation = NotificationObligation.ForInitialService(Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 5, 1), _now);

        // Act
        var ex = Record.Exception(() => obligation.Excuse("", new DateOnly(2026, 5, 2)));

        // Assert
        Assert.IsType<RuleViolationException>(ex);
    }
}
