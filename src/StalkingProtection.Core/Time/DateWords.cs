using System.Globalization;

namespace StalkingProtection.Core.Time;

/// <summary>A legal date as the outcomes of commands write it (e.g. 3 March 2026).</summary>
public static class DateWords
{
    private static readonly CultureInfo _english = CultureInfo.GetCultureInfo("en-GB");

    public static string Of(DateOnly date) => date.ToString("d MMMM yyyy", _english);
}
