using System.Net;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.SignIn;

/// <summary>
/// ASVS V7.6.1: a workspace session started through the force's identity provider behaves as docs/security/authentication.md
/// says: it is the service's own, with the service's idle timeout and lifetime whatever the provider's tokens say, and
/// signing out of the workspace ends it without sending the person to the provider.
/// </summary>
public class IdentityProviderSessionTests(FakeIdentityProviderFactory factory) : IClassFixture<FakeIdentityProviderFactory>
{
    [Fact]
    public async Task V7_6_1_SessionFromTheProvider_OutlivesTheProvidersAccessToken_ThenEndsAfterThirtyIdleMinutes()
    {
        // Arrange: the provider says its access token lasts 5 minutes.
        var browser = factory.CreateHttpsBrowser();
        await factory.SignInAtProviderAsync(browser, FakeIdentityProvider.Person($"sub-{Guid.NewGuid():N}", amr: ["pwd", "mfa"]));

        // Act
        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        var afterTheTokens = await browser.GetAsync("/workspace/cases");
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        var idle = await browser.GetAsync("/workspace/cases");

        // Assert
        Assert.Equal(HttpStatusCode.OK, afterTheTokens.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.Equal("/sign-in", idle.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task V7_6_1_SessionFromTheProvider_EndsEightHoursAfterSigningIn_EvenWhileInUse()
    {
        // Arrange
        var browser = factory.CreateHttpsBrowser();
        await factory.SignInAtProviderAsync(browser, FakeIdentityProvider.Person($"sub-{Guid.NewGuid():N}", amr: ["pwd", "mfa"]));
        var answers = new List<HttpStatusCode>();

        // Act: a request every 20 minutes for eight and a half hours
        for (var minutes = 20; minutes <= 510; minutes += 20)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(20));
            answers.Add((await browser.GetAsync("/workspace/cases")).StatusCode);
        }

        // Assert: 23 answers within 8 hours (20 to 460 minutes), then sent to sign in from 480 minutes
        Assert.All(answers.Take(23), a => Assert.Equal(HttpStatusCode.OK, a));
        Assert.All(answers.Skip(23), a => Assert.Equal(HttpStatusCode.Redirect, a));
    }

    [Fact]
    public async Task V7_6_1_SigningOutOfTheWorkspace_EndsTheSessionHere_AndDoesNotSendThePersonToTheProvider()
    {
        // Arrange
        var browser = factory.CreateHttpsBrowser();
        await factory.SignInAtProviderAsync(browser, FakeIdentityProvider.Person($"sub-{Guid.NewGuid():N}", amr: ["pwd", "mfa"]));
        var before = await browser.GetAsync("/workspace/cases");

        // Act
        var signOut = await browser.SubmitFormAsync("/sign-out", new Dictionary<string, string>());
        var after = await browser.GetAsync("/workspace/cases");

        // Assert
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.True(signOut.StatusCode == HttpStatusCode.OK || signOut.Headers.Location is { } to && !to.IsAbsoluteUri,
            $"Signing out answered {signOut.StatusCode} to {signOut.Headers.Location}, not a page of the service.");
        Assert.DoesNotContain(new Uri(FakeIdentityProvider.Authority).Host, signOut.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/sign-in", after.Headers.Location!.AbsolutePath);
    }
}
