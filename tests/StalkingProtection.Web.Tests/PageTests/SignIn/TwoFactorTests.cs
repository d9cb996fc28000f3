using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.SignIn;

/// <summary>Two-factor done properly: each code once, the key never shown again, changing the app needs the current one, recovery codes.</summary>
public class TwoFactorTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Code_UsedOnce_IsRefusedTheSecondTime()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var (key, _) = await factory.EnrolAsync(factory.CreateBrowser(), user);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = Totp.Compute(key, factory.Clock.GetUtcNow());
        var first = factory.CreateBrowser();
        var second = factory.CreateBrowser();
        await first.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = StaffSignIn.Password });
        await second.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = StaffSignIn.Password });

        // Act
        var accepted = await first.SubmitFormAsync("/sign-in/two-factor", new Dictionary<string, string> { ["Code"] = code });
        var replayed = await second.SubmitFormAsync("/sign-in/two-factor", new Dictionary<string, string> { ["Code"] = code });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(["The code is not correct or has expired. Enter the code your app shows now"], (await replayed.GetDocumentAsync()).ErrorSummaryMessages());
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/workspace")).StatusCode);
    }

    [Fact]
    public async Task Key_AfterEnrolment_IsNeverShownAgain()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var client = factory.CreateBrowser();
        var (key, _) = await factory.EnrolAsync(client, user);

        // Act
        var setUp = await client.GetAsync("/account/two-factor");
        var change = await client.GetDocumentAsync("/account/change-two-factor");

        // Assert
        Assert.Equal("/account/change-two-factor", setUp.Headers.Location?.OriginalString);
        Assert.Null(change.QuerySelector("[data-authenticator-key]"));
        Assert.DoesNotContain(key.Replace(" ", "", StringComparison.Ordinal), change.Source.Text.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Change_AsksForTheCurrentCodeFirst_ThenTheNewAppReplacesTheOld()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var client = factory.CreateBrowser();
        var (oldKey, oldCodes) = await factory.EnrolAsync(client, user);

        // Act
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var wrong = await (await client.SubmitFormAsync("/account/change-two-factor", new Dictionary<string, string> { ["Code"] = "123456" })).GetDocumentAsync();
        var started = await (await client.SubmitFormAsync("/account/change-two-factor",
            new Dictionary<string, string> { ["Code"] = Totp.Compute(oldKey, factory.Clock.GetUtcNow()) })).GetDocumentAsync();
        var newKey = started.QuerySelector("[data-authenticator-key]")!.TextContent;
        var done = await (await client.PostFormAsync("/account/change-two-factor?handler=New", started,
            ("NewCode", Totp.Compute(newKey, factory.Clock.GetUtcNow())))).GetDocumentAsync();

        // Assert
        Assert.Equal(["The code is not correct or has expired. Enter the code your current app shows now"], wrong.ErrorSummaryMessages());
        Assert.NotEqual(oldKey, newKey);
        var newCodes = done.QuerySelectorAll("[data-recovery-code]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var signIn = factory.CreateBrowser();
        await signIn.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = StaffSignIn.Password });
        var withOld = await (await signIn.SubmitFormAsync("/sign-in/two-factor", new Dictionary<string, string> { ["Code"] = Totp.Compute(oldKey, factory.Clock.GetUtcNow()) })).GetDocumentAsync();
        var withNew = await signIn.SubmitFormAsync("/sign-in/two-factor", new Dictionary<string, string> { ["Code"] = Totp.Compute(newKey, factory.Clock.GetUtcNow()) });
        Assert.Single(withOld.ErrorSummaryMessages());
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.RecordId == user.Id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Contains("StaffAccount.TwoFactorChanged", actions);
    }

    [Fact]
    public async Task RecoveryCodes_TenShownOnceAtEnrolment_HashedAtRest_EachSignsInOnce()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var (_, codes) = await factory.EnrolAsync(factory.CreateBrowser(), user);
        var stored = await factory.WithDbAsync(db => db.UserTokens.Where(t => t.UserId == user.Id && t.Name == "RecoveryCodes").Select(t => t.Value).SingleAsync());

        // Act
        var first = factory.CreateBrowser();
        await first.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = StaffSignIn.Password });
        var used = await first.SubmitFormAsync("/sign-in/recovery-code", new Dictionary<string, string> { ["Code"] = codes[3].ToUpperInvariant() });
        var workspace = await first.GetAsync("/workspace/cases");
        var second = factory.CreateBrowser();
        await second.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = StaffSignIn.Password });
        var again = await (await second.SubmitFormAsync("/sign-in/recovery-code", new Dictionary<string, string> { ["Code"] = codes[3] })).GetDocumentAsync();

        // Assert
        Assert.Equal(10, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$", c));
        Assert.All(codes, c => Assert.DoesNotContain(c.Replace("-", "", StringComparison.Ordinal), stored!, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, workspace.StatusCode);
        Assert.Equal(["The recovery code is not correct or has been used"], again.ErrorSummaryMessages());
        var left = await factory.WithDbAsync(db => db.UserTokens.Where(t => t.UserId == user.Id && t.Name == "RecoveryCodes").Select(t => t.Value!).SingleAsync());
        Assert.Equal(9, left.Split(';').Length);
    }
}
