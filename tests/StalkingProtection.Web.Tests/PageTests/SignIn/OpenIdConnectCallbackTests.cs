using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.SignIn;

/// <summary>Sign-in through the force's identity provider, driven through the service's real callback with tokens the provider signs.</summary>
public class OpenIdConnectCallbackTests(FakeIdentityProviderFactory factory) : IClassFixture<FakeIdentityProviderFactory>
{
    [Fact]
    public async Task Callback_WithMultiFactorAmr_SignsTheOfficerInToTheWorkspace()
    {
        // Arrange
        var browser = factory.CreateHttpsBrowser();
        var person = FakeIdentityProvider.Person($"sub-{Guid.NewGuid():N}", amr: ["pwd", "mfa"]);

        // Act
        var signedIn = await factory.SignInAtProviderAsync(browser, person);
        var workspace = await browser.GetAsync("/workspace");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/workspace", signedIn.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, workspace.StatusCode);
    }

    [Fact]
    public async Task V6_8_4_Callback_WithoutMultiFactorAmr_IsRefusedWithAPageAndAudited()
    {
        // Arrange
        var browser = factory.CreateHttpsBrowser();
        var subject = $"sub-{Guid.NewGuid():N}";
        var person = FakeIdentityProvider.Person(subject, amr: ["pwd"]);

        // Act
        var refused = await factory.SignInAtProviderAsync(browser, person);
        var workspace = await browser.GetAsync("/workspace");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var page = await refused.GetDocumentAsync();
        Assert.Equal("You cannot sign in with this account", page.HeadingText());
        Assert.Contains("without the extra security check", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, workspace.StatusCode);
        Assert.Equal("/sign-in", workspace.Headers.Location!.AbsolutePath);
        var entry = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.ActorId == $"{OpenIdConnectSignIn.Scheme}:{subject}"));
        Assert.Equal((AuditKind.SignIn, "SignIn.IdentityProviderTooWeak"), (entry.Kind, entry.Action));
        Assert.Contains("\"pwd\"", entry.NewValues, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.UserLogins.AnyAsync(l => l.ProviderKey == subject)));
    }

    [Fact]
    public async Task V10_5_2_Callback_TwoPeopleWithTheSameEmailAndDifferentSubjects_NeverShareAnAccount()
    {
        // Arrange
        var email = $"shared-{Guid.NewGuid():N}@force.example";
        var first = $"sub-{Guid.NewGuid():N}";
        var second = $"sub-{Guid.NewGuid():N}";
        var firstBrowser = factory.CreateHttpsBrowser();
        var secondBrowser = factory.CreateHttpsBrowser();
        await factory.SignInAtProviderAsync(firstBrowser, FakeIdentityProvider.Person(first, email: email, amr: ["mfa"]));

        // Act
        var secondSignIn = await factory.SignInAtProviderAsync(secondBrowser, FakeIdentityProvider.Person(second, email: email, amr: ["mfa"]));
        var secondWorkspace = await secondBrowser.GetAsync("/workspace");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, secondSignIn.StatusCode);
        Assert.Contains("already belongs to another account", (await secondSignIn.GetDocumentAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, secondWorkspace.StatusCode);
        Assert.Equal("/sign-in", secondWorkspace.Headers.Location!.AbsolutePath);
        var logins = await factory.WithDbAsync(db => db.UserLogins.Where(l => l.ProviderKey == first || l.ProviderKey == second).ToListAsync());
        Assert.Equal(first, Assert.Single(logins).ProviderKey);
        var refusal = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.ActorId == $"{OpenIdConnectSignIn.Scheme}:{second}"));
        Assert.Equal("SignIn.IdentityProviderAccountConflict", refusal.Action);
        Assert.Equal(HttpStatusCode.OK, (await firstBrowser.GetAsync("/workspace")).StatusCode);
    }

    [Theory]
    [InlineData(new[] { "mfa" }, null, new string[0], new string[0], true)]
    [InlineData(new[] { "pwd" }, null, new string[0], new string[0], false)]
    [InlineData(new string[0], null, new string[0], new string[0], false)]
    [InlineData(new[] { "pwd", "otp" }, null, new[] { "otp", "hwk" }, new string[0], true)]
    [InlineData(new[] { "mfa" }, null, new[] { "hwk" }, new string[0], false)]
    [InlineData(new string[0], "urn:force:loa:high", new string[0], new[] { "urn:force:loa:high" }, true)]
    [InlineData(new[] { "mfa" }, "urn:force:loa:low", new string[0], new[] { "urn:force:loa:high" }, false)]
    [InlineData(new[] { "pwd" }, "urn:force:loa:high", new[] { "mfa" }, new[] { "urn:force:loa:high" }, false)]
    public void HasRequiredStrength_AmrAndAcr_MeetWhatTheForceConfigures(string[] amr, string? acr, string[] acceptedAmr, string[] acceptedAcr, bool expected)
    {
        // Arrange
        var settings = new OpenIdConnectSettings { AcceptedAmr = [.. acceptedAmr], AcceptedAcr = [.. acceptedAcr] };
        Claim[] claims = [.. amr.Select(a => new Claim("amr", a)), .. acr is null ? [] : new[] { new Claim("acr", acr) }];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "oidc"));

        // Act
        var met = OpenIdConnectSignIn.HasRequiredStrength(principal, settings);

        // Assert
        Assert.Equal(expected, met);
    }
}
