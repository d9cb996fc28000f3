using System.Text;
using CsCheck;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Tests.Time;

public class BankHolidayCalendarTests
{
    private static readonly BankHolidayCalendar Calendar = BankHolidayCalendar.EnglandAndWales;

    // bank-holidays.md, "One-off changes since the Act came into force".
    private static readonly DateOnly[] OneOffHolidays =
        [new(2020, 5, 8), new(2022, 6, 2), new(2022, 6, 3), new(2022, 9, 19), new(2023, 5, 8)];

    private static readonly DateOnly[] RegularDaysThatWereWorkingDays = [new(2020, 5, 4), new(2022, 5, 30)];

    public static TheoryData<int, DateOnly[]> WorkedYears => new()
    {
        { 2025, [new(2025, 1, 1), new(2025, 4, 18), new(2025, 4, 21), new(2025, 5, 5), new(2025, 5, 26), new(2025, 8, 25), new(2025, 12, 25), new(2025, 12, 26)] },
        { 2026, [new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 4), new(2026, 5, 25), new(2026, 8, 31), new(2026, 12, 25), new(2026, 12, 28)] },
        { 2027, [new(2027, 1, 1), new(2027, 3, 26), new(2027, 3, 29), new(2027, 5, 3), new(2027, 5, 31), new(2027, 8, 30), new(2027, 12, 27), new(2027, 12, 28)] },
    };

    [Theory]
    [MemberData(nameof(WorkedYears))]
    public void BankHolidaysIn_WorkedYear_MatchesTheOfficialList(int year, DateOnly[] expected)
    {
        // Arrange
        var calendar = Calendar;

        // Act
        var dates = calendar.BankHolidaysIn(year).Select(h => h.Date);

        // Assert
        Assert.Equal(expected, dates);
    }

    [Theory]
    [MemberData(nameof(WorkedYears))]
    public void Regular_WorkedYear_TheRulesAloneGiveTheSameDays(int year, DateOnly[] expected)
    {
        // Arrange
        var rulesOnly = new BankHolidayCalendar([]);

        // Act
        var dates = rulesOnly.BankHolidaysIn(year).Select(h => h.Date);

        // Assert
        Assert.Equal(expected, dates);
    }

    [Fact]
    public void IsBankHoliday_EveryOneOffDate_IsAHolidayAndNotABusinessDay()
    {
        // Arrange
        var oneOffs = OneOffHolidays;

        // Act
        var results = oneOffs.Select(d => (Date: d, Holiday: Calendar.IsBankHoliday(d), Business: Calendar.IsBusinessDay(d))).ToList();

        // Assert
        Assert.All(results, r =>
        {
            Assert.True(r.Holiday, $"{r.Date} should be a bank holiday");
            Assert.False(r.Business, $"{r.Date} should not be a business day");
        });
    }

    [Fact]
    public void IsBusinessDay_RegularMondaysMovedByAOneOffChange_AreWorkingDays()
    {
        // Arrange
        var movedAway = RegularDaysThatWereWorkingDays;

        // Act
        var results = movedAway.Select(d => (Date: d, Holiday: Calendar.IsBankHoliday(d), Business: Calendar.IsBusinessDay(d))).ToList();

        // Assert
        Assert.All(results, r =>
        {
            Assert.False(r.Holiday, $"{r.Date} was a working day");
            Assert.True(r.Business, $"{r.Date} was a working day");
        });
    }

    [Fact]
    public void Regular_OfficialYears2020To2027_DifferFromTheListOnlyByTheOneOffChanges()
    {
        // Arrange
        var official = Enumerable.Range(2020, 8).SelectMany(y => Calendar.BankHolidaysIn(y)).Select(h => h.Date).ToHashSet();
        var regular = Enumerable.Range(2020, 8).SelectMany(BankHolidays.Regular).Select(h => h.Date).ToHashSet();

        // Act
        var onlyOfficial = official.Except(regular).Order();
        var onlyRegular = regular.Except(official).Order();

        // Assert
        Assert.Equal(OneOffHolidays, onlyOfficial);
        Assert.Equal(RegularDaysThatWereWorkingDays, onlyRegular);
    }

    [Fact]
    public void OfficialYears_EmbeddedList_Covers2020To2027()
    {
        // Arrange
        var calendar = Calendar;

        // Act
        var years = calendar.OfficialYears;

        // Assert
        Assert.Equal(Enumerable.Range(2020, 8), years);
    }

    [Fact]
    public void BankHolidaysIn_YearAfterTheList_FallsBackToTheRegularRules()
    {
        // Arrange: Easter Sunday 2030 is 21 April; 25 December 2032 is a Saturday.
        var calendar = Calendar;

        // Act
        var y2030 = calendar.BankHolidaysIn(2030).Select(h => h.Date);
        var y2032Christmas = calendar.BankHolidaysIn(2032).Select(h => h.Date).Where(d => d.Month == 12);

        // Assert
        Assert.Equal(
            [new(2030, 1, 1), new(2030, 4, 19), new(2030, 4, 22), new(2030, 5, 6), new(2030, 5, 27), new(2030, 8, 26), new(2030, 12, 25), new(2030, 12, 26)],
            y2030);
        Assert.Equal([new DateOnly(2032, 12, 27), new DateOnly(2032, 12, 28)], y2032Christmas);
    }

    [Theory]
    [InlineData(2022, 1, 3)] // 1 January 2022 was a Saturday
    [InlineData(2023, 1, 2)] // a Sunday
    [InlineData(2028, 1, 3)] // a Saturday, beyond the list
    [InlineData(2034, 1, 2)] // a Sunday, beyond the list
    public void Regular_NewYearOnAWeekend_IsSubstitutedByTheFollowingMonday(int year, int month, int day)
    {
        // Arrange
        var expected = new DateOnly(year, month, day);

        // Act
        var newYear = BankHolidays.Regular(year)[0];

        // Assert
        Assert.Equal(expected, newYear.Date);
        Assert.Equal(DayOfWeek.Monday, newYear.Date.DayOfWeek);
    }

    [Theory]
    [InlineData(2020, 25, 28)] // 25 December a Friday: Boxing Day substitute Monday 28
    [InlineData(2021, 27, 28)] // a Saturday: Monday 27 and Tuesday 28
    [InlineData(2022, 26, 27)] // a Sunday: Monday 26 and Tuesday 27
    [InlineData(2024, 25, 26)] // a Wednesday
    public void Regular_Christmas_GivesTheSubstituteDaysTheRulesSay(int year, int first, int second)
    {
        // Arrange
        var expected = new[] { new DateOnly(year, 12, first), new DateOnly(year, 12, second) };

        // Act
        var christmas = BankHolidays.Regular(year).Where(h => h.Date.Month == 12).Select(h => h.Date);

        // Assert
        Assert.Equal(expected, christmas);
    }

    [Theory]
    [InlineData(1818, 3, 22)]
    [InlineData(1943, 4, 25)]
    [InlineData(2000, 4, 23)]
    [InlineData(2008, 3, 23)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void EasterSunday_KnownYears_MatchPublishedDates(int year, int month, int day)
    {
        // Arrange
        var expected = new DateOnly(year, month, day);

        // Act
        var easter = BankHolidays.EasterSunday(year);

        // Assert
        Assert.Equal(expected, easter);
    }

    [Fact]
    public void EasterSunday_EveryGregorianYear_IsASundayFrom22MarchTo25April()
    {
        // Arrange
        var years = Enumerable.Range(1583, 9999 - 1583 + 1);

        // Act
        var wrong = years.Select(BankHolidays.EasterSunday)
            .Where(e => e.DayOfWeek != DayOfWeek.Sunday
                || e < new DateOnly(e.Year, 3, 22)
                || e > new DateOnly(e.Year, 4, 25))
            .ToList();

        // Assert
        Assert.Empty(wrong);
    }

    [Fact]
    public void FromJson_WholeGovUkFile_ReadsTheEnglandAndWalesDivisionOnly()
    {
        // Arrange
        const string json = """
            {
              "england-and-wales": { "division": "england-and-wales", "events": [
                { "title": "Made-up holiday", "date": "2031-03-04", "notes": "", "bunting": true } ] },
              "scotland": { "division": "scotland", "events": [
                { "title": "St Andrew’s Day", "date": "2031-12-01", "notes": "", "bunting": true } ] }
            }
            """;

        // Act
        var calendar = FromJson(json);

        // Assert
        Assert.True(calendar.IsBankHoliday(new DateOnly(2031, 3, 4)));
        Assert.False(calendar.IsBankHoliday(new DateOnly(2031, 12, 1)));
        Assert.False(calendar.IsBankHoliday(new DateOnly(2031, 1, 1)));
        Assert.Equal([2031], calendar.OfficialYears);
    }

    [Fact]
    public void FromJson_DivisionObject_IsAccepted()
    {
        // Arrange
        const string json = """{ "events": [ { "title": "Christmas Day", "date": "2040-12-25" } ] }""";

        // Act
        var calendar = FromJson(json);

        // Assert
        Assert.Equal([new BankHoliday(new DateOnly(2040, 12, 25), "Christmas Day")], calendar.BankHolidaysIn(2040));
    }

    [Theory]
    [InlineData("""{ "events": [ { "title": "Bad", "date": "25/12/2040" } ] }""")]
    [InlineData("""{ "events": [ { "title": "No date" } ] }""")]
    [InlineData("""{ "events": [] }""")]
    [InlineData("""{ "scotland": { "events": [ { "title": "x", "date": "2040-01-01" } ] } }""")]
    public void FromJson_UnusableData_ThrowsInvalidDataException(string json)
    {
        // Arrange
        var bytes = Encoding.UTF8.GetBytes(json);

        // Act
        var act = () => BankHolidayCalendar.FromJson(new MemoryStream(bytes));

        // Assert
        Assert.Throws<InvalidDataException>(act);
    }

    [Theory]
    [InlineData("2022-05-27", 15, "2022-06-21")] // over the moved spring holiday and the Platinum Jubilee
    [InlineData("2022-09-09", 15, "2022-10-03")] // over the State Funeral
    [InlineData("2025-12-15", 15, "2026-01-08")] // over Christmas and New Year
    [InlineData("2025-12-27", 1, "2025-12-29")]  // from a Saturday
    [InlineData("2026-01-05", -1, "2026-01-02")] // backwards over a weekend
    [InlineData("2026-12-26", 0, "2026-12-26")]
    public void AddBusinessDays_Examples_SkipWeekendsAndBankHolidays(string start, int days, string expected)
    {
        // Arrange
        var from = DateOnly.Parse(start);

        // Act
        var result = Calendar.AddBusinessDays(from, days);

        // Assert
        Assert.Equal(DateOnly.Parse(expected), result);
    }

    [Fact]
    public void AddBusinessDays_GeneratedStartsAndCounts_LandsOnABusinessDayAfterExactlyThatMany()
    {
        // Arrange
        var gen = Gen.Select(SpecialDays.BusinessDate, Gen.Int[-60, 60]);

        // Act and Assert
        gen.Sample((start, n) =>
        {
            var result = Calendar.AddBusinessDays(start, n);

            if (n == 0)
            {
                Assert.Equal(start, result);
                return;
            }

            Assert.True(n > 0 ? result > start : result < start);
            Assert.False(result.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{result} is a weekend");
            Assert.DoesNotContain(Calendar.BankHolidaysIn(result.Year), h => h.Date == result);
            var (low, high) = n > 0 ? (start.AddDays(1), result) : (result, start.AddDays(-1));
            var counted = Enumerable.Range(0, high.DayNumber - low.DayNumber + 1)
                .Select(low.AddDays)
                .Count(Calendar.IsBusinessDay);
            Assert.Equal(Math.Abs(n), counted);
        }, iter: SpecialDays.Iterations);
    }

    [Fact]
    public void IsBusinessDay_GeneratedDates_IsWeekdayAndNotInTheYearsList()
    {
        // Arrange
        var gen = SpecialDays.BusinessDate;

        // Act and Assert
        gen.Sample(d =>
        {
            var expected = d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
                && Calendar.BankHolidaysIn(d.Year).All(h => h.Date != d);
            Assert.Equal(expected, Calendar.IsBusinessDay(d));
        }, iter: SpecialDays.Iterations);
    }

    private static BankHolidayCalendar FromJson(string json) =>
        BankHolidayCalendar.FromJson(new MemoryStream(Encoding.UTF8.GetBytes(json)));
}
