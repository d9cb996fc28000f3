using System.Net;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.Security;

/// <summary>The header, cookie and sign-in form details the ASVS map (docs/security/asvs.md) relies on.</summary>
public class HttpHardeningTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/no-such-page")]
    [InlineData("/api/v1/client")]
    [InlineData("/health")]
    public async Task Headers_OnPagesApiAndHealth_HstsForAYearWithSubdomainsAndACspThatForbidsPluginsBaseAndFraming(string url)
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync(url);

        // Assert
        Assert.Equal("max-age=31536000; includeSubDomains", response.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/sign-in", "text/html")]
    [InlineData("/no-such-page", "text/html")]
    [InlineData("/api/v1/client", "application/problem+json")]
    [InlineData("/health", "application/json")]
    [InlineData("/css/app.min.css", "text/css")]
    [InlineData("/js/quick-exit.js", "text/javascript")]
    public async Task ContentType_OfEveryKindOfResponse_MatchesTheBodyAndTextNamesUtf8(string url, string mediaType)
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        var contentType = response.Content.Headers.ContentType;
        Assert.Equal(mediaType, contentType?.MediaType);
        Assert.NotEmpty(body);
        if (mediaType.StartsWith("text/", StringComparison.Ordinal))
        {
            Assert.Equal("utf-8", contentType?.CharSet);
        }

        if (mediaType == "text/html")
        {
            Assert.StartsWith("<!DOCTYPE html>", body.TrimStart(), StringComparison.OrdinalIgnoreCase);
        }
        else if (mediaType.Contains("json", StringComparison.Ordinal))
        {
            Assert.StartsWith("{", body.TrimStart(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Cookies_SessionAndAntiforgery_AreHttpOnlyAndSameSite()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: "velvet compass meadow");
        var client = factory.CreateBrowser();

        // Act
        var page = await client.GetAsync("/sign-in");
        var signIn = await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = "velvet compass meadow" });

        // Assert
        var antiforgery = SetCookie(page, "sp-antiforgery");
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var session = SetCookie(signIn, "sp-session");
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("sp-session", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInForm_PasswordField_IsMaskedAndOpenToPasswordManagers()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var document = await client.GetDocumentAsync("/sign-in");

        // Assert
        var password = document.QuerySelector("input[name=Password]")!;
        Assert.Equal("password", password.GetAttribute("type"));
        Assert.Equal("current-password", password.GetAttribute("autocomplete"));
        Assert.Equal("username", document.QuerySelector("input[name=Email]")!.GetAttribute("autocomplete"));
        Assert.DoesNotContain(document.QuerySelectorAll("input, form").SelectMany(e => e.Attributes), a => a.Name is "onpaste" or "oncopy" or "maxlength");
        Assert.Empty(document.QuerySelectorAll("input[name*=hint i], input[name*=question i]"));
    }

    [Fact]
    public async Task Password_OfAHundredCharacters_IsAcceptedAndCheckedExactlyAsTyped()
    {
        // Arrange
        var password = string.Join(' ', Enumerable.Repeat("lantern harbour", 7)) + " q";
        Assert.True(password.Length >= 100);
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: password);

        // Act
        var truncated = await factory.CreateBrowser().SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = password[..64] });
        var upperCase = await factory.CreateBrowser().SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = password.ToUpperInvariant() });
        var exact = await factory.CreateBrowser().SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = password });

        // Assert
        Assert.Equal(["Enter a correct email address and password"], (await truncated.GetDocumentAsync()).ErrorSummaryMessages());
        Assert.Equal(["Enter a correct email address and password"], (await upperCase.GetDocumentAsync()).ErrorSummaryMessages());
        Assert.Equal(HttpStatusCode.Redirect, exact.StatusCode);
    }

    [Theory]
    [InlineData("/workspace")]
    [InlineData("/workspace/cases")]
    public async Task StaffPage_SignedIn_HasASignOutLink(string url)
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer);
        var client = factory.CreateBrowser(user);

        // Act
        var response = await client.GetAsync(url);
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/sign-out" && a.TextContent.Trim() == "Sign out");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/sign-in")]
    [InlineData("/api/v1/client")]
    public async Task Trace_IsNotAnsweredAndEchoesNothing(string url)
    {
        // Arrange
        var client = factory.CreateBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Trace, url);
        request.Headers.Add("X-Echo-Probe", "trace-probe-4711");

        // Act
        var response = await client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.DoesNotContain("trace-probe-4711", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string SetCookie(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(name + "=", StringComparison.Ordinal));
}
