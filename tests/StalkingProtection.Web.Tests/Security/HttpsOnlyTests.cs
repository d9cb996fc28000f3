using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.Security;

/// <summary>
/// The service in Production, with its default (no RequireHttps setting), behind a TLS-ending proxy at 10.0.0.5. The
/// test server has no network, so each request says which peer it comes from in a test header.
/// </summary>
public sealed class ProductionBehindProxyFactory : WebAppFactory
{
    public const string PeerHeader = "X-Test-Peer";
    public const string Proxy = "10.0.0.5";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["StalkingProtection:Proxy:KnownProxies:0"] = Proxy,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, configuration) =>
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["StalkingProtection:Web:RequireHttps"] = null }));
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerAddress>());
    }

    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[PeerHeader].FirstOrDefault() ?? "192.0.2.50");
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public class HttpsOnlyTests(ProductionBehindProxyFactory factory) : IClassFixture<ProductionBehindProxyFactory>
{
    private const string Password = "quiet harbour lantern";

    [Fact]
    public async Task V12_2_1_GetOverPlainHttp_InProduction_IsRedirectedToHttps()
    {
        // Arrange
        var client = Client();

        // Act
        var plain = await client.GetAsync("/what-is-stalking?from=home");
        var untrustedClaim = await SendAsync(client, HttpMethod.Get, "/what-is-stalking", peer: "192.0.2.98", forwardedProto: "https");

        // Assert
        Assert.Equal(HttpStatusCode.PermanentRedirect, plain.StatusCode);
        Assert.Equal("https://localhost/what-is-stalking?from=home", plain.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.PermanentRedirect, untrustedClaim.StatusCode);
    }

    [Fact]
    public async Task V12_2_1_ApiGetOverPlainHttp_InProduction_IsRefusedNotRedirected()
    {
        // Arrange
        var client = Client();

        // Act
        var response = await client.GetAsync("/api/v1/cases");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task V12_2_1_GetForwardedAsHttpsByTheTrustedProxy_IsServed()
    {
        // Arrange
        var client = Client();

        // Act
        var response = await SendAsync(client, HttpMethod.Get, "/what-is-stalking", peer: ProductionBehindProxyFactory.Proxy, forwardedProto: "https");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task V12_2_1_PostOverPlainHttp_InProduction_IsRefusedWithThe400PageAndSignsNobodyIn()
    {
        // Arrange: a real sign-in form, fetched over HTTPS through the proxy, with correct credentials.
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: Password);
        var client = Client();
        var form = await SendAsync(client, HttpMethod.Get, "/sign-in", ProductionBehindProxyFactory.Proxy, "https");
        var antiforgeryCookie = form.Headers.GetValues("Set-Cookie").Single(c => c.Contains("sp-antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        var token = (await form.GetDocumentAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Dictionary<string, string> fields = new() { ["Email"] = user.Email!, ["Password"] = Password, ["__RequestVerificationToken"] = token };

        // Act
        var plain = await SendAsync(client, HttpMethod.Post, "/sign-in", "192.0.2.98", "https", antiforgeryCookie, fields);
        var auditedAfterPlain = await SignInsOfAsync(user);
        var secure = await SendAsync(client, HttpMethod.Post, "/sign-in", ProductionBehindProxyFactory.Proxy, "https", antiforgeryCookie, fields);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Contains("govuk-heading-l", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(plain.Headers.Contains("Set-Cookie") && plain.Headers.GetValues("Set-Cookie").Any(c => c.Contains("sp-session", StringComparison.Ordinal)));
        Assert.Equal(0, auditedAfterPlain);
        Assert.Equal(HttpStatusCode.Redirect, secure.StatusCode);
        Assert.Equal(1, await SignInsOfAsync(user));
    }

    [Fact]
    public async Task V12_2_1_HealthProbeOverPlainHttp_IsAnswered()
    {
        // Arrange
        var client = Client();

        // Act
        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health");

        // Assert
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private Task<int> SignInsOfAsync(StaffUser user) =>
        factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.RecordId == user.Id.ToString() && e.Action == "SignIn.Password"));

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpMethod method, string path, string peer, string forwardedProto, string? cookie = null, Dictionary<string, string>? form = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add(ProductionBehindProxyFactory.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-For", "203.0.113.30");
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        return await client.SendAsync(request);
    }
}
