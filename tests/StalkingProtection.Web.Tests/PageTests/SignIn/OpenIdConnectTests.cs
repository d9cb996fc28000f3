using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.SignIn;

public class OpenIdConnectTests(OpenIdConnectTests.ForceIdentityProviderFactory factory) : IClassFixture<OpenIdConnectTests.ForceIdentityProviderFactory>
{
    [Fact]
    public void MapRoles_ForceGroups_BecomeOurRolesAndUnknownGroupsAreIgnored()
    {
        // Arrange
        var settings = new OpenIdConnectSettings
        {
            RoleClaimType = "groups",
            RoleMap = new(StringComparer.OrdinalIgnoreCase) { ["PPU-Officers"] = StaffRoles.Officer, ["SPO-Coordinators"] = StaffRoles.Coordinator },
        };
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("groups", "ppu-officers"), new Claim("groups", "Canteen"), new Claim("groups", "SPO-Coordinators")], "oidc"));

        // Act
        var roles = OpenIdConnectSignIn.MapRoles(principal, settings);

        // Assert
        Assert.Equal([StaffRoles.Officer, StaffRoles.Coordinator], roles);
    }

    [Fact]
    public async Task SignIn_WithForceIdentityProviderConfigured_OffersItAndChallengesTheAuthority()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var page = await client.GetDocumentAsync("/sign-in");
        var challenge = await client.SubmitFormAsync("/sign-in", new Dictionary<string, string>(), "form[action*=External]");

        // Assert
        Assert.Contains("Sign in with Demo force account", page.QuerySelector("form[action*=External] button")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!.ToString();
        Assert.StartsWith("https://login.force.example/authorize", location, StringComparison.Ordinal);
        Assert.Contains("client_id=stalking-protection", location, StringComparison.Ordinal);
        Assert.Contains("code_challenge=", location, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MapToUnknownRole_IsRejected()
    {
        // Arrange
        var options = new Web.Infrastructure.Security.SignInOptions
        {
            OpenIdConnect = new OpenIdConnectSettings
            {
                Enabled = true,
                Authority = "https://login.force.example",
                ClientId = "x",
                RoleMap = new() { ["Everyone"] = "SuperUser" },
            },
        };

        // Act
        var failures = Web.Infrastructure.Security.SignInOptions.Validate(options).ToList();

        // Assert
        Assert.Equal(["StalkingProtection:SignIn:OpenIdConnect:RoleMap maps to an unknown role 'SuperUser'."], failures);
    }

    public sealed class ForceIdentityProviderFactory : WebAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["StalkingProtection:SignIn:OpenIdConnect:Enabled"] = "true",
            ["StalkingProtection:SignIn:OpenIdConnect:DisplayName"] = "Demo force account",
            ["StalkingProtection:SignIn:OpenIdConnect:Authority"] = "https://login.force.example",
            ["StalkingProtection:SignIn:OpenIdConnect:ClientId"] = "stalking-protection",
            ["StalkingProtection:SignIn:OpenIdConnect:RoleMap:PPU-Officers"] = StaffRoles.Officer,
        };

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.Configure<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>(
                OpenIdConnectSignIn.Scheme,
                o => o.Configuration = new Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration
                {
                    Issuer = "https://login.force.example",
                    AuthorizationEndpoint = "https://login.force.example/authorize",
                    TokenEndpoint = "https://login.force.example/token",
                }));
        }
    }
}
