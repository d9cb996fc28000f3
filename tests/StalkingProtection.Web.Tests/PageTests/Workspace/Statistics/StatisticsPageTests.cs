using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Statistics;

public sealed class StatisticsMatrix : IAuthorisationMatrixPart
{
    public IReadOnlyDictionary<string, string[]> Routes { get; } = new Dictionary<string, string[]>
    {
        ["/workspace/statistics"] = [StaffRoles.Analyst, StaffRoles.Coordinator],
    };
}

public class StatisticsPageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const string FirstHalf2026 = "/workspace/statistics?From.Day=1&From.Month=1&From.Year=2026&To.Day=30&To.Month=6&To.Year=2026";

    private static string Period(string fromDay, string fromMonth, string fromYear, string toDay, string toMonth, string toYear) =>
        $"/workspace/statistics?From.Day={fromDay}&From.Month={fromMonth}&From.Year={fromYear}&To.Day={toDay}&To.Month={toMonth}&To.Year={toYear}";

    [Fact]
    public async Task Get_PeriodAsAnalyst_ShowsCountsOnlyWithACsvLinkAndAuditsTheConsultation()
    {
        // Arrange
        var testData = new TestData(factory.Database);
        var full = await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 2)));
        await testData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 3, 2)));
        var respondentName = await factory.WithDbAsync(async db =>
            (await db.Respondents.Include(r => r.Person).ThenInclude(p => p.Names).SingleAsync(r => r.Id == full.Case.RespondentId)).Person.PrimaryName.FamilyName);
        var analyst = await factory.CreateUserAsync(StaffRoles.Analyst);
        var client = factory.CreateBrowser(analyst);

        // Act
        var response = await client.GetAsync(FirstHalf2026);
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1 January 2026 to 30 June 2026", document.QuerySelector("[data-statistics-period]")!.TextContent.Trim());
        var made = document.QuerySelector("[data-statistics-section=orders-made]")!.QuerySelectorAll("tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal("1", made["Interim orders"]);
        Assert.Equal("1", made["Full orders"]);
        var fullApplications = document.QuerySelector("[data-statistics-section=applications] [data-statistics-row=Full]")!;
        Assert.Equal("1", fullApplications.QuerySelector("[data-statistics-outcome=Granted]")!.TextContent.Trim());
        Assert.Equal("1", fullApplications.QuerySelector("[data-statistics-outcome=Pending]")!.TextContent.Trim());
        Assert.Equal("/workspace/statistics?handler=csv&From=2026-01-01&To=2026-06-30", document.QuerySelector("[data-statistics-csv]")!.GetAttribute("href"));
        Assert.DoesNotContain(respondentName, document.Body!.TextContent, StringComparison.Ordinal);
        var audited = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "Statistics.Viewed" && e.ActorId == analyst.Id.ToString()).ToListAsync());
        Assert.Contains(audited, e => e.NewValues!.Contains("\"format\":\"page\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetCsv_Period_DownloadsTheSameFiguresAsAFile()
    {
        // Arrange
        var coordinator = await factory.CreateUserAsync(StaffRoles.Coordinator);
        var client = factory.CreateBrowser(coordinator);

        // Act
        var response = await client.GetAsync("/workspace/statistics?handler=csv&From=2025-01-01&To=2025-12-31");
        var csv = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("spo-statistics-2025-01-01-to-2025-12-31.csv", response.Content.Headers.ContentDisposition!.FileName);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Section,Measure,Count", lines[0]);
        Assert.Contains("\"Period\",\"From\",2025-01-01", lines);
        Assert.Contains("\"Applications made in the period\",\"Full order: made\",0", lines);
        Assert.Contains("\"Orders made in the period\",\"Full orders\",0", lines);
        Assert.Contains("\"Cases and SPO decisions\",\"Stalking cases opened\",0", lines);
    }

    /// <summary>Two full orders made in May of <paramref name="year"/> in a team of their own, each applied for two days before it was made.</summary>
    private async Task<string> TwoOrdersInMayAsync(int year)
    {
        var team = "Team " + Guid.NewGuid().ToString("N")[..8];
        var testData = new TestData(factory.Database);
        await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(year, 5, 10)).WithCase(c => c.InTeam(team)));
        await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(year, 5, 20)).WithCase(c => c.InTeam(team)));
        return team;
    }

    private static Dictionary<string, string> Rows(AngleSharp.Dom.IDocument document, string section) =>
        document.QuerySelector($"[data-statistics-section={section}]")!.QuerySelectorAll("tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelector("td")!.TextContent.Trim());

    [Fact]
    public async Task Get_Period_ShowsMediansMonthsTeamsAndAChartBesideTheMonthTable()
    {
        // Arrange
        var team = await TwoOrdersInMayAsync(2023);
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Analyst));

        // Act
        var document = await client.GetDocumentAsync("/workspace/statistics?From=2023-05-01&To=2023-05-31");

        // Assert
        Assert.Equal("2", Rows(document, "orders-made")["Full orders"]);
        Assert.Equal("2 days", document.QuerySelector("[data-statistics-median=application-to-order] td")!.TextContent.Trim());
        var may = document.QuerySelectorAll("[data-statistics-month='2023-05'] td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["2", "2", "2", "0"], may);
        var teamRow = document.QuerySelectorAll($"[data-statistics-team='{team}'] td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["2", "2", "2", "2"], teamRow);
        var chart = document.QuerySelector("svg[data-statistics-chart]")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Contains("May 2023: 2 orders made", chart.QuerySelectorAll("rect title").Select(t => t.TextContent), StringComparer.Ordinal);
        Assert.Equal("/workspace/statistics?From=2023-05-01&To=2023-05-31&Foi=true", document.QuerySelector("[data-statistics-foi-link]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task GetFoi_Period_ShowsEveryCountBelow5AsFewerThan5AndNoMedianOrChartThatCouldPointToAPerson()
    {
        // Arrange
        await TwoOrdersInMayAsync(2022);
        var analyst = await factory.CreateUserAsync(StaffRoles.Analyst);
        var client = factory.CreateBrowser(analyst);

        // Act
        var document = await client.GetDocumentAsync("/workspace/statistics?From=2022-05-01&To=2022-05-31&Foi=true");
        var csv = await client.GetAsync("/workspace/statistics?handler=csv&From=2022-05-01&To=2022-05-31&Foi=true");
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        // Assert
        Assert.NotNull(document.QuerySelector("[data-statistics-foi]"));
        Assert.Equal("fewer than 5", Rows(document, "orders-made")["Full orders"]);
        Assert.Equal("fewer than 5", Rows(document, "live")["All orders"]);
        Assert.Equal("Not given (fewer than 5 records)", document.QuerySelector("[data-statistics-median=application-to-order] td")!.TextContent.Trim());
        Assert.All(document.QuerySelectorAll("td.govuk-table__cell--numeric"), cell => Assert.DoesNotMatch(@"^[0-4]$", cell.TextContent.Trim()));
        Assert.Null(document.QuerySelector("[data-statistics-chart]"));
        Assert.Equal("spo-foi-answer-2022-05-01-to-2022-05-31.csv", csv.Content.Headers.ContentDisposition!.FileName);
        Assert.Contains("\"Orders made in the period\",\"Full orders\",\"fewer than 5\"", lines);
        Assert.DoesNotContain(lines.Skip(3), l => System.Text.RegularExpressions.Regex.IsMatch(l, ",[0-4]$"));
        var formats = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "Statistics.Viewed" && e.ActorId == analyst.Id.ToString())
            .Select(e => e.NewValues!).ToListAsync());
        Assert.Contains(formats, v => v.Contains("\"format\":\"foi\"", StringComparison.Ordinal));
        Assert.Contains(formats, v => v.Contains("\"format\":\"foi-csv\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_NoPeriodYet_ShowsTheFormWithoutErrorsOrFigures()
    {
        // Arrange
        var analyst = await factory.CreateUserAsync(StaffRoles.Analyst);

        // Act
        var document = await factory.CreateBrowser(analyst).GetDocumentAsync("/workspace/statistics");

        // Assert
        Assert.Equal("Statistics and FOI returns", document.HeadingText());
        Assert.Empty(document.ErrorSummaryMessages());
        Assert.Null(document.QuerySelector("[data-statistics-period]"));
        Assert.NotNull(document.QuerySelector("#From-day"));
        Assert.NotNull(document.QuerySelector("#To-year"));
    }

    public static TheoryData<string, string[]> InvalidPeriods() => new()
    {
        { Period("", "", "", "", "", ""), ["Enter the start date", "Enter the end date"] },
        { Period("31", "2", "2026", "30", "6", "2026"), ["Start date must be a real date"] },
        { Period("1", "1", "2026", "1", "", "2026"), ["End date must include a month"] },
        { Period("1", "1", "26", "30", "6", "2026"), ["Start date must include a year with 4 numbers"] },
        { Period("1", "7", "2026", "30", "6", "2026"), ["End date must be the same as or after the start date"] },
        { Period("1", "1", "2026", "29", "11", "2026"), ["End date must be today or in the past"] },
        { Period("1", "12", "2026", "2", "12", "2026"), ["Start date must be today or in the past", "End date must be today or in the past"] },
        { "/workspace/statistics?handler=csv&From=2026-07-01&To=2026-06-30", ["End date must be the same as or after the start date"] },
    };

    [Theory]
    [MemberData(nameof(InvalidPeriods))]
    public async Task Get_InvalidPeriod_ShowsEachErrorInTheSummaryAndAgainstItsField(string url, string[] errors)
    {
        // Arrange
        var coordinator = await factory.CreateUserAsync(StaffRoles.Coordinator);

        // Act
        var response = await factory.CreateBrowser(coordinator).GetAsync(url);
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(errors, document.ErrorSummaryMessages());
        var inline = document.QuerySelectorAll(".govuk-error-message").Select(e => e.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim());
        Assert.Equal(errors, inline);
        Assert.Null(document.QuerySelector("[data-statistics-period]"));
    }

    [Theory]
    [InlineData(StaffRoles.Analyst, true)]
    [InlineData(StaffRoles.Coordinator, true)]
    [InlineData(StaffRoles.Officer, false)]
    [InlineData(StaffRoles.LegalServices, false)]
    [InlineData(StaffRoles.Lookup, false)]
    [InlineData(StaffRoles.Administrator, false)]
    public async Task GetWorkspaceHome_LinksToStatisticsOnlyForAnalystsAndCoordinators(string role, bool linked)
    {
        // Arrange
        var user = await factory.CreateUserAsync(role);
        var client = factory.CreateBrowser(user);

        // Act
        var document = await client.GetDocumentAsync("/workspace");
        var csv = await client.GetAsync("/workspace/statistics?handler=csv&From=2026-01-01&To=2026-06-30");

        // Assert
        Assert.Equal(linked, document.QuerySelector("[data-statistics-link]") is not null);
        Assert.Equal(linked ? HttpStatusCode.OK : HttpStatusCode.Forbidden, csv.StatusCode);
    }
}
