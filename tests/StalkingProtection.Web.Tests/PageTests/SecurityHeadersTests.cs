using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests;

public class SecurityHeadersTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/sign-in")]
    [InlineData("/no-such-page")]
    public async Task S7_EveryHtmlResponse_HasStrictHeadersAndANonceOnItsOnlyInlineScript(string url)
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync(url);
        var document = await response.GetDocumentAsync();

        // Assert
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var inline = document.QuerySelectorAll("script:not([src])");
        Assert.All(inline, script => Assert.Contains($"'nonce-{script.GetAttribute("nonce")}'", csp, StringComparison.Ordinal));
        Assert.All(document.QuerySelectorAll("script[src], link[href]"),
            e => Assert.StartsWith("/", e.GetAttribute("src") ?? e.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_TwoRequests_GetDifferentNonces()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var first = (await client.GetAsync("/")).Headers.GetValues("Content-Security-Policy").Single();
        var second = (await client.GetAsync("/")).Headers.GetValues("Content-Security-Policy").Single();

        // Assert
        Assert.NotEqual(first, second);
    }
}
