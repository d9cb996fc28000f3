using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.VictimUpdates;

/// <summary>
/// The times a victim said a message is safe: on the chosen days, from one wall-clock time to another in Europe/London.
/// Local times are turned into instants day by day, so the window keeps to the victim's clock across both clock changes.
/// </summary>
public sealed record SafeTimeWindow(SafeDays Days, TimeOnly From, TimeOnly To)
{
    /// <summary>The earliest instant at or after <paramref name="now"/> inside the window, or null when the window has no day.</summary>
    public DateTimeOffset? NextOpening(DateTimeOffset now)
    {
        if (Days == SafeDays.None || From >= To)
        {
            return null;
        }

        var today = LondonTime.DateOf(now);
        for (var day = today.AddDays(-1); day <= today.AddDays(8); day = day.AddDays(1))
        {
            if (!Days.HasFlag(DayOf(day.DayOfWeek)))
            {
                continue;
            }

            var opens = Instant(day, From, earliest: true);
            var closes = Instant(day, To, earliest: false);
            if (now < closes)
            {
                return now > opens ? now : opens;
            }
        }

        return null;
    }

    public bool IsOpenAt(DateTimeOffset now) => NextOpening(now) == now;

    private static SafeDays DayOf(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => SafeDays.Monday,
        DayOfWeek.Tuesday => SafeDays.Tuesday,
        DayOfWeek.Wednesday => SafeDays.Wednesday,
        DayOfWeek.Thursday => SafeDays.Thursday,
        DayOfWeek.Friday => SafeDays.Friday,
        DayOfWeek.Saturday => SafeDays.Saturday,
        _ => SafeDays.Sunday,
    };

    // A time the spring change skips opens (or closes) at the first instant after the gap; a time the autumn change repeats
    // opens at its first occurrence and closes at its second, so the window is never shorter than the victim chose.
    private static DateTimeOffset Instant(DateOnly day, TimeOnly time, bool earliest)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        var zone = LondonTime.Zone;
        if (zone.IsInvalidTime(local))
        {
            var afterGap = local.AddHours(1);
            return new DateTimeOffset(afterGap.AddTicks(-afterGap.TimeOfDay.Ticks % TimeSpan.TicksPerHour), zone.GetUtcOffset(afterGap)).ToUniversalTime();
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var offset = earliest ? offsets.Max() : offsets.Min();
            return new DateTimeOffset(local, offset).ToUniversalTime();
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
