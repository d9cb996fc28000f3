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
        Assert.Contains("Quickly exit this site by pressing the Escape key", document.Body!.TextContent, StringComparison.Ordinal);
    }
}
