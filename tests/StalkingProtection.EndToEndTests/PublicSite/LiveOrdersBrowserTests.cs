using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StalkingProtection.Core.Statistics;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;

namespace StalkingProtection.EndToEndTests.PublicSite;

public class LiveOrdersBrowserTests(PublicSiteServer server) : IClassFixture<PublicSiteServer>
{
    [Fact]
    public async Task LiveOrders_FiveFullOrdersInForce_ShowsTheDashboardCountAndSmallFiguresAsFewerThanFive()
    {
        // Arrange: SPA 2019 s.5 - full orders made this year for at least 2 years, so all are in force today.
        var data = new TestData(server.Database);
        for (var i = 0; i < 5; i++)
        {
            await data.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2026, 3, 2)).ServedOn(new DateOnly(2026, 3, 3)));
        }

        await using var scope = server.Services.CreateAsyncScope();
        var (interim, full) = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().CountLiveAsync(TimeProvider.System.UkToday, TestContext.Current.CancellationToken);
        await using var context = await server.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/stalking-protection-orders");

        // Act
        await page.GetByRole(AriaRole.Link, new() { Name = "how many stalking protection orders we have in force today" }).ClickAsync();
        await page.ArriveAtAsync("/stalking-protection-orders/in-force", "after following the link to the orders in force");
        var violations = await PublicSiteServer.AccessibilityViolationsAsync(page);

        // Assert
        Assert.Equal((0, 5), (interim, full));
        Assert.Contains("has 5 live stalking protection orders in force on", await page.InnerTextAsync("[data-live-orders]"), StringComparison.Ordinal);
        Assert.Equal("interim orders: fewer than 5", (await page.InnerTextAsync("[data-live-orders-interim]")).Trim());
        Assert.Equal("full orders: 5", (await page.InnerTextAsync("[data-live-orders-full]")).Trim());
        Assert.Empty(violations);
    }
}

/// <summary>Limits set low, to see what a limited visitor sees; reading stays unlimited.</summary>
public class RateLimitedServer : PublicSiteServer
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["StalkingProtection:PublicSite:FormSubmissionsPerAddress"] = "2",
        ["StalkingProtection:PublicSite:SendsPerReport"] = "1",
    };
}

public class RateLimitBrowserTests(RateLimitedServer server) : IClassFixture<RateLimitedServer>
{
    [Fact]
    public async Task Reading_ManyPagesFromOneAddress_IsNeverLimited()
    {
        // Arrange
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        var statuses = new List<int>();

        // Act
        for (var i = 0; i < 8; i++)
        {
            foreach (var path in new[] { "/report", "/report/staying-safe", "/feedback", "/support" })
            {
                statuses.Add((await page.GotoAsync(path))!.Status);
            }
        }

        // Assert
        Assert.All(statuses, status => Assert.Equal(200, status));
    }

    [Fact]
    public async Task Starting_TooOftenFromOneAddress_ShowsEmergencyAndHelplineNumbersAsTapToCallLinks()
    {
        // Arrange
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        for (var i = 0; i < 2; i++)
        {
            await ReportBrowser.StartAsync(page);
        }

        await page.GotoAsync("/report/staying-safe");

        // Act
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Start the report" }).ClickAsync(),
            r => r.Url.EndsWith("/report/start", StringComparison.Ordinal));
        await page.ArriveAtAsync("/report/start", "after starting once too often");
        var links = await page.Locator("[data-helplines] a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var violations = await PublicSiteServer.AccessibilityViolationsAsync(page);

        // Assert
        Assert.Equal(429, response.Status);
        Assert.Equal(["tel:999", "tel:101", "tel:08088020300"], links);
        Assert.Equal(1, await page.Locator(".app-quick-exit__button").CountAsync());
        Assert.Empty(violations);
    }
}

public class HelplineLinkTests(PublicSiteServer server) : IClassFixture<PublicSiteServer>
{
    [Theory]
    [InlineData("/support", "tel:08088020300")]
    [InlineData("/support", "tel:08081689111")]
    [InlineData("/support", "tel:999")]
    [InlineData("/support", "tel:101")]
    [InlineData("/report", "tel:08088020300")]
    [InlineData("/report", "tel:999")]
    [InlineData("/", "tel:999")]
    public async Task HelplineNumbers_AreTapToCallLinks(string path, string href)
    {
        // Arrange
        await using var context = await server.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();

        // Act
        await page.GotoAsync(path);

        // Assert
        Assert.True(await page.Locator($"a[href='{href}']").CountAsync() > 0, $"{path} has no {href} link");
    }
}
