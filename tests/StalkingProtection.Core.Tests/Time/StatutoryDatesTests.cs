using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Tests.Time;

public class StatutoryDatesTests
{
    [Fact]
    public void R40_PeriodOfThreeDaysBeginningWithNewYearsEve_EndsOn2January()
    {
        // Arrange
        var start = new DateOnly(2025, 12, 31);

        // Act
        var last = StatutoryDates.LastDayOfPeriodBeginningWith(start, 3);

        // Assert
        Assert.Equal(new DateOnly(2026, 1, 2), last);
    }

    [Fact]
    public void R40_PeriodOfOneDay_EndsOnTheStartDay()
    {
        // Arrange
        var start = new DateOnly(2026, 3, 29);

        // Act
        var last = StatutoryDates.LastDayOfPeriodBeginningWith(start, 1);

        // Assert
        Assert.Equal(start, last);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void R40_PeriodOfNoDays_Throws(int days)
    {
        // Arrange
        var start = new DateOnly(2026, 1, 1);

        // Act
        Action act = () => StatutoryDates.LastDayOfPeriodBeginningWith(start, days);

        // Assert
        Assert.Throws<ArgumentOutOfRangeException>(act);
    }

    [Fact]
    public void R14_MadeOn29February_EarliestLastDayIs28FebruaryTwoYearsOn()
    {
        // Arrange
        var made = new DateOnly(2024, 2, 29);

        // Act
        var minimumLastDay = StatutoryDates.MinimumLastDay(made);

        // Assert
        Assert.Equal(new DateOnly(2026, 2, 28), minimumLastDay);
    }

    [Fact]
    public void R14_MadeOn10March2025_EarliestLastDayIs9March2027()
    {
        // Arrange
        var made = new DateOnly(2025, 3, 10);

        // Act
        var minimumLastDay = StatutoryDates.MinimumLastDay(made);

        // Assert
        Assert.Equal(new DateOnly(2027, 3, 9), minimumLastDay);
    }

    [Fact]
    public void R14_MadeOn1March2026_EarliestLastDayIs29February2028()
    {
        // Arrange
        var made = new DateOnly(2026, 3, 1);

        // Act
        var minimumLastDay = StatutoryDates.MinimumLastDay(made);

        // Assert
        Assert.Equal(new DateOnly(2028, 2, 29), minimumLastDay);
    }

    [Fact]
    public void R22_MadeOn29February_DischargeWithoutConsentFrom1MarchTwoYearsOn()
    {
        // Arrange
        var made = new DateOnly(2024, 2, 29);

        // Act
        var earliest = StatutoryDates.EarliestDischargeWithoutConsent(made);

        // Assert
        Assert.Equal(new DateOnly(2026, 3, 1), earliest);
    }

    [Fact]
    public void R22_MadeOn10March2025_DischargeWithoutConsentFromTheSecondAnniversary()
    {
        // Arrange
        var made = new DateOnly(2025, 3, 10);

        // Act
        var earliest = StatutoryDates.EarliestDischargeWithoutConsent(made);

        // Assert
        Assert.Equal(new DateOnly(2027, 3, 10), earliest);
        Assert.Equal(StatutoryDates.MinimumLastDay(made).AddDays(1), earliest);
    }

    [Fact]
    public void R23_LastDay9March2027With90DaysLead_ReminderDue9December2026()
    {
        // Arrange
        var lastDay = new DateOnly(2027, 3, 9);

        // Act
        var due = StatutoryDates.RenewalReminderDue(lastDay, 90);

        // Assert
        Assert.Equal(new DateOnly(2026, 12, 9), due);
    }

    [Fact]
    public void R23_NegativeLead_Throws()
    {
        // Arrange
        var lastDay = new DateOnly(2027, 3, 9);

        // Act
        Action act = () => StatutoryDates.RenewalReminderDue(lastDay, -1);

        // Assert
        Assert.Throws<ArgumentOutOfRangeException>(act);
    }

    [Theory]
    [InlineData("2025-12-15", "2026-01-08")] // over Christmas, Boxing Day and New Year's Day
    [InlineData("2025-04-11", "2025-05-07")] // over Easter and the early May bank holiday
    [InlineData("2022-05-27", "2022-06-21")] // over the moved spring bank holiday and the Platinum Jubilee
    [InlineData("2026-11-28", "2026-12-18")] // a Saturday decision: counting starts on Monday
    public void R24_Decision_AppealDeadlineIs15BusinessDaysLater(string decision, string expected)
    {
        // Arrange
        var decided = DateOnly.Parse(decision);

        // Act
        var deadline = StatutoryDates.AppealLodgingDeadline(decided, BankHolidayCalendar.EnglandAndWales);

        // Assert
        Assert.Equal(DateOnly.Parse(expected), deadline);
    }

    [Fact]
    public void R24_ConfiguredBusinessDays_AreUsed()
    {
        // Arrange
        var decided = new DateOnly(2026, 1, 5);

        // Act
        var deadline = StatutoryDates.AppealLodgingDeadline(decided, BankHolidayCalendar.EnglandAndWales, 5);

        // Assert
        Assert.Equal(new DateOnly(2026, 1, 12), deadline);
    }

    [Fact]
    public void R25_ServedOn30December_NotificationDueOnNewYearsDay()
    {
        // Arrange: bank holidays count for SPA periods (R40).
        var served = new DateOnly(2025, 12, 30);

        // Act
        var due = StatutoryDates.InitialNotificationDue(served);

        // Assert
        Assert.Equal(new DateOnly(2026, 1, 1), due);
    }

    [Fact]
    public void R25_ServedOn28FebruaryInALeapYear_NotificationDueOn1March()
    {
        // Arrange
        var served = new DateOnly(2028, 2, 28);

        // Act
        var due = StatutoryDates.InitialNotificationDue(served);

        // Assert
        Assert.Equal(new DateOnly(2028, 3, 1), due);
    }

    [Fact]
    public void R26_FinalDayOn28FebruaryInALeapYear_NotificationDueOn1March()
    {
        // Arrange
        var finalDay = new DateOnly(2024, 2, 28);

        // Act
        var due = StatutoryDates.FinalDayNotificationDue(finalDay);

        // Assert
        Assert.Equal(new DateOnly(2024, 3, 1), due);
    }

    [Fact]
    public void R27_NameFirstUsedOn27FebruaryInACommonYear_NotificationDueOn1March()
    {
        // Arrange
        var firstUsed = new DateOnly(2025, 2, 27);

        // Act
        var due = StatutoryDates.NewNameNotificationDue(firstUsed);

        // Assert
        Assert.Equal(new DateOnly(2025, 3, 1), due);
    }

    [Fact]
    public void R28_MovedOnTheSpringClockChange_NotificationDueTwoDaysLater()
    {
        // Arrange
        var moved = new DateOnly(2026, 3, 29);

        // Act
        var due = StatutoryDates.NewAddressNotificationDue(moved);

        // Assert
        Assert.Equal(new DateOnly(2026, 3, 31), due);
    }

    [Fact]
    public void R33_DueOnSpringClockChange_EndsAtMidnightBritishSummerTime()
    {
        // Arrange: 29 March 2026 ends at 00:00 BST on 30 March, which is 23:00 UTC on 29 March.
        var due = new DateOnly(2026, 3, 29);
        var lastMillisecond = new DateTimeOffset(2026, 3, 29, 22, 59, 59, 999, TimeSpan.Zero);
        var midnight = new DateTimeOffset(2026, 3, 29, 23, 0, 0, TimeSpan.Zero);

        // Act
        var endedBefore = StatutoryDates.HasDayEnded(due, lastMillisecond);
        var endedAtMidnight = StatutoryDates.HasDayEnded(due, midnight);

        // Assert
        Assert.False(endedBefore);
        Assert.True(endedAtMidnight);
    }

    [Fact]
    public void R33_DueOnAutumnClockChange_The25HourDayEndsAtMidnightGreenwichMeanTime()
    {
        // Arrange: 25 October 2026 has 25 hours and ends at 00:00 GMT on 26 October.
        var due = new DateOnly(2026, 10, 25);
        var twentyFourHoursAfterItBegan = new DateTimeOffset(2026, 10, 25, 23, 0, 0, TimeSpan.Zero);
        var midnight = new DateTimeOffset(2026, 10, 26, 0, 0, 0, TimeSpan.Zero);

        // Act
        var endedAfter24Hours = StatutoryDates.HasDayEnded(due, twentyFourHoursAfterItBegan);
        var endedAtMidnight = StatutoryDates.HasDayEnded(due, midnight);

        // Assert
        Assert.False(endedAfter24Hours);
        Assert.True(endedAtMidnight);
    }

    [Fact]
    public void R33_DueInSummer_EndsAt23UtcNotAtUtcMidnight()
    {
        // Arrange: in BST a day ends at 23:00 UTC, an hour before the UTC date changes.
        var due = new DateOnly(2026, 7, 1);

        // Act
        var ended = StatutoryDates.HasDayEnded(due, new DateTimeOffset(2026, 7, 1, 23, 0, 0, TimeSpan.Zero));
        var notEnded = StatutoryDates.HasDayEnded(due, new DateTimeOffset(2026, 7, 1, 22, 59, 59, TimeSpan.Zero));

        // Assert
        Assert.True(ended);
        Assert.False(notEnded);
    }

    [Theory]
    [InlineData("2008-02-29", "2026-02-28", 17)] // a 29 February birthday falls on 1 March in a common year
    [InlineData("2008-02-29", "2026-03-01", 18)]
    [InlineData("2008-02-29", "2028-02-28", 19)]
    [InlineData("2008-02-29", "2028-02-29", 20)]
    [InlineData("2008-06-15", "2026-06-14", 17)]
    [InlineData("2008-06-15", "2026-06-15", 18)]
    public void R7_AgeOnApplicationDate_CountsWholeYears(string dateOfBirth, string applied, int expected)
    {
        // Arrange
        var born = DateOnly.Parse(dateOfBirth);
        var on = DateOnly.Parse(applied);

        // Act
        var age = StatutoryDates.AgeOn(born, on);

        // Assert
        Assert.Equal(expected, age);
    }

    [Fact]
    public void R7_BornOn29February2008_IsUnder18ForAnApplicationOn28February2026()
    {
        // Arrange: the application date fixes the venue (youth court if under 18).
        var born = new DateOnly(2008, 2, 29);
        var applied = new DateOnly(2026, 2, 28);

        // Act
        var youth = StatutoryDates.AgeOn(born, applied) < 18;

        // Assert
        Assert.True(youth);
    }
}
