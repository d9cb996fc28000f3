using CsCheck;
using StalkingProtection.Core.Time;
using static StalkingProtection.Core.Tests.Time.SpecialDays;

namespace StalkingProtection.Core.Tests.Time;

/// <summary>RL8: each property runs at least 10,000 generated cases, and the awkward days are also checked one by one.</summary>
public class StatutoryDatesPropertyTests
{
    private static readonly TimeOnly LastMillisecond = new(23, 59, 59, 999);

    [Fact]
    public void SpecialDays_ClockChanges2020To2040_AreExactlyTheDaysTheLondonOffsetChanges()
    {
        // Arrange
        var days = Enumerable.Range(0, new DateOnly(2041, 1, 1).DayNumber - new DateOnly(2020, 1, 1).DayNumber)
            .Select(new DateOnly(2020, 1, 1).AddDays);

        // Act
        var changes = days
            .Where(d => LondonTime.Zone.GetUtcOffset(d.ToDateTime(TimeOnly.MinValue))
                != LondonTime.Zone.GetUtcOffset(d.ToDateTime(new TimeOnly(23, 0))))
            .ToList();

        // Assert
        Assert.Equal(ClockChanges2020To2040, changes);
        Assert.All(LeapDays2020To2040, d => Assert.Equal((2, 29), (d.Month, d.Day)));
    }

    [Fact]
    public void R40_LastDayOfPeriod_GeneratedStartsAndLengths_IsNMinus1DaysOnAndNeverBeforeTheStart()
    {
        // Arrange
        var gen = Gen.Select(Date, Gen.Int[1, 1000]);

        // Act and Assert
        gen.Sample((start, days) =>
        {
            var last = StatutoryDates.LastDayOfPeriodBeginningWith(start, days);
            Assert.True(last >= start);
            Assert.Equal(days - 1, last.DayNumber - start.DayNumber);
        }, iter: Iterations);
    }

    [Fact]
    public void R25_R26_R27_R28_NotificationDue_GeneratedTriggers_IsTheThirdDayCountingTheTrigger()
    {
        // Arrange
        var gen = Date;

        // Act and Assert
        gen.Sample(trigger =>
        {
            var expected = trigger.AddDays(2);
            Assert.Equal(expected, StatutoryDates.InitialNotificationDue(trigger));
            Assert.Equal(expected, StatutoryDates.FinalDayNotificationDue(trigger));
            Assert.Equal(expected, StatutoryDates.NewNameNotificationDue(trigger));
            Assert.Equal(expected, StatutoryDates.NewAddressNotificationDue(trigger));
        }, iter: Iterations);
    }

    [Fact]
    public void R14_MinimumLastDay_GeneratedMadeDates_IsTheLastDayBeforeTwoFullYearsHaveRun()
    {
        // Arrange
        var gen = Gen.Frequency((3, Date), (1, Gen.DateOnly[new DateOnly(1, 1, 1), new DateOnly(9997, 12, 31)]));

        // Act and Assert
        gen.Sample(made => AssertMinimumLastDay(made), iter: Iterations);
    }

    [Fact]
    public void R14_R22_MinimumLastDay_EveryLeapDayAndClockChange2020To2040_IsTheLastDayBeforeTwoFullYearsHaveRun()
    {
        // Arrange
        var days = Awkward;

        // Act and Assert
        Assert.All(days, AssertMinimumLastDay);
    }

    [Fact]
    public void R33_HasDayEnded_GeneratedDays_FalseAtTheLastLondonMillisecondAndTrueAtNextLondonMidnight()
    {
        // Arrange
        var gen = Date;

        // Act and Assert
        gen.Sample(AssertDayEndsAtLondonMidnight, iter: Iterations);
    }

    [Fact]
    public void R33_HasDayEnded_EveryClockChangeAndLeapDay2020To2040_FalseAtTheLastLondonMillisecondAndTrueAtNextLondonMidnight()
    {
        // Arrange
        var days = ClockChanges2020To2040.Concat(LeapDays2020To2040).Concat(Awkward);

        // Act and Assert
        Assert.All(days, AssertDayEndsAtLondonMidnight);
    }

    [Fact]
    public void R33_HasDayEnded_GeneratedInstants_TrueExactlyWhenTheLondonDateIsLater()
    {
        // Arrange
        var gen = Gen.Select(Date, Instant);

        // Act and Assert
        gen.Sample((due, now) =>
        {
            Assert.Equal(LondonDateOf(now) > due, StatutoryDates.HasDayEnded(due, now));
            Assert.Equal(LondonDateOf(now), LondonTime.DateOf(now));
        }, iter: Iterations);
    }

