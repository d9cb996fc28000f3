namespace StalkingProtection.Core.Time;

/// <summary>Date arithmetic the Stalking Protection Act 2019 depends on. Every function is pure.</summary>
public static class StatutoryDates
{
    /// <summary>
    /// The last day of "the period of <paramref name="days"/> days beginning with <paramref name="start"/>":
    /// the start day is day 1, and weekends and bank holidays count. R40 (Trow v Ind Coope [1967]).
    /// </summary>
    public static DateOnly LastDayOfPeriodBeginningWith(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        return start.AddDays(days - 1);
    }

    /// <summary>
    /// The anniversary of <paramref name="date"/> after <paramref name="years"/> years; 29 February maps to 1 March
    /// in a common year (the conservative reading of R14; a library "add years" would give 28 February).
    /// </summary>
    public static DateOnly Anniversary(DateOnly date, int years)
    {
        var year = date.Year + years;
        if (date.Month == 2 && date.Day == 29 && !DateTime.IsLeapYear(year))
        {
            return new DateOnly(year, 3, 1);
        }

        return new DateOnly(year, date.Month, date.Day);
    }

    /// <summary>
    /// SPA 2019 s.3(2), R14: a fixed period is at least 2 years beginning with the day the order is made, so its
    /// earliest permissible last day is the day before the second anniversary.
    /// </summary>
    public static DateOnly MinimumLastDay(DateOnly made, int years = 2) => Anniversary(made, years).AddDays(-1);

    /// <summary>SPA 2019 s.9(1), R25: notify within 3 days beginning with the date of service.</summary>
    public static DateOnly InitialNotificationDue(DateOnly served) => LastDayOfPeriodBeginningWith(served, 3);

    /// <summary>
    /// An obligation is overdue once its due day has ended in Europe/London (R33), whatever the clock change.
    /// </summary>
    public static bool HasDayEnded(DateOnly day, DateTimeOffset now) => now >= LondonTime.EndOfDayUtc(day);

    /// <summary>Age in whole years on <paramref name="on"/>; a 29 February birthday falls on 1 March in a common year.</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly on)
    {
        var age = on.Year - dateOfBirth.Year;
        if (on < Anniversary(dateOfBirth, age))
        {
            age--;
        }

        return age;
    }
}
