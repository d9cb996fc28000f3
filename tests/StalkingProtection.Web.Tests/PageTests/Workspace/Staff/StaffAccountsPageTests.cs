using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.SignIn;
using StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Staff;

public sealed class StaffAccountsMatrix : IAuthorisationMatrixPart
{
    public IReadOnlyDictionary<string, string[]> Routes { get; } = new Dictionary<string, string[]>
    {
        ["/workspace/staff"] = [StaffRoles.Administrator],
        ["/workspace/staff/invite"] = [StaffRoles.Administrator],
        ["/account/change-two-factor"] = [.. StaffRoles.All],
    };
}

/// <summary>Administrators invite, change, deactivate and reset staff accounts; every change is audited.</summary>
public class StaffAccountsPageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Invite_CheckAnswersThenTheLink_WorksOnceWithAnNcscPassword_AndOnlyItsHashIsStored()
    {
        // Arrange
        var admin = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Administrator));
        var email = $"new-{Guid.NewGuid():N}@force.police.uk";

        // Act
        var (check, confirmed) = await admin.AnswerCheckAndSaveAsync("/workspace/staff/invite",
            [OrderPages.F("Email", email), OrderPages.F("DisplayName", "DC Rowan Hale"), OrderPages.F("Roles", StaffRoles.Officer), OrderPages.F("Roles", StaffRoles.Coordinator),
                OrderPages.F("Team", "Leeds Stalking Unit")]);
        var invited = await confirmed.GetDocumentAsync();
        var link = new Uri(invited.QuerySelector("[data-set-up-link]")!.TextContent.Trim());
        var invitee = factory.CreateBrowser();
        var setUp = await invitee.GetDocumentAsync(link.PathAndQuery);
        var common = await (await invitee.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string> { ["Password"] = "password1234", ["ConfirmPassword"] = "password1234" })).GetDocumentAsync();
        var created = await invitee.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string> { ["Password"] = "marble otter kettle", ["ConfirmPassword"] = "marble otter kettle" });
        var workspace = await invitee.GetAsync("/workspace");
        var reused = await factory.CreateBrowser().GetAsync(link.PathAndQuery);

        // Assert
        Assert.Equal("Check your answers", check.HeadingText());
        Assert.Contains("Officer, Coordinator", check.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Create a password", setUp.HeadingText());
        Assert.Contains("Password is too easy to guess. Try three random words, like ‘coffee train fish’", common.ErrorSummaryMessages());
        Assert.Equal("/account/two-factor", created.Headers.Location?.OriginalString);
        Assert.Equal("/account/two-factor", workspace.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, reused.StatusCode);
        var token = link.AbsolutePath.Split('/')[^1];
        var user = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Null(user.SetUpTokenHash);
        Assert.Equal("Leeds Stalking Unit", user.Team);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.RecordId == user.Id.ToString()).ToListAsync());
        var invitation = Assert.Single(audit, e => e.Action == "StaffAccount.Invited");
        Assert.DoesNotContain(token, invitation.NewValues!, StringComparison.Ordinal);
        Assert.Contains(audit, e => e.Action == "StaffAccount.PasswordSet");
        var list = await admin.GetDocumentAsync("/workspace/staff");
        var row = list.QuerySelector($"[data-staff-account='{email}']")!.TextContent;
        Assert.Contains("Officer, Coordinator", row, StringComparison.Ordinal);
        Assert.Contains("Leeds Stalking Unit", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_TheStoredValueIsTheTokensHash_AndTheLinkExpiresAfterThreeDays()
    {
        // Arrange
        var admin = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Administrator));
        var email = $"late-{Guid.NewGuid():N}@force.police.uk";
        var (_, confirmed) = await admin.AnswerCheckAndSaveAsync("/workspace/staff/invite",
            [OrderPages.F("Email", email), OrderPages.F("DisplayName", "PC Late"), OrderPages.F("Roles", StaffRoles.Lookup)]);
        var invited = await confirmed.GetDocumentAsync();
        var link = new Uri(invited.QuerySelector("[data-set-up-link]")!.TextContent.Trim());
        var token = link.AbsolutePath.Split('/')[^1];

        // Act
        factory.Clock.Advance(StaffAccountService.SetUpLinkLifetime - TimeSpan.FromMinutes(1));
        var inTime = await factory.CreateBrowser().GetAsync(link.PathAndQuery);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var late = await factory.CreateBrowser().GetDocumentAsync(link.PathAndQuery);

        // Assert
        var stored = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.SetUpTokenHash).SingleAsync());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))), stored);
        Assert.Equal(HttpStatusCode.OK, inTime.StatusCode);
        Assert.Equal("This link has expired or has been used", late.HeadingText());
    }

    [Fact]
    public async Task Invite_NoAnswers_ShowsGovUkErrorsAndCreatesNothing()
    {
        // Arrange
        var admin = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Administrator));
        var before = await factory.WithDbAsync(db => db.Users.CountAsync());

        // Act
        var response = await admin.SubmitFormAsync("/workspace/staff/invite", new Dictionary<string, string> { ["Email"] = "not an email" });
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Enter an email address in the correct format, like name@force.police.uk", "Enter their name", "Select at least one role"], document.ErrorSummaryMessages());
        Assert.Equal(before, await factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task ChangeRolesAndTeam_IsAuditedWithTheOldAndNewValues()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, "Team A");
        var admin = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Administrator));
        var form = await admin.GetDocumentAsync($"/workspace/staff/change/{user.Id}");

        // Act
        var none = await (await admin.PostFormAsync($"/workspace/staff/change/{user.Id}", form, ("Team", "Team B"))).GetDocumentAsync();
        var (_, saved) = await admin.AnswerCheckAndSaveAsync($"/workspace/staff/change/{user.Id}",
            [OrderPages.F("Roles", StaffRoles.Officer), OrderPages.F("Roles", StaffRoles.Lookup), OrderPages.F("Team", "Team B")]);
        var view = await admin.GetDocumentAsync($"/workspace/staff/{user.Id}");

        // Assert
        Assert.Equal(["Select at least one role"], none.ErrorSummaryMessages());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Officer, Frontline lookup", view.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        var entry = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.RecordId == user.Id.ToString() && e.Action == "StaffAccount.RolesChanged"));
        Assert.Contains("Team A", entry.OldValues!, StringComparison.Ordinal);
        Assert.Contains("Team B", entry.NewValues!, StringComparison.Ordinal);
        Assert.Contains(StaffRoles.Lookup, entry.NewValues!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_CheckAnswersListsThem_ChangeKeepsThem_AndNothingIsCreatedBeforeConfirming()
    {
        // Arrange
        var admin = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Administrator));
        var email = $"check-{Guid.NewGuid():N}@force.police.uk";

        // Act
        var check = await admin.AnswerAsync("/workspace/staff/invite",
            [OrderPages.F("Email", email), OrderPages.F("DisplayName", "DS Ash Carter"), OrderPages.F("Roles", StaffRoles.Coordinator), OrderPages.F("Team", "York Unit")]);
        var change = await admin.GetDocumentAsync(check.QuerySelector("[data-invite-answers] a")!.GetAttribute("href")!);

        // Assert
        var answers = check.QuerySelector("[data-invite-answers]")!.TextContent;
        Assert.Equal("Check your answers", check.HeadingText());
        Assert.Contains(email, answers, StringComparison.Ordinal);
        Assert.Contains("DS Ash Carter", answers, StringComparison.Ordinal);
        Assert.Contains("Coordinator", answers, StringComparison.Ordinal);
        Assert.Contains("York Unit", answers, StringComparison.Ordinal);
        Assert.Null(check.QuerySelector("[data-set-up-link]"));
        Assert.Equal(email, change.QuerySelector("input[name=Email]")!.GetAttribute("value"));
        Assert.Equal("DS Ash Carter", change.QuerySelector("input[name=DisplayName]")!.GetAttribute("value"));
        Assert.Equal([StaffRoles.Coordinator], change.QuerySelectorAll("input[name=Roles]:checked").Select(i => i.GetAttribute("value")));
        Assert.Equal("York Unit", change.QuerySelector("input[name=Team]")!.GetAttribute("value"));
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Invite_AnEmailAlreadyInUse_IsRefusedOnTheCheckPageWithNothingCreatedOrAudited()
    {
        // Arrange
        var existing = await factory.CreateUserAsync(StaffRoles.Officer);
        var admin = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Administrator));
        var check = await admin.AnswerAsync("/workspace/staff/invite",
            [OrderPages.F("Email", existing.Email!), OrderPages.F("DisplayName", "PC Twice"), OrderPages.F("Roles", StaffRoles.Officer)]);
        var before = await factory.WithDbAsync(db => db.Users.CountAsync());
        var invitedBefore = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "StaffAccount.Invited"));

        // Act
        var refused = await (await admin.PostFormAsync(check, "/workspace/staff/invite")).GetDocumentAsync();

        // Assert
        Assert.Equal("Check your answers", refused.HeadingText());
        Assert.Equal(["There is already an account with this email address"], refused.ErrorSummaryMessages());
        Assert.EndsWith("#Email", refused.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Null(refused.QuerySelector("[data-set-up-link]"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(invitedBefore, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "StaffAccount.Invited")));
    }

    [Fact]
    public async Task ChangeRolesAndTeam_CheckAnswersListsThemAndChangeKeepsThem_WithNothingSavedBeforeConfirming()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, "Team A");
        var admin = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Administrator));

        // Act
        var check = await admin.AnswerAsync($"/workspace/staff/change/{user.Id}", [OrderPages.F("Roles", StaffRoles.Coordinator), OrderPages.F("Team", "Team C")]);
        var change = await admin.GetDocumentAsync(check.QuerySelector("[data-staff-change-answers] a")!.GetAttribute("href")!);

        // Assert
        var answers = check.QuerySelector("[data-staff-change-answers]")!.TextContent;
        Assert.Contains("Coordinator", answers, StringComparison.Ordinal);
        Assert.Contains("Team C", answers, StringComparison.Ordinal);
        Assert.Equal([StaffRoles.Coordinator], change.QuerySelectorAll("input[name=Roles]:checked").Select(i => i.GetAttribute("value")));
        Assert.Equal("Team C", change.QuerySelector("input[name=Team]")!.GetAttribute("value"));
        Assert.Equal("Team A", await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Team).SingleAsync()));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordId == user.Id.ToString() && e.Action == "StaffAccount.RolesChanged")));
    }

    [Fact]
    public async Task ResetTwoFactor_EndsTheirSessions_AndTheyMustSetItUpAgain()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var client = factory.CreateBrowser();
        await factory.EnrolAsync(client, user);
        var admin = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Administrator));

        // Act
        var reset = await admin.SubmitFormAsync($"/workspace/staff/reset-two-factor/{user.Id}", new Dictionary<string, string>());
        var next = await client.GetAsync("/workspace");
        var signIn = await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = StaffSignIn.Password });
        var workspace = await client.GetAsync("/workspace");
        var setUp = await client.GetDocumentAsync("/account/two-factor");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Contains("/sign-in", next.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("/workspace", signIn.Headers.Location?.OriginalString);
        Assert.Equal("/account/two-factor", workspace.Headers.Location?.OriginalString);
        Assert.NotNull(setUp.QuerySelector("[data-authenticator-key]"));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordId == user.Id.ToString() && e.Action == "StaffAccount.TwoFactorReset")));
    }

    [Fact]
    public async Task ResetPassword_ByAnAdministrator_GivesAOneTimeLink_EndsTheirSessions_AndTheSecondFactorIsStillNeeded()
    {
        // Arrange
        const string newPassword = "walnut lighthouse meadow";
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var theirs = factory.CreateBrowser();
        var (key, _) = await factory.EnrolAsync(theirs, user);
        var admin = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Administrator));
        var view = await admin.GetDocumentAsync($"/workspace/staff/{user.Id}");

        // Act
        var reset = await (await admin.PostFormAsync($"/workspace/staff/{user.Id}?handler=ResetPassword", view)).GetDocumentAsync();
        var link = new Uri(reset.QuerySelector("[data-set-up-link]")!.TextContent.Trim()).PathAndQuery;
        var oldSession = await theirs.GetAsync("/workspace/cases");
        var fresh = factory.CreateBrowser();
        var oldPassword = await fresh.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = StaffSignIn.Password });
        var chosen = await fresh.SubmitFormAsync(link, new Dictionary<string, string> { ["Password"] = newPassword, ["ConfirmPassword"] = newPassword });
        var afterChoosing = await fresh.GetAsync("/workspace/cases");
        var linkAgain = await fresh.GetAsync(link);
        var password = await fresh.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = newPassword });
        var beforeCode = await fresh.GetAsync("/workspace/cases");
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = await fresh.SubmitFormAsync("/sign-in/two-factor", new Dictionary<string, string> { ["Code"] = Totp.Compute(key, factory.Clock.GetUtcNow()) });
        var workspace = await fresh.GetAsync("/workspace/cases");

        // Assert
        Assert.Contains("/sign-in", oldSession.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Redirect, oldPassword.StatusCode);
        Assert.Equal("/sign-in", chosen.Headers.Location?.OriginalString);
        Assert.Contains("/sign-in", afterChoosing.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, linkAgain.StatusCode);
        Assert.Contains("/sign-in/two-factor", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("/sign-in", beforeCode.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal(HttpStatusCode.OK, workspace.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordId == user.Id.ToString() && e.Action == "StaffAccount.PasswordReset")));
    }

    [Fact]
    public async Task Deactivate_IsAudited_AndAnAdministratorCannotDeactivateThemselves()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Analyst);
        var adminUser = await factory.CreateUserAsync(StaffRoles.Administrator);
        var admin = factory.CreateBrowser(adminUser);

        // Act
        var self = await (await admin.SubmitFormAsync($"/workspace/staff/deactivate/{adminUser.Id}", new Dictionary<string, string>())).GetDocumentAsync();
        await admin.SubmitFormAsync($"/workspace/staff/deactivate/{user.Id}", new Dictionary<string, string>());
        var view = await admin.GetDocumentAsync($"/workspace/staff/{user.Id}");

        // Assert
        Assert.Equal(["You cannot deactivate your own account"], self.ErrorSummaryMessages());
        Assert.Contains("Deactivated", view.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordId == user.Id.ToString() && e.Action == "StaffAccount.Deactivated")));
        Assert.True(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == adminUser.Id).Select(u => u.DeactivatedAt == null).SingleAsync()));
    }

    [Fact]
    public async Task List_ShowsAccountsCreatedOnFirstSignInThroughTheIdentityProvider_WithTheirLastSignIn()
    {
        // Arrange: an account as the OpenID Connect sign-in creates it, from the provider's claims
        var external = await factory.CreateUserAsync(StaffRoles.Coordinator, "Force Intelligence");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByIdAsync(external.Id.ToString()))!;
            Assert.True((await users.AddLoginAsync(user, new UserLoginInfo("force-idp", $"subject-{Guid.NewGuid():N}", "Force"))).Succeeded);
            await scope.ServiceProvider.GetRequiredService<StaffSessions>().StartAsync(user.Id, null, new StaffSessionLimit(3, TimeSpan.FromHours(8)));
        }

        var admin = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Administrator));

        // Act
        var list = await admin.GetDocumentAsync("/workspace/staff");

        // Assert
        var row = list.QuerySelector($"[data-staff-account='{external.Email}']")!.TextContent;
        Assert.Contains("Active (force account)", row, StringComparison.Ordinal);
        Assert.Contains(LondonTime.DateOf(factory.Clock.GetUtcNow()).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), row, StringComparison.Ordinal);
        Assert.Contains("Force Intelligence", row, StringComparison.Ordinal);
    }
}
