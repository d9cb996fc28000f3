using StalkingProtection.Core.VictimUpdates;

namespace StalkingProtection.Core.Tests.VictimUpdates;

public class SafeTimeWindowTests
{
    private static readonly SafeTimeWindow _nineToFive = new(SafeDays.Every, new TimeOnly(9, 0), new TimeOnly(17, 0));

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    // The evening before each spring change (GMT) the next opening is 09:00 BST, 08:00 UTC, on the day the clocks go forward.
    [Theory]
    [InlineData(2026, 3, 28, 29)]
    [InlineData(2027, 3, 27, 28)]
    public void NextOpening_R41_AcrossTheSpringClockChange_OpensAtNineLondonTime(int year, int month, int eve, int changeDay)
    {
        var opens = _nineToFive.NextOpening(Utc(year, month, eve, 20));

        Assert.Equal(Utc(year, month, changeDay, 8), opens);
    }

    // The evening before each autumn change (BST) the next opening is 09:00 GMT, 09:00 UTC, on the day the clocks go back.
    [Theory]
    [InlineData(2026, 10, 24, 25)]
    [InlineData(2027, 10, 30, 31)]
    public void NextOpening_R41_AcrossTheAutumnClockChange_OpensAtNineLondonTime(int year, int month, int eve, int changeDay)
    {
        var opens = _nineToFive.NextOpening(Utc(year, month, eve, 20));

        Assert.Equal(Utc(year, month, changeDay, 9), opens);
    }

    [Fact]
    public void NextOpening_TheSameUtcInstant_IsInsideTheWindowInSummerButNotInWinter()
    {
        Assert.Equal(Utc(2026, 7, 1, 8, 30), _nineToFive.NextOpening(Utc(2026, 7, 1, 8, 30)));
        Assert.Equal(Utc(2026, 12, 1, 9), _nineToFive.NextOpening(Utc(2026, 12, 1, 8, 30)));
    }

    [Fact]
    public void NextOpening_AWindowStartingInTheSkippedSpringHour_OpensWhenTheClocksGoForward()
    {
        var window = new SafeTimeWindow(SafeDays.Sunday, new TimeOnly(1, 30), new TimeOnly(3, 0));

        // 01:30 does not exist on 29 March 2026; the window opens at 02:00 BST (01:00 UTC) and closes at 03:00 BST (02:00 UTC).
        Assert.Equal(Utc(2026, 3, 29, 1), window.NextOpening(Utc(2026, 3, 28, 23)));
        Assert.Equal(Utc(2026, 4, 5, 0, 30), window.NextOpening(Utc(2026, 3, 29, 2)));
    }

    [Fact]
    public void NextOpening_AWindowInTheRepeatedAutumnHour_OpensAtTheFirstAndClosesAfterTheSecond()
    {
        var window = new SafeTimeWindow(SafeDays.Sunday, new TimeOnly(1, 30), new TimeOnly(1, 45));

        // 01:30-01:45 happens twice on 25 October 2026: from 00:30 UTC (BST) to 01:45 UTC (GMT).
        Assert.Equal(Utc(2026, 10, 25, 0, 30), window.NextOpening(Utc(2026, 10, 24, 23)));
        Assert.Equal(Utc(2026, 10, 25, 1, 40), window.NextOpening(Utc(2026, 10, 25, 1, 40)));
        Assert.Equal(Utc(2026, 11, 1, 1, 30), window.NextOpening(Utc(2026, 10, 25, 1, 45)));
    }

    [Fact]
    public void NextOpening_WeekdaysOnly_AFridayEveningWaitsForMonday()
    {
        var window = new SafeTimeWindow(SafeDays.Weekdays, new TimeOnly(10, 0), new TimeOnly(12, 0));

        Assert.Equal(Utc(2026, 12, 7, 10), window.NextOpening(Utc(2026, 12, 4, 18)));
        Assert.True(window.IsOpenAt(Utc(2026, 12, 7, 11)));
        Assert.False(window.IsOpenAt(Utc(2026, 12, 5, 11)));
    }

    [Fact]
    public void NextOpening_NoDayChosen_IsNever()
    {
        Assert.Null(new SafeTimeWindow(SafeDays.None, new TimeOnly(9, 0), new TimeOnly(17, 0)).NextOpening(Utc(2026, 12, 4, 10)));
    }
}
