using Microsoft.Playwright;

namespace StalkingProtection.EndToEndTests.PublicSite;

/// <summary>The site as a force runs it once it sets optional cookies: the banner asks, and the choice is kept.</summary>
public class OptionalCookiesServer : PublicSiteServer
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["StalkingProtection:PublicSite:OptionalCookies"] = "true",
    };
}

/// <summary>While the site sets no optional cookies there is nothing to ask: no banner, and no preference cookie.</summary>
public class NoOptionalCookiesBrowserTests(PublicSiteServer server) : IClassFixture<PublicSiteServer>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Visit_WithoutOptionalCookies_ShowsNoBannerAndSetsNoPreferenceCookie(bool javaScript)
    {
        // Arrange
        await using var context = await server.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();

        // Act
        foreach (var path in new[] { "/", "/support", "/report", "/cookies" })
        {
            await page.GotoAsync(path);
            Assert.Equal(0, await page.Locator(".govuk-cookie-banner").CountAsync());
        }

        var cookiesPage = await page.InnerTextAsync("main");
        var violations = await PublicSiteServer.AccessibilityViolationsAsync(page);

        // Assert
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "sp-cookie-preferences");
        Assert.Equal(0, await page.Locator("main form").CountAsync());
        Assert.Contains("sp-antiforgery", cookiesPage, StringComparison.Ordinal);
        Assert.Contains("sp-report", cookiesPage, StringComparison.Ordinal);
        Assert.Contains("sp-flash", cookiesPage, StringComparison.Ordinal);
        Assert.DoesNotContain("sp-cookie-preferences", cookiesPage, StringComparison.Ordinal);
        Assert.Empty(violations);
    }
}

public class CookieBrowserTests(OptionalCookiesServer server) : IClassFixture<OptionalCookiesServer>
{
    private static readonly string[] _essential = ["sp-antiforgery", "sp-cookie-preferences", "sp-report", "sp-flash"];

    [Fact]
    public async Task FirstVisit_LoadsNothingOptionalAndNothingFromElsewhere()
    {
        // Arrange
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);

        // Act
        await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.NetworkIdle });

        // Assert
        Assert.All(requested, url => Assert.StartsWith(server.BaseUrl + "/", url, StringComparison.Ordinal));
        Assert.All(requested.Select(u => new Uri(u).AbsolutePath), path => Assert.True(
            path == "/" || path.StartsWith("/css/", StringComparison.Ordinal) || path.StartsWith("/js/", StringComparison.Ordinal)
            || path.StartsWith("/lib/govuk-frontend/", StringComparison.Ordinal), $"Unexpected request for {path}"));
        Assert.All(await context.CookiesAsync(), c => Assert.Contains(c.Name, _essential));
        Assert.True(await page.Locator(".govuk-cookie-banner").IsVisibleAsync());
    }

    [Theory]
    [InlineData(true, "Accept additional cookies", "accepted")]
    [InlineData(true, "Reject additional cookies", "rejected")]
    [InlineData(false, "Accept additional cookies", "accepted")]
    public async Task Banner_Choice_IsSavedForAYearAndBannerStaysHidden(bool javaScript, string button, string stored)
    {
        // Arrange
        await using var context = await server.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/support");

        // Act
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();

        // The form posts back to the same address, so wait for the confirmation rather than for a change of URL.
        var banner = page.Locator(".govuk-cookie-banner", new() { HasText = "Your cookie preferences have been saved." });
        await banner.WaitForAsync();
        var confirmation = await banner.TextContentAsync();
        await page.GotoAsync("/what-is-stalking");

        // Assert
        Assert.Contains("Your cookie preferences have been saved.", confirmation, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".govuk-cookie-banner").CountAsync());
        var cookie = (await context.CookiesAsync()).Single(c => c.Name == "sp-cookie-preferences");
        Assert.Equal(stored, cookie.Value);
        var expires = DateTimeOffset.FromUnixTimeSeconds((long)cookie.Expires);
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(300), DateTimeOffset.UtcNow.AddDays(400));
    }

    [Fact]
    public async Task SettingsPage_Choice_IsSavedAndShownAgain()
    {
        // Arrange
        await using var context = await server.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/cookies");

        // Act
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save cookie settings" }).ClickAsync();
        var saved = page.Locator(".govuk-notification-banner", new() { HasText = "Your cookie preferences have been saved." });
        await saved.WaitForAsync();
        var banner = await saved.TextContentAsync();
        await page.GotoAsync("/cookies");

        // Assert
        Assert.Contains("Your cookie preferences have been saved.", banner, StringComparison.Ordinal);
        Assert.True(await page.GetByLabel("No", new() { Exact = true }).IsCheckedAsync());
        Assert.Equal("rejected", (await context.CookiesAsync()).Single(c => c.Name == "sp-cookie-preferences").Value);
    }
}
