using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.SignIn;

namespace StalkingProtection.Web.Tests.PageTests.Account;

public sealed class AccountMatrix : IAuthorisationMatrixPart
{
    public IReadOnlyDictionary<string, string[]> Routes { get; } = new Dictionary<string, string[]>
    {
        ["/account/password"] = [.. StaffRoles.All],
        ["/account/sessions"] = [.. StaffRoles.All],
    };
}

/// <summary>Staff change their own password, see their sessions and end them; administrators end anyone's.</summary>
public class PasswordAndSessionsTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const string NewPassword = "copper lantern orchard";

    [Fact]
    public async Task ChangePassword_AsksForTheCurrentPasswordFirst_ThenSignsOutTheOtherSessionsWhenAsked()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var desk = factory.CreateBrowser();
        var (key, _) = await factory.EnrolAsync(desk, user);
        var phone = factory.CreateBrowser();
        await SignInAgainAsync(phone, user, key, StaffSignIn.Password);

        // Act
        var form = await desk.GetDocumentAsync("/account/password");
        var wrong = await (await desk.SubmitFormAsync("/account/password", new Dictionary<string, string> { ["CurrentPassword"] = "not my password at all", ["NewPassword"] = NewPassword, ["EndOtherSessions"] = "true" })).GetDocumentAsync();
        var weak = await (await desk.SubmitFormAsync("/account/password", new Dictionary<string, string> { ["CurrentPassword"] = StaffSignIn.Password, ["NewPassword"] = "password1234", ["EndOtherSessions"] = "true" })).GetDocumentAsync();
        var phoneBefore = await phone.GetAsync("/workspace/cases");
        var changed = await (await desk.SubmitFormAsync("/account/password", new Dictionary<string, string> { ["CurrentPassword"] = StaffSignIn.Password, ["NewPassword"] = NewPassword, ["EndOtherSessions"] = "true" })).GetDocumentAsync();
        var phoneAfter = await phone.GetAsync("/workspace/cases");
        var deskAfter = await desk.GetAsync("/workspace/cases");

        // Assert
        Assert.Equal("Change your password", form.HeadingText());
        Assert.NotNull(form.QuerySelector("input[name=EndOtherSessions][checked]"));
        Assert.Equal(["Your current password is not correct"], wrong.ErrorSummaryMessages());
        Assert.Contains("Password is too easy to guess. Try three random words, like ‘coffee train fish’", weak.ErrorSummaryMessages());
        Assert.Equal(HttpStatusCode.OK, phoneBefore.StatusCode);
        Assert.Equal("Your password has been changed", changed.HeadingText());
        Assert.Equal("You have been signed out of 1 other session.", changed.QuerySelector("[data-sessions-ended]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, phoneAfter.StatusCode);
        Assert.Contains("/sign-in", phoneAfter.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, deskAfter.StatusCode);
        var signIn = await factory.CreateBrowser().SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("/sign-in/two-factor", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.RecordId == user.Id.ToString() && e.Action == "StaffAccount.PasswordChanged").ToListAsync());
        Assert.Single(audit);
    }

    [Fact]
    public async Task ChangePassword_WithoutAskingToSignOutElsewhere_LeavesTheOtherSessions()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Coordinator, password: StaffSignIn.Password);
        var desk = factory.CreateBrowser();
        var (key, _) = await factory.EnrolAsync(desk, user);
        var phone = factory.CreateBrowser();
        await SignInAgainAsync(phone, user, key, StaffSignIn.Password);

        // Act
        var changed = await (await desk.SubmitFormAsync("/account/password", new Dictionary<string, string> { ["CurrentPassword"] = StaffSignIn.Password, ["NewPassword"] = NewPassword })).GetDocumentAsync();
        var phoneAfter = await phone.GetAsync("/workspace/cases");

        // Assert
        Assert.Equal("Your password has been changed", changed.HeadingText());
        Assert.Equal(HttpStatusCode.OK, phoneAfter.StatusCode);
    }

    [Fact]
    public async Task Sessions_ListsThePersonsOwnSessions_AndSignsOutTheOneTheyChoose()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var desk = factory.CreateBrowser();
        var (key, _) = await factory.EnrolAsync(desk, user);
        var phone = factory.CreateBrowser();
        await SignInAgainAsync(phone, user, key, StaffSignIn.Password);
        var someoneElse = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var theirBrowser = factory.CreateBrowser();
        await factory.EnrolAsync(theirBrowser, someoneElse);
        var theirSession = await factory.WithDbAsync(db => db.Set<StaffSession>().Where(s => s.UserId == someoneElse.Id && s.EndedAt == null).Select(s => s.Id).SingleAsync());

        // Act
        var list = await desk.GetDocumentAsync("/account/sessions");
        var other = list.QuerySelectorAll("[data-session]").Single(r => r.QuerySelector("[data-this-session]") is null).GetAttribute("data-session")!;
        var notTheirs = await desk.PostFormAsync("/account/sessions?handler=End", list, ("session", theirSession.ToString()));
        var ended = await desk.PostFormAsync("/account/sessions?handler=End", list, ("session", other));
        var after = await desk.GetDocumentAsync("/account/sessions?ended=true");

        // Assert
        Assert.Equal("Your sessions", list.HeadingText());
        Assert.Equal(2, list.QuerySelectorAll("[data-session]").Length);
        Assert.Single(list.QuerySelectorAll("[data-this-session]"));
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await theirBrowser.GetAsync("/workspace/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/workspace/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync("/workspace/cases")).StatusCode);
        Assert.Single(after.QuerySelectorAll("[data-session]"));
        Assert.Contains("That session has been signed out.", after.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_SignsOnePersonOutEverywhere_ThenEveryoneElse_AndBothAreAudited()
    {
        // Arrange
        var first = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var firstBrowser = factory.CreateBrowser();
        await factory.EnrolAsync(firstBrowser, first);
        var second = await factory.CreateUserAsync(StaffRoles.LegalServices, password: StaffSignIn.Password);
        var secondBrowser = factory.CreateBrowser();
        await factory.EnrolAsync(secondBrowser, second);
        var administrator = await factory.CreateUserAsync(StaffRoles.Administrator);
        var admin = factory.CreateBrowser(administrator);

        // Act
        var view = await admin.GetDocumentAsync($"/workspace/staff/{first.Id}");
        var one = await (await admin.PostFormAsync($"/workspace/staff/{first.Id}?handler=EndSessions", view)).GetDocumentAsync();
        var firstAfter = await firstBrowser.GetAsync("/workspace/cases");
        var secondBetween = await secondBrowser.GetAsync("/workspace/cases");
        var list = await admin.GetDocumentAsync("/workspace/staff");
        var everyone = await (await admin.PostFormAsync("/workspace/staff?handler=EndAllSessions", list)).GetDocumentAsync();
        var secondAfter = await secondBrowser.GetAsync("/workspace/cases");

        // Assert
        Assert.StartsWith($"{first.DisplayName} has been signed out everywhere", one.QuerySelector("[data-sessions-ended]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, firstAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondBetween.StatusCode);
        Assert.StartsWith("Everyone else has been signed out", everyone.QuerySelector("[data-sessions-ended]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, secondAfter.StatusCode);
        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.ActorId == administrator.Id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Contains("StaffAccount.SessionsEnded", actions);
        Assert.Contains("StaffAccount.AllSessionsEnded", actions);
    }

    private async Task SignInAgainAsync(HttpClient client, StaffUser user, string key, string password)
    {
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = password });
        var signedIn = await client.SubmitFormAsync("/sign-in/two-factor", new Dictionary<string, string> { ["Code"] = Totp.Compute(key, factory.Clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }
}
