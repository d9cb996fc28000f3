using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.Security;

/// <summary>
/// The service behind a reverse proxy at 10.0.0.5 (StalkingProtection:Proxy:KnownProxies). The test server has no
/// network, so each request says which peer it comes from in a test header.
/// </summary>
public sealed class BehindProxyFactory : WebAppFactory
{
    public const string PeerHeader = "X-Test-Peer";
    public const string Proxy = "10.0.0.5";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["StalkingProtection:Proxy:KnownProxies:0"] = Proxy,
        ["StalkingProtection:SignIn:PostsPerMinutePerAddress"] = "2",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerAddress>());
    }

    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[PeerHeader].FirstOrDefault() ?? Proxy);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public class ForwardedHeadersTests(BehindProxyFactory factory) : IClassFixture<BehindProxyFactory>
{
    [Fact]
    public async Task Post_SignIn_ThroughTheTrustedProxy_IsRateLimitedByTheClientsAddress()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var first = await PostSignInAsync(client, BehindProxyFactory.Proxy, "203.0.113.10");
        var second = await PostSignInAsync(client, BehindProxyFactory.Proxy, "203.0.113.10");
        var third = await PostSignInAsync(client, BehindProxyFactory.Proxy, "203.0.113.10");
        var otherClient = await PostSignInAsync(client, BehindProxyFactory.Proxy, "203.0.113.20");

        // Assert
        Assert.NotEqual(HttpStatusCode.TooManyRequests, first);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, second);
        Assert.Equal(HttpStatusCode.TooManyRequests, third);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, otherClient);
    }

    [Fact]
    public async Task Post_SignIn_WithForwardedForFromAnUntrustedPeer_IsRateLimitedByThePeer()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var answers = new List<HttpStatusCode>();
        foreach (var claimed in new[] { "198.51.100.1", "198.51.100.2", "198.51.100.3" })
        {
            answers.Add(await PostSignInAsync(client, "192.0.2.99", claimed));
        }

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[2]);
    }

    [Theory]
    [InlineData(BehindProxyFactory.Proxy, true)]
    [InlineData("192.0.2.98", false)]
    public async Task Get_SignIn_ForwardedAsHttps_CookiesAreSecureAndHostPrefixedOnlyThroughTheTrustedProxy(string peer, bool secure)
    {
        // Arrange
        var client = factory.CreateBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sign-in");
        request.Headers.Add(BehindProxyFactory.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-For", "203.0.113.30");
        request.Headers.Add("X-Forwarded-Proto", "https");

        // Act
        var response = await client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.Contains("sp-antiforgery=", StringComparison.Ordinal));
        Assert.Equal(secure, antiforgery.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(secure, antiforgery.StartsWith("__Host-sp-antiforgery=", StringComparison.Ordinal));
    }

    private static async Task<HttpStatusCode> PostSignInAsync(HttpClient client, string peer, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sign-in") { Content = new FormUrlEncodedContent([new("Email", "nobody@test.police.uk")]) };
        request.Headers.Add(BehindProxyFactory.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
