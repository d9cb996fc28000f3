namespace StalkingProtection.Core.Time;

// Legal dates in England and Wales are civil dates in Europe/London; instants are stored in UTC.
public static class LondonTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public static DateTime LocalDateTimeOf(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    // UK clocks change at 01:00 UTC, so local midnight always exists and is never ambiguous.
    public static DateTimeOffset StartOfDayUtc(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The first instant after the end of <paramref name="date"/> in London.</summary>
    public static DateTimeOffset EndOfDayUtc(DateOnly date) => StartOfDayUtc(date.AddDays(1));

    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            // A time skipped by the spring clock change is read as the same wall-clock time an hour later.
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

public static class TimeProviderExtensions
{
    extension(TimeProvider timeProvider)
    {
        public DateOnly UkToday => LondonTime.DateOf(timeProvider.GetUtcNow());

        public DateTimeOffset UtcNow => timeProvider.GetUtcNow();
    }
}
