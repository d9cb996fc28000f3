using System.Globalization;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Web.Infrastructure.Journeys;

/// <summary>The workspace's one way of showing dates and times, in the GOV.UK style: "4 December 2026 at 2:30pm" (Europe/London).</summary>
public static class Display
{
    private static readonly CultureInfo _ukEnglish = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", _ukEnglish);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "Not given";

    public static string DateTime(DateTimeOffset instant)
    {
        var local = LondonTime.LocalDateTimeOf(instant);
        return $"{Date(DateOnly.FromDateTime(local))} at {Time(TimeOnly.FromDateTime(local))}";
    }

    /// <summary>A time of day in the GOV.UK style: "9:00am", "12:30pm".</summary>
    public static string Time(TimeOnly time)
    {
        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        return $"{hour.ToString(CultureInfo.InvariantCulture)}:{time.Minute.ToString("00", CultureInfo.InvariantCulture)}{(time.Hour < 12 ? "am" : "pm")}";
    }

    public static string DateTime(DateTimeOffset? instant) => instant is { } i ? DateTime(i) : "Not given";
}
