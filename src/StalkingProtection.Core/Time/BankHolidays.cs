using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace StalkingProtection.Core.Time;

/// <summary>A bank holiday in England and Wales.</summary>
public sealed record BankHoliday(DateOnly Date, string Title);

/// <summary>
/// The regular bank holidays of England and Wales (Banking and Financial Dealings Act 1971 Sch.1 and the usual
/// royal proclamations), used for years the official list does not cover. One-off changes exist only in the list.
/// </summary>
public static class BankHolidays
{
    /// <summary>Western (Gregorian) Easter Sunday, by the anonymous Gregorian computus (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);

        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The bank holidays the regular rules give for <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<BankHoliday> Regular(int year)
    {
        var easter = EasterSunday(year);
        var holidays = new List<BankHoliday>(8);

        var newYear = new DateOnly(year, 1, 1);
        holidays.Add(newYear.DayOfWeek switch
        {
            DayOfWeek.Saturday => new BankHoliday(newYear.AddDays(2), "New Year’s Day (substitute day)"),
            DayOfWeek.Sunday => new BankHoliday(newYear.AddDays(1), "New Year’s Day (substitute day)"),
            _ => new BankHoliday(newYear, "New Year’s Day"),
        });

        holidays.Add(new BankHoliday(easter.AddDays(-2), "Good Friday"));
        holidays.Add(new BankHoliday(easter.AddDays(1), "Easter Monday"));
        holidays.Add(new BankHoliday(FirstMonday(year, 5), "Early May bank holiday"));
        holidays.Add(new BankHoliday(LastMonday(year, 5), "Spring bank holiday"));
        holidays.Add(new BankHoliday(LastMonday(year, 8), "Summer bank holiday"));

        var christmas = new DateOnly(year, 12, 25);
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Friday:
                holidays.Add(new BankHoliday(christmas, "Christmas Day"));
                holidays.Add(new BankHoliday(christmas.AddDays(3), "Boxing Day (substitute day)"));
                break;
            case DayOfWeek.Saturday:
                holidays.Add(new BankHoliday(christmas.AddDays(2), "Christmas Day (substitute day)"));
                holidays.Add(new BankHoliday(christmas.AddDays(3), "Boxing Day (substitute day)"));
                break;
            case DayOfWeek.Sunday:
                holidays.Add(new BankHoliday(christmas.AddDays(1), "Boxing Day"));
                holidays.Add(new BankHoliday(christmas.AddDays(2), "Christmas Day (substitute day)"));
                break;
            default:
                holidays.Add(new BankHoliday(christmas, "Christmas Day"));
                holidays.Add(new BankHoliday(christmas.AddDays(1), "Boxing Day"));
                break;
        }

        return holidays;
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}

/// <summary>
/// The England and Wales bank holidays for business-day deadlines (R24; never for SPA periods, which count every
/// day, R40). Years in the official list use the list only, so one-off changes are honoured; other years use
/// <see cref="BankHolidays.Regular"/>. The list is data: the embedded default is
/// <c>Time/bank-holidays.england-and-wales.json</c> in the gov.uk format, and a force can load a newer copy of
/// https://www.gov.uk/bank-holidays.json with <see cref="FromJson(Stream)"/>.
/// </summary>
public sealed class BankHolidayCalendar
{
    private const string ResourceName = "StalkingProtection.Core.Time.bank-holidays.england-and-wales.json";
    private const string Division = "england-and-wales";

    private static readonly Lazy<BankHolidayCalendar> _englandAndWales = new(LoadEmbedded);

    private readonly FrozenDictionary<int, IReadOnlyList<BankHoliday>> _official;
    private readonly ConcurrentDictionary<int, FrozenSet<DateOnly>> _datesByYear = new();

    /// <summary>A calendar whose official years are the years that occur in <paramref name="officialList"/>.</summary>
    public BankHolidayCalendar(IEnumerable<BankHoliday> officialList)
    {
        ArgumentNullException.ThrowIfNull(officialList);
        _official = officialList
            .DistinctBy(h => h.Date)
            .GroupBy(h => h.Date.Year)
            .ToFrozenDictionary(
                g => g.Key,
                g => (IReadOnlyList<BankHoliday>)[.. g.OrderBy(h => h.Date)]);
    }

    /// <summary>The official list shipped with this release.</summary>
    public static BankHolidayCalendar EnglandAndWales => _englandAndWales.Value;

    /// <summary>The years the official list covers, ascending.</summary>
    public IReadOnlyList<int> OfficialYears => [.. _official.Keys.Order()];

    /// <summary>
    /// Reads the gov.uk bank-holidays JSON: either the whole file (the "england-and-wales" division is used) or one
    /// division object with an "events" array of { "title", "date": "yyyy-MM-dd" }.
    /// </summary>
    public static BankHolidayCalendar FromJson(Stream utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(Division, out var division))
        {
            root = division;
        }

        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("events", out var events)
            || events.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"Bank holiday data has no \"{Division}\" division with an \"events\" array.");
        }

        var holidays = new List<BankHoliday>();
        foreach (var item in events.EnumerateArray())
        {
            var text = item.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.String
                ? date.GetString()
                : null;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw new InvalidDataException($"Bank holiday event {item.GetRawText()} has no date in the form yyyy-MM-dd.");
            }

            var title = item.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString() ?? string.Empty
                : string.Empty;
            holidays.Add(new BankHoliday(day, title));
        }

        if (holidays.Count == 0)
        {
            throw new InvalidDataException("Bank holiday data lists no events.");
        }

        return new BankHolidayCalendar(holidays);
    }

    /// <summary>The bank holidays of <paramref name="year"/>: the official list if it covers the year, else the regular rules.</summary>
    public IReadOnlyList<BankHoliday> BankHolidaysIn(int year) =>
        _official.TryGetValue(year, out var listed) ? listed : BankHolidays.Regular(year);

    public bool IsBankHoliday(DateOnly date) =>
        _datesByYear.GetOrAdd(date.Year, y => BankHolidaysIn(y).Select(h => h.Date).ToFrozenSet()).Contains(date);

    /// <summary>Monday to Friday and not a bank holiday (CrimPR r.2.2 "business day").</summary>
    public bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(date);

    /// <summary>
    /// The <paramref name="businessDays"/>-th business day after <paramref name="date"/> (before it, if negative);
    /// <paramref name="date"/> itself is not counted, so 0 returns it unchanged.
    /// </summary>
    public DateOnly AddBusinessDays(DateOnly date, int businessDays)
    {
        var step = businessDays < 0 ? -1 : 1;
        var remaining = Math.Abs((long)businessDays);
        var day = date;
        while (remaining > 0)
        {
            day = day.AddDays(step);
            if (IsBusinessDay(day))
            {
                remaining--;
            }
        }

        return day;
    }

    private static BankHolidayCalendar LoadEmbedded()
    {
        using var stream = typeof(BankHolidayCalendar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return FromJson(stream);
    }
}
