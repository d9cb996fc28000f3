using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace StalkingProtection.EndToEndTests.PublicSite;

/// <summary>
/// Leaving destroys the visit: whichever way the visitor leaves, and from wherever in the report, the draft is deleted
/// on the server, the site's cookies are gone, and no page reachable with Back shows anything that was typed.
/// </summary>
public class LeavingTests(PublicSiteServer server) : IClassFixture<PublicSiteServer>
{
    private const string Typed = "He waits outside my flat every night";

    /// <summary>What the visitor typed or ticked in the journeys below.</summary>
    private static readonly string[] _typedTexts = [Typed, "Last spring", "Jo Bloggs", "I do not feel safe at home.", "07700 900123", "Mornings"];

    public static TheoryData<string, string> WaysAndPlaces
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var way in new[] { "Escape", "Shift three times", "Button", "Link without JavaScript" })
            {
                foreach (var place in new[] { "first question", "middle question with a field focused", "check answers" })
                {
                    data.Add(way, place);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(WaysAndPlaces))]
    public async Task Leave_FromTheReport_DeletesTheDraftAndCookiesAndBackShowsNothingTyped(string way, string place)
    {
        // Arrange
        var javaScript = way != "Link without JavaScript";
        await using var context = await server.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();
        await ReportBrowser.StartAsync(page);
        switch (place)
        {
            case "first question":
                await page.GetByLabel("Myself").CheckAsync();
                break;
            case "middle question with a field focused":
                await page.GetByLabel("Myself").CheckAsync();
                await ReportBrowser.ContinueAsync(page, "immediate-danger");
                await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
                await ReportBrowser.ContinueAsync(page, "what-happened");
                await page.GetByLabel("Following you").CheckAsync();
                await ReportBrowser.ContinueAsync(page, "when-started");
                await page.GetByLabel("When did it start?").FocusAsync();
                await page.Keyboard.TypeAsync(Typed);
                break;
            default:
                await ReportBrowser.AnswerAllAsync(page);
                break;
        }

        var draftsBefore = await server.WithDbAsync(db => db.PublicReportDrafts.CountAsync());

        // Act
        switch (way)
        {
            case "Escape":
                await page.Keyboard.PressAsync("Escape");
                break;
            case "Shift three times":
                await page.Keyboard.PressAsync("Shift");
                await page.Keyboard.PressAsync("Shift");
                await page.Keyboard.PressAsync("Shift");
                break;
            default:
                await page.Locator(".app-quick-exit__button").ClickAsync();
                break;
        }

        await page.ArriveAtAsync($"{server.BaseUrl}{PublicSiteServer.NeutralPath}", "Leaving");
        var shown = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var response = await page.GoBackAsync();
            if (response is null && page.Url.StartsWith("about:", StringComparison.Ordinal))
            {
                break;
            }

            await page.ArriveAtAsync(page.Url, "after going back");
            shown.Add(page.Url);
            Assert.DoesNotContain(page.Url, PublicSiteServer.NeutralPath, StringComparison.Ordinal);
            var text = await page.InnerTextAsync("body");
            Assert.All(_typedTexts, typed => Assert.DoesNotContain(typed, text, StringComparison.Ordinal));
            Assert.False(await AnythingFilledInAsync(page), $"{page.Url} shows an answer after leaving");
            if (response is null)
            {
                break;
            }
        }

        // Assert
        Assert.NotEmpty(shown);
        Assert.All(shown, url => Assert.Matches(@"/report(/staying-safe)?$", url));
        Assert.Equal(draftsBefore - 1, await server.WithDbAsync(db => db.PublicReportDrafts.CountAsync()));
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "sp-report");
    }

    [Fact]
    public async Task Leave_Address_ExpiresEveryCookieClearsCacheAndStorageAndGoesToTheNeutralSite()
    {
        // Arrange
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(server.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/leave");
        request.Headers.Add("Cookie", "sp-report=abc; sp-antiforgery=def; sp-flash=ghi");

        // Act
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PublicSiteServer.NeutralPath, response.Headers.Location!.OriginalString);
        Assert.Equal("\"cache\", \"storage\"", string.Join(", ", response.Headers.GetValues("Clear-Site-Data")));
        var expired = response.Headers.GetValues("Set-Cookie").ToList();
        foreach (var name in new[] { "sp-report", "sp-antiforgery", "sp-flash" })
        {
            Assert.Contains(expired, c => c.StartsWith(name + "=;", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.Ordinal) && c.Contains("path=/;", StringComparison.Ordinal));
            Assert.Contains(expired, c => c.StartsWith(name + "=;", StringComparison.Ordinal) && c.Contains("path=/report", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task JourneyPages_AreNeverStoredAndAskBrowsersNotToRememberAnswers()
    {
        // Arrange
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await ReportBrowser.StartAsync(page);

        // Act
        var response = await page.ReloadAsync();
        var autocomplete = await page.Locator("main form").GetAttributeAsync("autocomplete");

        // Assert
        Assert.Equal("no-store", (await response!.AllHeadersAsync())["cache-control"]);
        Assert.Equal("off", autocomplete);
    }

    [Theory]
    [InlineData("Escape")]
    [InlineData("Shift three times")]
    public async Task Keys_WithTheGovUkScriptBlocked_StillLeave(string way)
    {
        // Arrange
        await using var context = await server.NewContextAsync();
        await context.RouteAsync("**/lib/govuk-frontend/**", route => route.AbortAsync());
        await context.RouteAsync("**/js/**", route => route.AbortAsync());
        var page = await context.NewPageAsync();
        await ReportBrowser.StartAsync(page);
        await page.GetByLabel("Myself").FocusAsync();
        var draftsBefore = await server.WithDbAsync(db => db.PublicReportDrafts.CountAsync());

        // Act
        if (way == "Escape")
        {
            await page.Keyboard.PressAsync("Escape");
        }
        else
        {
            await page.Keyboard.PressAsync("Shift");
            await page.Keyboard.PressAsync("Shift");
            await page.Keyboard.PressAsync("Shift");
        }

        // Assert
        await page.ArriveAtAsync($"{server.BaseUrl}{PublicSiteServer.NeutralPath}", "Leaving");
        Assert.Equal(draftsBefore - 1, await server.WithDbAsync(db => db.PublicReportDrafts.CountAsync()));
    }

    [Fact]
    public async Task Hint_WithoutJavaScript_SaysToUseTheButtonNotEscape()
    {
        // Arrange
        await using var context = await server.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();

        // Act
        await page.GotoAsync("/support");
        var hint = await page.Locator("#quick-exit-hint").InnerTextAsync();

        // Assert
        Assert.Contains("Leave this site button", hint, StringComparison.Ordinal);
        Assert.DoesNotContain("Escape", hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hint_WithJavaScript_MentionsTheEscapeKey()
    {
        // Arrange
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();

        // Act
        await page.GotoAsync("/support");

        // Assert
        Assert.Contains("Escape", await page.Locator("#quick-exit-hint").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assets_HaveAContentHashInTheirAddressAndAreCachedForAYear()
    {
        // Arrange
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        var assets = new List<IResponse>();
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/js/", StringComparison.Ordinal) || response.Url.Contains("/css/", StringComparison.Ordinal) || response.Url.Contains("/lib/", StringComparison.Ordinal))
            {
                assets.Add(response);
            }
        };

        // Act
        await page.GotoAsync("/report", new() { WaitUntil = WaitUntilState.NetworkIdle });

        // Assert
        Assert.Contains(assets, a => a.Url.Contains("govuk-frontend.min.js", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.Url.Contains("report-timeout.js", StringComparison.Ordinal));
        foreach (var asset in assets.Where(a => !a.Url.Contains("favicon", StringComparison.Ordinal)))
        {
            Assert.Matches(@"\?v=[A-Za-z0-9_-]{20,}$", asset.Url);
            Assert.Equal("public, max-age=31536000, immutable", (await asset.AllHeadersAsync())["cache-control"]);
        }
    }

    [Fact]
    public async Task SafetyPage_BeforeTheReport_ExplainsQuickExitWhatItCannotHideAndPrivateBrowsing()
    {
        // Arrange
        await using var context = await server.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/report");

        // Act
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        await page.ArriveAtAsync("/report/staying-safe", "After \"Start now\"");
        var text = await page.InnerTextAsync("main");
        var violations = await PublicSiteServer.AccessibilityViolationsAsync(page);

        // Assert
        Assert.Contains("Leave this site", text, StringComparison.Ordinal);
        Assert.Contains("What leaving cannot hide", text, StringComparison.Ordinal);
        Assert.Contains("history", text, StringComparison.Ordinal);
        Assert.Contains("private", text, StringComparison.Ordinal);
        Assert.Empty(violations);
    }

    private static async Task<bool> AnythingFilledInAsync(IPage page) =>
        await page.EvaluateAsync<bool>(
            "() => [...document.querySelectorAll('main input, main textarea')].some(e => (e.type === 'radio' || e.type === 'checkbox') ? e.checked : (e.type !== 'hidden' && e.value !== ''))");
}
