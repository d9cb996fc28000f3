using Microsoft.Playwright;
using StalkingProtection.Core.Staff;
using StalkingProtection.EndToEndTests.PublicSite;
using StalkingProtection.TestCommon;

namespace StalkingProtection.EndToEndTests.Workspace;

/// <summary>An analyst asks for a period's figures, reads the chart beside its table, then turns them into a Freedom of Information answer.</summary>
public class StatisticsBrowserTests(PublicSiteServer server) : IClassFixture<PublicSiteServer>
{
    private const string Password = "willow lantern paddock";

    [Fact]
    public async Task Statistics_PeriodThenFoiAnswer_ShowsTheChartAndTablesAndSuppressesSmallNumbersWithNoAccessibilityViolation()
    {
        // Arrange
        var testData = new TestData(server.Database);
        await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2021, 6, 8)).WithCase(c => c.InTeam("Statistics North")));
        await testData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2021, 7, 13)).WithCase(c => c.InTeam("Statistics North")));
        var email = await StaffBrowserSignIn.CreateAccountAsync(server, "Ana Lyst", StaffRoles.Analyst, Password, "Performance");
        await using var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();

        // Act
        await StaffBrowserSignIn.SignInAndSetUpTwoFactorAsync(page, email, Password);
        await page.GotoAsync("/workspace/statistics");
        await page.FillAsync("#From-day", "1");
        await page.FillAsync("#From-month", "6");
        await page.FillAsync("#From-year", "2021");
        await page.FillAsync("#To-day", "31");
        await page.FillAsync("#To-month", "7");
        await page.FillAsync("#To-year", "2021");
        await page.ClickAsync("button:has-text('Show figures')");
        await page.WaitForSelectorAsync("[data-statistics-period]");
        var chartName = await page.GetByRole(AriaRole.Img, new() { Name = "Applications made and orders made, month by month" }).CountAsync();
        var june = await page.Locator("[data-statistics-month='2021-06'] td").AllTextContentsAsync();
        var figuresViolations = await PublicSiteServer.AccessibilityViolationsAsync(page);
        await page.ClickAsync("[data-statistics-foi-link]");
        await page.WaitForSelectorAsync("[data-statistics-foi]");
        var foiJune = await page.Locator("[data-statistics-month='2021-06'] td").AllTextContentsAsync();
        var foiCharts = await page.Locator("[data-statistics-chart]").CountAsync();
        var foiViolations = await PublicSiteServer.AccessibilityViolationsAsync(page);

        // Assert
        Assert.Equal(1, chartName);
        Assert.Equal(["0", "1", "1", "0"], june.Select(c => c.Trim()));
        Assert.Empty(figuresViolations);
        Assert.All(foiJune, c => Assert.Equal("fewer than 5", c.Trim()));
        Assert.Equal(0, foiCharts);
        Assert.Empty(foiViolations);
    }
}
