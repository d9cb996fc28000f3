using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

namespace StalkingProtection.Web.Tests.PageTests.SignIn;

/// <summary>Sessions end: signing out, the idle timeout, the absolute lifetime, deactivation and role changes, all checked on the server.</summary>
public class SessionTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task SignIn_AFourthBrowserAtTheLimitOfThreeSessions_EndsTheOldestAndKeepsTheOthers()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var first = factory.CreateBrowser();
        var (key, _) = await factory.EnrolAsync(first, user);
        var second = factory.CreateBrowser();
        var third = factory.CreateBrowser();
        await factory.SignInAgainAsync(second, user, key);
        await factory.SignInAgainAsync(third, user, key);
        var firstBefore = await first.GetAsync("/workspace/cases");

        // Act
        var fourth = factory.CreateBrowser();
        await factory.SignInAgainAsync(fourth, user, key);

        // Assert
        Assert.Equal(HttpStatusCode.OK, firstBefore.StatusCode);
        var firstAfter = await first.GetAsync("/workspace/cases");
        Assert.Equal(HttpStatusCode.Redirect, firstAfter.StatusCode);
        Assert.Contains("/sign-in", firstAfter.Headers.Location!.OriginalString, StringComparison.Ordinal);
        foreach (var stillSignedIn in new[] { second, third, fourth })
        {
            Assert.Equal(HttpStatusCode.OK, (await stillSignedIn.GetAsync("/workspace/cases")).StatusCode);
        }

        Assert.Equal(3, await factory.WithDbAsync(db => db.Set<StaffSession>().CountAsync(s => s.UserId == user.Id && s.EndedAt == null)));
    }

    [Fact]
    public async Task SignOut_Get_OnlyAsksToConfirmAndTheSessionGoesOn()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var client = factory.CreateBrowser();
        await factory.EnrolAsync(client, user);

        // Act
        var page = await client.GetDocumentAsync("/sign-out");
        var workspace = await client.GetAsync("/workspace/cases");

        // Assert
        Assert.Equal("Sign out", page.HeadingText());
        Assert.NotNull(page.QuerySelector("form[method=post] button[type=submit]"));
        Assert.Equal(HttpStatusCode.OK, workspace.StatusCode);
    }

    [Fact]
    public async Task SignOut_Post_EndsTheSessionOnTheServer_SoACopyOfTheOldCookieIsRefused()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var client = factory.CreateBrowser();
        var (key, _) = await factory.EnrolAsync(client, user);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        await client.SubmitFormAsync("/sign-out", new Dictionary<string, string>());
        await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = StaffSignIn.Password });
        var signedIn = await client.SubmitFormAsync("/sign-in/two-factor", new Dictionary<string, string> { ["Code"] = Totp.Compute(key, factory.Clock.GetUtcNow()) });
        var cookie = signedIn.SessionCookie();
        Assert.NotNull(cookie);
        var copy = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/workspace/cases")).StatusCode);

        // Act
        var signOut = await client.SubmitFormAsync("/sign-out", new Dictionary<string, string>());
        var replayed = await copy.GetAsync("/workspace/cases");

        // Assert
        Assert.Equal("You have signed out", (await signOut.GetDocumentAsync()).HeadingText());
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains("/sign-in", replayed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Set<StaffSession>().Where(s => s.UserId == user.Id).AllAsync(s => s.EndedAt != null)));
    }

    [Fact]
    public async Task SignOut_Post_SendsClearSiteDataSoTheBrowserDropsWhatThePagesLeft()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var client = factory.CreateBrowser();
        await factory.EnrolAsync(client, user);

        // Act
        var signOut = await client.SubmitFormAsync("/sign-out", new Dictionary<string, string>());

        // Assert
        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        Assert.Equal("\"cache\", \"storage\"", Assert.Single(signOut.Headers.GetValues("Clear-Site-Data")));
    }

    [Fact]
    public async Task IdleTimeout_ThirtyMinutesWithoutARequest_EndsTheSession_ButRequestsKeepItGoing()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var client = factory.CreateBrowser();
        await factory.EnrolAsync(client, user);

        // Act
        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        var active = await client.GetAsync("/workspace/cases");
        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        var stillActive = await client.GetAsync("/workspace/cases");
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        var idle = await client.GetAsync("/workspace/cases");

        // Assert
        Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillActive.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.Contains("/sign-in", idle.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AbsoluteLifetime_EightHoursAfterSigningIn_EndsEvenAnActiveSession()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var client = factory.CreateBrowser();
        await factory.EnrolAsync(client, user);
        var answers = new List<HttpStatusCode>();

        // Act: a request every 20 minutes for eight and a half hours
        for (var minutes = 20; minutes <= 510; minutes += 20)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(20));
            answers.Add((await client.GetAsync("/workspace/cases")).StatusCode);
        }

        // Assert: 23 answers within 8 hours (20 to 460 minutes), then refused from 480 minutes
        Assert.All(answers.Take(23), a => Assert.Equal(HttpStatusCode.OK, a));
        Assert.All(answers.Skip(23), a => Assert.Equal(HttpStatusCode.Redirect, a));
    }

    [Fact]
    public async Task Deactivation_EndsThePersonsSessionOnItsNextRequest_AndTheyCannotSignInAgain()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var client = factory.CreateBrowser();
        await factory.EnrolAsync(client, user);
        var admin = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Administrator));

        // Act
        var deactivated = await admin.SubmitFormAsync($"/workspace/staff/deactivate/{user.Id}", new Dictionary<string, string>());
        var next = await client.GetAsync("/workspace/cases");
        var again = await factory.CreateBrowser().SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = StaffSignIn.Password });

        // Assert
        Assert.Equal($"/workspace/staff/{user.Id}", deactivated.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Contains("/sign-in", next.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(["Enter a correct email address and password"], (await again.GetDocumentAsync()).ErrorSummaryMessages());
    }

    [Fact]
    public async Task RoleChange_TakesEffectOnThePersonsNextRequest()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var client = factory.CreateBrowser();
        await factory.EnrolAsync(client, user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/workspace/cases")).StatusCode);
        var admin = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Administrator));

        // Act
        var (_, changed) = await admin.AnswerCheckAndSaveAsync($"/workspace/staff/change/{user.Id}", [OrderPages.F("Roles", StaffRoles.Analyst), OrderPages.F("Team", "Analysis")]);
        var cases = await client.GetAsync("/workspace/cases");
        var statistics = await client.GetAsync("/workspace/statistics");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, cases.StatusCode);
        Assert.Equal(HttpStatusCode.OK, statistics.StatusCode);
    }
}
