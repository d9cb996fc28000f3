namespace StalkingProtection.Core.Time;

/// <summary>Date arithmetic the Stalking Protection Act 2019 depends on. Every function is pure.</summary>
public static class StatutoryDates
{
    /// <summary>SPA 2019 s.9(1), (3), (4) and (7), R25–R28: "the period of 3 days beginning with" a trigger day (R40).</summary>
    public const int NotificationPeriodDays = 3;

    /// <summary>CrimPR r.34.2(2) as amended by SI 2021/849: an appeal notice within 15 business days (R24).</summary>
    public const int DefaultAppealBusinessDays = 15;

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

    /// <summary>
    /// SPA 2019 s.4, R22: without the consent of the defendant and the relevant chief officer, a full order may not
    /// be discharged before the end of 2 years beginning with the day it was made, so the earliest effective date
    /// of such a discharge is the day after <see cref="MinimumLastDay"/>.
    /// </summary>
    public static DateOnly EarliestDischargeWithoutConsent(DateOnly made) => MinimumLastDay(made).AddDays(1);

    /// <summary>R23: the day to raise "consider renewal", <paramref name="leadDays"/> days before the last in-force day.</summary>
    public static DateOnly RenewalReminderDue(DateOnly lastDay, int leadDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leadDays);
        return lastDay.AddDays(-leadDays);
    }

    /// <summary>
    /// CrimPR r.34.2(2) as amended by SI 2021/849, R24: the provisional last day to lodge an appeal to the Crown
    /// Court, 15 business days after the decision (the decision day is not counted; weekends and England and Wales
    /// bank holidays are skipped). Provisional because whether Part 34 governs SPA 2019 s.7 appeals is unverified
    /// and awaits legal sign-off.
    /// </summary>
    public static DateOnly AppealLodgingDeadline(DateOnly decision, BankHolidayCalendar calendar) =>
        AppealLodgingDeadline(decision, calendar, DefaultAppealBusinessDays);

    /// <summary>R24 with a configured number of business days (<c>LegalRuleSet.AppealBusinessDays</c>).</summary>
    public static DateOnly AppealLodgingDeadline(DateOnly decision, BankHolidayCalendar calendar, int businessDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(businessDays, 1);
        return calendar.AddBusinessDays(decision, businessDays);
    }

    /// <summary>SPA 2019 s.9(1), R25: notify within 3 days beginning with the date of service.</summary>
    public static DateOnly InitialNotificationDue(DateOnly served) =>
        LastDayOfPeriodBeginningWith(served, NotificationPeriodDays);

    /// <summary>
    /// SPA 2019 s.9(6)-(7), R26: when SOA 2003 Part 2 notification ends while the order is in effect, the initial
    /// 3-day period runs from that "final day" instead of from service.
    /// </summary>
    public static DateOnly FinalDayNotificationDue(DateOnly finalDay) =>
        LastDayOfPeriodBeginningWith(finalDay, NotificationPeriodDays);

    /// <summary>SPA 2019 s.9(3), R27: a new name is notified before the end of 3 days beginning with its first use.</summary>
    public static DateOnly NewNameNotificationDue(DateOnly firstUsed) =>
        LastDayOfPeriodBeginningWith(firstUsed, NotificationPeriodDays);

    /// <summary>SPA 2019 s.9(4), R28: a new home address is notified before the end of 3 days beginning with the move.</summary>
    public static DateOnly NewAddressNotificationDue(DateOnly moved) =>
        LastDayOfPeriodBeginningWith(moved, NotificationPeriodDays);

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
