using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using StalkingProtection.Core.Staff;

namespace StalkingProtection.Web.Tests.Infrastructure;

/// <summary>
/// A stand-in for the force's OpenID Connect provider at its token endpoint: it answers an authorisation code with an
/// id_token it signs with its own key, so the service's real callback handler checks the signature, issuer, audience
/// and nonce exactly as it would against the force's provider.
/// </summary>
public sealed class FakeIdentityProvider : HttpMessageHandler
{
    public const string Authority = "https://login.force.example";
    public const string ClientId = "stalking-protection";
    public const string OfficerGroup = "PPU-Officers";

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "force-signing-key" };
    private readonly ConcurrentDictionary<string, Dictionary<string, object>> _codes = new();

    public FakeIdentityProvider()
    {
        Configuration = new OpenIdConnectConfiguration
        {
            Issuer = Authority,
            AuthorizationEndpoint = $"{Authority}/authorize",
            TokenEndpoint = $"{Authority}/token",
        };
        Configuration.SigningKeys.Add(_key);
    }

    public OpenIdConnectConfiguration Configuration { get; }

    /// <summary>The claims the provider gives for a person in the officers' group.</summary>
    public static Dictionary<string, object> Person(string subject, string? email = null, string[]? amr = null) => new()
    {
        ["sub"] = subject,
        ["email"] = email ?? $"{subject}@force.example",
        ["name"] = "Force Officer",
        ["roles"] = new[] { OfficerGroup },
        ["amr"] = amr ?? [],
    };

    /// <summary>The provider has signed a person in for the request with this nonce: the code the browser brings back.</summary>
    public string IssueCode(string nonce, IDictionary<string, object> person)
    {
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new Dictionary<string, object>(person) { ["nonce"] = nonce };
        return code;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Post || request.RequestUri?.AbsoluteUri != Configuration.TokenEndpoint)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        var form = QueryHelpers.ParseQuery(await request.Content!.ReadAsStringAsync(cancellationToken));
        if (!_codes.TryRemove(form["code"].ToString(), out var claims))
        {
            return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = JsonContent.Create(new { error = "invalid_grant" }) };
        }

        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = ClientId,
            Claims = claims,
            // The handler checks a token's lifetime against the system clock, not the test clock, so this one is
            // valid for any date the tests may run on.
            NotBefore = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            IssuedAt = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            Expires = new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = JsonContent.Create(new { id_token = idToken, access_token = "opaque", token_type = "Bearer", expires_in = 300 }),
        };
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _key.Rsa.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>The web app with sign-in through <see cref="FakeIdentityProvider"/>, and a browser that can follow the whole round trip.</summary>
public class FakeIdentityProviderFactory : WebAppFactory
{
    public FakeIdentityProvider IdentityProvider { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["StalkingProtection:SignIn:OpenIdConnect:Enabled"] = "true",
        ["StalkingProtection:SignIn:OpenIdConnect:DisplayName"] = "Demo force account",
        ["StalkingProtection:SignIn:OpenIdConnect:Authority"] = FakeIdentityProvider.Authority,
        ["StalkingProtection:SignIn:OpenIdConnect:ClientId"] = FakeIdentityProvider.ClientId,
        ["StalkingProtection:SignIn:OpenIdConnect:ClientSecret"] = "not-a-real-secret",
        [$"StalkingProtection:SignIn:OpenIdConnect:RoleMap:{FakeIdentityProvider.OfficerGroup}"] = StaffRoles.Officer,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Configure<OpenIdConnectOptions>(OpenIdConnectSignIn.Scheme, o =>
        {
            o.Configuration = IdentityProvider.Configuration;
            o.BackchannelHttpHandler = IdentityProvider;
        }));
    }

    /// <summary>A browser on https (the correlation and nonce cookies are Secure) that keeps its own cookies.</summary>
    public HttpClient CreateHttpsBrowser() => CreateDefaultClient(new Uri("https://localhost"), new CookieJar());

    /// <summary>
    /// Signs a person in at the provider and brings the browser back through the callback, as the provider's redirect
    /// would: the answer is the service's sign-in page after the callback (/sign-in/external).
    /// </summary>
    public async Task<HttpResponseMessage> SignInAtProviderAsync(HttpClient browser, IDictionary<string, object> person)
    {
        var challenge = await browser.SubmitFormAsync("/sign-in", new Dictionary<string, string>(), "form[action*=External]");
        var authorize = QueryHelpers.ParseQuery(challenge.Headers.Location!.Query);
        var code = IdentityProvider.IssueCode(authorize["nonce"].ToString(), person);
        var callback = await browser.GetAsync($"/sign-in/oidc-callback?code={code}&state={Uri.EscapeDataString(authorize["state"].ToString())}");
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        return await browser.GetAsync(callback.Headers.Location);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        IdentityProvider.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Keeps cookies by name whatever their expiry: the service dates the correlation cookie by the test clock, days
    /// before the real date a CookieContainer would compare it with.
    /// </summary>
    private sealed class CookieJar : DelegatingHandler
    {
        private readonly ConcurrentDictionary<string, string> _cookies = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!_cookies.IsEmpty)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await base.SendAsync(request, cancellationToken);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0];
                var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
                var value = pair[(name.Length + 1)..];
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.TryRemove(name, out _);
                }
                else
                {
                    _cookies[name] = value;
                }
            }

            return response;
        }
    }
}
