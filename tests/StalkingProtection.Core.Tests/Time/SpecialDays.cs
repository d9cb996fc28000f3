using CsCheck;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Tests.Time;

/// <summary>
/// The days where date code usually breaks, enumerated by hand (RL8), and generators that mix them into random
/// dates and instants so every property run hits them.
/// </summary>
internal static class SpecialDays
{
    /// <summary>RL8: at least 10,000 generated cases per property per run.</summary>
    public const long Iterations = 10_000;

    /// <summary>Every UK clock change 2020-2040 (last Sunday of March and of October).</summary>
    public static readonly DateOnly[] ClockChanges2020To2040 =
    [
        new(2020, 3, 29), new(2020, 10, 25), new(2021, 3, 28), new(2021, 10, 31), new(2022, 3, 27), new(2022, 10, 30),
        new(2023, 3, 26), new(2023, 10, 29), new(2024, 3, 31), new(2024, 10, 27), new(2025, 3, 30), new(2025, 10, 26),
        new(2026, 3, 29), new(2026, 10, 25), new(2027, 3, 28), new(2027, 10, 31), new(2028, 3, 26), new(2028, 10, 29),
        new(2029, 3, 25), new(2029, 10, 28), new(2030, 3, 31), new(2030, 10, 27), new(2031, 3, 30), new(2031, 10, 26),
        new(2032, 3, 28), new(2032, 10, 31), new(2033, 3, 27), new(2033, 10, 30), new(2034, 3, 26), new(2034, 10, 29),
        new(2035, 3, 25), new(2035, 10, 28), new(2036, 3, 30), new(2036, 10, 26), new(2037, 3, 29), new(2037, 10, 25),
        new(2038, 3, 28), new(2038, 10, 31), new(2039, 3, 27), new(2039, 10, 30), new(2040, 3, 25), new(2040, 10, 28),
    ];

    /// <summary>Every 29 February 2020-2040.</summary>
    public static readonly DateOnly[] LeapDays2020To2040 =
    [
        new(2020, 2, 29), new(2024, 2, 29), new(2028, 2, 29), new(2032, 2, 29), new(2036, 2, 29), new(2040, 2, 29),
    ];

    /// <summary>Clock changes, leap days, the days either side of each, and year ends.</summary>
    public static readonly DateOnly[] Awkward =
    [
        .. ClockChanges2020To2040.Concat(LeapDays2020To2040)
            .SelectMany(d => new[] { d.AddDays(-1), d, d.AddDays(1) })
            .Concat(Enumerable.Range(2019, 23).SelectMany(y => new[] { new DateOnly(y, 12, 31), new DateOnly(y + 1, 1, 1) }))
            .Distinct()
            .Order(),
    ];

    /// <summary>Bank holidays 2019-2041 from the shipped calendar, with the days either side.</summary>
    public static readonly DateOnly[] AroundBankHolidays =
    [
        .. Enumerable.Range(2019, 23)
            .SelectMany(y => BankHolidayCalendar.EnglandAndWales.BankHolidaysIn(y))
            .SelectMany(h => new[] { h.Date.AddDays(-1), h.Date, h.Date.AddDays(1) })
            .Distinct()
            .Order(),
    ];

    /// <summary>Dates 1996-2100 (the years of the EU summer-time rule), a third of them awkward days.</summary>
    public static readonly Gen<DateOnly> Date = Gen.Frequency(
        (4, Gen.DateOnly[new DateOnly(1996, 1, 1), new DateOnly(2100, 12, 31)]),
        (1, Gen.OneOf(ClockChanges2020To2040)),
        (1, Gen.OneOf(LeapDays2020To2040)),
        (1, Gen.OneOf(Awkward)));

    /// <summary>Dates biased to bank holidays and their neighbours, for business-day arithmetic.</summary>
    public static readonly Gen<DateOnly> BusinessDate = Gen.Frequency(
        (2, Gen.DateOnly[new DateOnly(2019, 1, 1), new DateOnly(2041, 12, 31)]),
        (1, Gen.OneOf(AroundBankHolidays)),
        (1, Date));

    /// <summary>UTC instants: a generated date, then any millisecond from 3 hours before it to 27 hours after.</summary>
    public static readonly Gen<DateTimeOffset> Instant =
        Gen.Select(Date, Gen.Long[-3 * 3_600_000L, 27 * 3_600_000L], (d, ms) =>
            new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMilliseconds(ms));

    /// <summary>An independent model of UK civil time since 1996: BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.</summary>
    public static TimeSpan LondonOffsetAt(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var start = LastSunday(utc.Year, 3).ToDateTime(new TimeOnly(1, 0));
        var end = LastSunday(utc.Year, 10).ToDateTime(new TimeOnly(1, 0));
        return utc >= start && utc < end ? TimeSpan.FromHours(1) : TimeSpan.Zero;
    }

    public static DateOnly LondonDateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(instant.UtcDateTime + LondonOffsetAt(instant));

    /// <summary>The UTC instant of a London wall-clock time that is not in a clock-change hour.</summary>
    public static DateTimeOffset LondonWallClock(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        var asGmt = new DateTimeOffset(local, TimeSpan.Zero);
        var asBst = new DateTimeOffset(local, TimeSpan.FromHours(1));
        return LondonOffsetAt(asBst) == TimeSpan.FromHours(1) ? asBst.ToUniversalTime() : asGmt;
    }

    public static DateOnly LastSunday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }

    /// <summary>Compares (year, month, day) as a tuple, so 29 February falls between 28 February and 1 March of any year.</summary>
    public static int CompareCalendarTuple((int Year, int Month, int Day) a, (int Year, int Month, int Day) b) =>
        a.Year != b.Year ? a.Year.CompareTo(b.Year) : a.Month != b.Month ? a.Month.CompareTo(b.Month) : a.Day.CompareTo(b.Day);
}
