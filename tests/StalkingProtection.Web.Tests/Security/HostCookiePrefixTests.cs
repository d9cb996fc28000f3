using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Public;
using StalkingProtection.Web.Tests.PageTests.SignIn;

namespace StalkingProtection.Web.Tests.Security;

/// <summary>
/// ASVS V3.3.1 and V3.3.3: served over HTTPS, every cookie is named __Host-, Secure, host-only and for path /, and a
/// cookie without the prefix is not read; over plain HTTP (Development) the plain names still work.
/// </summary>
public class HostCookiePrefixTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly Uri _https = new("https://localhost");

    [Fact]
    public async Task SignIn_OverHttps_EveryCookieIsHostPrefixedAndSecure_AndTheSessionWorks()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var recorder = new SetCookieRecorder();
        var client = factory.CreateDefaultClient(_https, new CookieContainerHandler(), recorder);

        // Act
        await factory.EnrolAsync(client, user);
        var workspace = await client.GetAsync("/workspace/cases");

        // Assert
        Assert.Equal(HttpStatusCode.OK, workspace.StatusCode);
        Assert.Contains(recorder.Cookies, c => c.StartsWith("__Host-sp-session=", StringComparison.Ordinal));
        Assert.Contains(recorder.Cookies, c => c.StartsWith("__Host-sp-antiforgery=", StringComparison.Ordinal));
        Assert.All(recorder.Cookies, AssertHostCookie);
    }

    [Fact]
    public async Task StartReport_OverHttps_TheJourneyCookieIsHostPrefixedAndTheJourneyGoesOn()
    {
        // Arrange
        var recorder = new SetCookieRecorder();
        var client = factory.CreateDefaultClient(_https, new CookieContainerHandler(), recorder);

        // Act
        var started = await client.SubmitMainFormAsync("/report/staying-safe");
        var next = await client.GetAsync("/report/reporting-for");

        // Assert
        started.AssertRedirectTo("/report/reporting-for");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Contains(recorder.Cookies, c => c.StartsWith("__Host-sp-report=", StringComparison.Ordinal));
        Assert.All(recorder.Cookies, AssertHostCookie);
    }

    [Fact]
    public async Task SessionCookie_WithoutThePrefixOverHttps_IsNotRead()
    {
        // Arrange: a valid session cookie under the plain name, as a host sharing the domain could plant it
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var recorder = new SetCookieRecorder();
        var client = factory.CreateDefaultClient(_https, new CookieContainerHandler(), recorder);
        await factory.EnrolAsync(client, user);
        var session = recorder.Cookies.Last(c => c.StartsWith("__Host-sp-session=", StringComparison.Ordinal)).Split(';')[0];
        var planted = factory.CreateDefaultClient(_https);
        planted.DefaultRequestHeaders.Add("Cookie", session["__Host-".Length..]);
        var genuine = factory.CreateDefaultClient(_https);
        genuine.DefaultRequestHeaders.Add("Cookie", session);

        // Act
        var withPlainName = await planted.GetAsync("/workspace/cases");
        var withPrefix = await genuine.GetAsync("/workspace/cases");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, withPlainName.StatusCode);
        Assert.Contains("/sign-in", withPlainName.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withPrefix.StatusCode);
    }

    [Fact]
    public async Task SignIn_OverPlainHttp_CookiesKeepTheirPlainNamesSoDevelopmentStillWorks()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var recorder = new SetCookieRecorder();
        var client = factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(), recorder);

        // Act
        await factory.EnrolAsync(client, user);
        var workspace = await client.GetAsync("/workspace/cases");

        // Assert
        Assert.Equal(HttpStatusCode.OK, workspace.StatusCode);
        Assert.Contains(recorder.Cookies, c => c.StartsWith("sp-session=", StringComparison.Ordinal));
        Assert.DoesNotContain(recorder.Cookies, c => c.StartsWith("__Host-", StringComparison.Ordinal));
    }

    private static void AssertHostCookie(string setCookie)
    {
        var attributes = setCookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.StartsWith("__Host-", setCookie, StringComparison.Ordinal);
        Assert.Contains("secure", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.Ordinal));
    }

    private sealed class SetCookieRecorder : DelegatingHandler
    {
        public List<string> Cookies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                Cookies.AddRange(cookies);
            }

            return response;
        }
    }
}
