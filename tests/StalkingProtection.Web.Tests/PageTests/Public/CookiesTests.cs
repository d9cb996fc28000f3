using System.Net;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Public;

/// <summary>The site once a force sets optional cookies: the banner and the settings form return.</summary>
public class OptionalCookiesFactory : PublicSiteFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["StalkingProtection:PublicSite:OptionalCookies"] = "true",
    };
}

public class NoOptionalCookiesTests(PublicSiteFactory factory) : IClassFixture<PublicSiteFactory>
{
    [Fact]
    public async Task Get_CookiesPage_ListsOnlyTheEssentialCookiesAndOffersNoChoice()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var document = await client.GetDocumentAsync("/cookies");
        var text = document.QuerySelector("main")!.TextContent;

        // Assert
        Assert.Contains("We do not set any other cookies, so there is nothing to accept or reject.", text, StringComparison.Ordinal);
        Assert.Equal(["sp-antiforgery", "sp-report", "sp-report-sent", "sp-flash"], document.QuerySelectorAll("main li strong").Select(s => s.TextContent));
        Assert.Null(document.QuerySelector("main form"));
        Assert.Null(document.QuerySelector(".govuk-cookie-banner"));
    }

    [Fact]
    public async Task Get_AnyPage_ShowsNoBanner()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var document = await client.GetDocumentAsync("/");

        // Assert
        Assert.Null(document.QuerySelector(".govuk-cookie-banner"));
    }
}

public class CookiesTests(OptionalCookiesFactory factory) : IClassFixture<OptionalCookiesFactory>
{
    private const string Saved = "Your cookie preferences have been saved. You can update your cookie settings at any time on the cookies page.";

    private static string? PreferenceCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.SingleOrDefault(c => c.StartsWith("sp-cookie-preferences=", StringComparison.Ordinal))
            : null;

    [Fact]
    public async Task Get_FirstVisit_ShowsBannerWithSeedWording()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var document = await client.GetDocumentAsync("/");

        // Assert
        var banner = document.QuerySelector(".govuk-cookie-banner")!;
        Assert.Contains("We use some essential cookies to make our website work.", banner.TextContent, StringComparison.Ordinal);
        Assert.Contains("We’d like to set additional cookies so we can remember your preferences and understand how you use our site.", banner.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Accept additional cookies", "Reject additional cookies"], banner.QuerySelectorAll("button").Select(b => b.TextContent.Trim()));
        Assert.Equal("/cookies", banner.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Customise cookies", banner.QuerySelector("a")!.TextContent.Trim());
    }

    [Fact]
    public async Task Get_FirstVisit_SetsNoOptionalCookie()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync("/what-is-stalking");

        // Assert
        var names = response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Select(c => c.Split('=')[0]).ToList() : [];
        Assert.All(names, n => Assert.Contains(n, new[] { "sp-antiforgery", "sp-flash" }));
    }

    [Theory]
    [InlineData("accepted")]
    [InlineData("rejected")]
    public async Task Post_BannerChoice_SavesForAYearAndConfirmsOnce(string choice)
    {
        // Arrange
        var client = factory.CreateBrowser();
        var home = await client.GetDocumentAsync("/support");
        var form = home.QuerySelector(".govuk-cookie-banner form")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // Act
        var response = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("ReturnUrl", form.QuerySelector("input[name=ReturnUrl]")!.GetAttribute("value")!),
            new("cookies", choice),
        ]));
        var confirmation = await client.GetDocumentAsync("/support");
        var later = await client.GetDocumentAsync("/support");

        // Assert
        response.AssertRedirectTo("/support");
        var cookie = PreferenceCookie(response)!;
        Assert.StartsWith($"sp-cookie-preferences={choice}", cookie, StringComparison.Ordinal);
        var expires = DateTimeOffset.Parse(cookie.Split("expires=")[1].Split(';')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(factory.Clock.GetUtcNow().AddYears(1).Date, expires.UtcDateTime.Date);
        Assert.Contains(Saved, confirmation.QuerySelector(".govuk-cookie-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Null(later.QuerySelector(".govuk-cookie-banner"));
    }

    [Fact]
    public async Task Post_BannerWithOutsideReturnUrl_RedirectsHome()
    {
        // Arrange
        var client = factory.CreateBrowser();
        var page = await client.GetDocumentAsync("/");
        var token = page.QuerySelector(".govuk-cookie-banner form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // Act
        var response = await client.PostAsync("/cookies?handler=Banner", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("ReturnUrl", "https://evil.example/"), new("cookies", "accepted")]));

        // Assert
        response.AssertRedirectTo("/");
    }

    [Theory]
    [InlineData("yes", "accepted")]
    [InlineData("no", "rejected")]
    public async Task Post_CookieSettings_SavesChoiceAndShowsConfirmation(string answer, string stored)
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.SubmitMainFormAsync("/cookies", ("AdditionalCookies", answer));
        var page = await client.GetDocumentAsync("/cookies");

        // Assert
        response.AssertRedirectTo("/cookies");
        Assert.StartsWith($"sp-cookie-preferences={stored}", PreferenceCookie(response), StringComparison.Ordinal);
        Assert.Contains(Saved, page.QuerySelector(".govuk-notification-banner--success")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"input[name=AdditionalCookies][value={answer}][checked]"));
        Assert.Null(page.QuerySelector(".govuk-cookie-banner"));
    }

    [Fact]
    public async Task Post_CookieSettingsWithoutChoice_ShowsError()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.SubmitMainFormAsync("/cookies");
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Select yes if you want to accept additional cookies"], document.ErrorSummaryMessages());
        Assert.Null(PreferenceCookie(response));
    }

    [Fact]
    public async Task Get_CookiesPage_NamesThePreferenceCookie()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var text = (await client.GetDocumentAsync("/cookies")).QuerySelector("main")!.TextContent;

        // Assert
        Assert.Contains("sp-cookie-preferences", text, StringComparison.Ordinal);
    }
}
