using System.Globalization;

namespace StalkingProtection.Core.Time;

/// <summary>A legal date as the outcomes of commands write it (e.g. 3 March 2026).</summary>
public static class DateWords
{
    private static readonly CultureInfo _english = CultureInfo.GetCultureInfo("en-GB");

    public static string Of(DateOnly date) => date.ToString("d MMMM yyyy", _english);

    /// <summary>An instant as its London date and time of day in the GOV.UK style (e.g. 3 March 2026 at 9:30am).</summary>
    public static string At(DateTimeOffset instant)
    {
        var local = LondonTime.LocalDateTimeOf(instant);
        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        return $"{Of(DateOnly.FromDateTime(local))} at {hour.ToString(_english)}:{local.Minute.ToString("00", _english)}{(local.Hour < 12 ? "am" : "pm")}";
    }
}
