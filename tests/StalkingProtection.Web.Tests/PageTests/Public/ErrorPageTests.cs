using System.Net;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Public;

public class ErrorPageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Get_UnknownRoute_Returns404WithFriendlyPage()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync("/no-such-page");
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", document.HeadingText());
        Assert.NotNull(document.QuerySelector(".app-quick-exit__button"));
    }

    [Fact]
    public async Task Get_Home_IsAnonymousAndHasQuickExit()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync("/");
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var exit = document.QuerySelector(".app-quick-exit__button");
        Assert.NotNull(exit);
        Assert.Contains("Leave this site", exit.TextContent, StringComparison.Ordinal);
        Assert.Equal("/leave", exit.GetAttribute("href"));
        Assert.Contains(document.Head!.QuerySelectorAll("script"),
            s => s.TextContent.Contains("Quickly exit this site by pressing the Escape key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_ServerErrorPageOpenedByHand_ShowsSeedWordingAndQuickExitButNoReference()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync("/error/500");
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Sorry, there was a technical problem", document.HeadingText());
        Assert.Equal("Please try again.", document.QuerySelector("main h1 + p")!.TextContent.Trim());
        Assert.Null(document.QuerySelector("[data-error-reference]"));
        Assert.NotNull(document.QuerySelector(".app-quick-exit__button"));
        Assert.NotNull(document.QuerySelector("script[type=module][src^='/js/app.js']"));
    }

    [Fact]
    public async Task Get_NotFound_HasNoReference()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var document = await client.GetDocumentAsync("/error/404");

        // Assert
        Assert.Null(document.QuerySelector("[data-error-reference]"));
    }
}

public class MaintenanceFactory : WebAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["StalkingProtection:Web:MaintenanceMode"] = "true",
    };
}

public class MaintenancePageTests(MaintenanceFactory factory) : IClassFixture<MaintenanceFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/report")]
    [InlineData("/what-is-stalking")]
    public async Task Get_InMaintenance_Returns503PageWithQuickExit(string url)
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync(url);
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Sorry, the service is unavailable", document.HeadingText());
        Assert.Contains("call 999", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector(".app-quick-exit__button"));
    }
}

public class RateLimitedFactory : WebAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["StalkingProtection:PublicSite:FormSubmissionsPerAddress"] = "3",
    };
}

public class RateLimitTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task Post_StartReportTooOften_Returns429Page()
    {
        // Arrange
        var client = factory.CreateBrowser();
        for (var i = 0; i < 3; i++)
        {
            (await client.SubmitMainFormAsync("/report/staying-safe")).AssertRedirectTo("/report/reporting-for");
        }

        // Act
        var response = await client.SubmitMainFormAsync("/report/staying-safe");
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("Sorry, we could not take this form just now", document.HeadingText());
        Assert.Equal(["tel:999", "tel:101", "tel:08088020300"], document.QuerySelectorAll("[data-helplines] a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(document.QuerySelector(".app-quick-exit__button"));
    }
}
