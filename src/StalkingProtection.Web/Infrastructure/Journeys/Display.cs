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
        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        return $"{Date(DateOnly.FromDateTime(local))} at {hour.ToString(CultureInfo.InvariantCulture)}:{local.Minute.ToString("00", CultureInfo.InvariantCulture)}{(local.Hour < 12 ? "am" : "pm")}";
    }

    public static string DateTime(DateTimeOffset? instant) => instant is { } i ? DateTime(i) : "Not given";
}