    [Fact]
    public void R33_HasDayEnded_InstantsNearTheDueDaysEnd_TrueExactlyWhenTheLondonDateIsLater()
    {
        // Arrange: instants within a day of the due day's start, so both answers are common.
        var gen = Instant.Select(now => (Due: LondonDateOf(now).AddDays(-(int)(now.Ticks % 2)), Now: now));

        // Act and Assert
        gen.Sample(c => Assert.Equal(LondonDateOf(c.Now) > c.Due, StatutoryDates.HasDayEnded(c.Due, c.Now)), iter: Iterations);
    }

    [Fact]
    public void R7_AgeOn_GeneratedBirthsAndDates_MatchesCalendarTupleOrderAndNeverDecreases()
    {
        // Arrange
        var born = Gen.Frequency((3, Gen.DateOnly[new DateOnly(1920, 1, 1), new DateOnly(2030, 12, 31)]), (1, Gen.OneOf(LeapDays2020To2040)));
        var gen = Gen.Select(born, Date, Gen.Int[0, 800]);

        // Act and Assert
        gen.Sample((dob, on, later) =>
        {
            var age = StatutoryDates.AgeOn(dob, on);
            var birthdayPassed = CompareCalendarTuple((on.Year, on.Month, on.Day), (on.Year, dob.Month, dob.Day)) >= 0;
            Assert.Equal(on.Year - dob.Year - (birthdayPassed ? 0 : 1), age);

            var next = StatutoryDates.AgeOn(dob, on.AddDays(1));
            Assert.InRange(next - age, 0, 1);
            Assert.True(StatutoryDates.AgeOn(dob, on.AddDays(later)) >= age);
        }, iter: Iterations);
    }

    [Fact]
    public void R24_AppealLodgingDeadline_GeneratedDecisions_IsThe15thBusinessDayAfter()
    {
        // Arrange
        var calendar = BankHolidayCalendar.EnglandAndWales;
        var gen = BusinessDate;

        // Act and Assert
        gen.Sample(decision =>
        {
            var deadline = StatutoryDates.AppealLodgingDeadline(decision, calendar);
            Assert.True(calendar.IsBusinessDay(deadline));
            var businessDays = Enumerable.Range(1, deadline.DayNumber - decision.DayNumber)
                .Select(decision.AddDays)
                .Count(calendar.IsBusinessDay);
            Assert.Equal(15, businessDays);
            Assert.InRange(deadline.DayNumber - decision.DayNumber, 15, 30);
        }, iter: Iterations);
    }

    [Fact]
    public void R23_RenewalReminderDue_GeneratedLastDays_IsLeadDaysBefore()
    {
        // Arrange
        var gen = Gen.Select(Date, Gen.Int[0, 730]);

        // Act and Assert
        gen.Sample((lastDay, lead) =>
            Assert.Equal(lead, lastDay.DayNumber - StatutoryDates.RenewalReminderDue(lastDay, lead).DayNumber), iter: Iterations);
    }

    // Independent of Anniversary: the period [made, d] lasts two years once the day after d reaches (year + 2,
    // month, day) in tuple order, which puts an absent 29 February between 28 February and 1 March (R14).
    private static void AssertMinimumLastDay(DateOnly made)
    {
        var minimumLastDay = StatutoryDates.MinimumLastDay(made);
        var twoYearsOn = (made.Year + 2, made.Month, made.Day);
        var after = minimumLastDay.AddDays(1);

        Assert.True(minimumLastDay > made);
        Assert.True(CompareCalendarTuple((after.Year, after.Month, after.Day), twoYearsOn) >= 0, $"{made}: period to {minimumLastDay} is two years");
        Assert.True(CompareCalendarTuple((minimumLastDay.Year, minimumLastDay.Month, minimumLastDay.Day), twoYearsOn) < 0, $"{made}: period to {minimumLastDay} is not the shortest");
        Assert.Equal(after, StatutoryDates.EarliestDischargeWithoutConsent(made));
    }

    private static void AssertDayEndsAtLondonMidnight(DateOnly day)
    {
        var lastMoment = LondonWallClock(day, LastMillisecond);
        var nextMidnight = LondonWallClock(day.AddDays(1), TimeOnly.MinValue);

        Assert.Equal(TimeSpan.FromMilliseconds(1), nextMidnight - lastMoment);
        Assert.False(StatutoryDates.HasDayEnded(day, lastMoment), $"{day} ended at {lastMoment:O}");
        Assert.False(StatutoryDates.HasDayEnded(day, nextMidnight.AddTicks(-1)), $"{day} ended a tick before midnight");
        Assert.True(StatutoryDates.HasDayEnded(day, nextMidnight), $"{day} not ended at {nextMidnight:O}");
        Assert.Equal(day, LondonTime.DateOf(lastMoment));
        Assert.Equal(day.AddDays(1), LondonTime.DateOf(nextMidnight));
    }
}
