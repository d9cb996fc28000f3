using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.SignIn;

public class SignInTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const string Password = "quiet harbour lantern";

    [Fact]
    public async Task Post_PasswordHashedAtTheOldIterationCount_IsRehashedAt210000IterationsOnSignIn()
    {
        // Arrange: a hash made with ASP.NET Core Identity's default before the service raised it
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: Password);
        var oldHasher = new PasswordHasher<StaffUser>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
        await factory.WithDbAsync(async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.PasswordHash = oldHasher.HashPassword(stored, Password);
            return await db.SaveChangesAsync();
        });
        var client = factory.CreateBrowser();

        // Act
        var response = await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = Password });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var hash = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PasswordHash!).SingleAsync());
        Assert.Equal(210_000, IterationsOf(hash));
    }

    [Fact]
    public async Task CreateAccount_NewPassword_IsHashedWithPbkdf2Sha512At210000Iterations()
    {
        // Act
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: Password);

        // Assert: ASP.NET Core Identity's version 3 format: marker, PRF (2 = HMAC-SHA512), iteration count
        var hash = Convert.FromBase64String(user.PasswordHash!);
        Assert.Equal(0x01, hash[0]);
        Assert.Equal(2u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1, 4)));
        Assert.Equal(210_000, IterationsOf(user.PasswordHash!));
    }

    private static int IterationsOf(string passwordHash) =>
        (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(passwordHash).AsSpan(5, 4));

    [Fact]
    public async Task Post_MissingFields_ShowsGovUkErrors()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = "", ["Password"] = "" });
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Enter your email address", "Enter your password"], document.ErrorSummaryMessages());
        Assert.StartsWith("Error:", document.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WrongPassword_ShowsOneMessageThatDoesNotSayWhichWasWrong()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: Password);
        var client = factory.CreateBrowser();

        // Act
        var response = await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = "wrong horse battery" });
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(["Enter a correct email address and password"], document.ErrorSummaryMessages());
        Assert.Equal(user.Email, document.QuerySelector("input[name=Email]")!.GetAttribute("value"));
        Assert.Null(document.QuerySelector("input[name=Password]")!.GetAttribute("value"));
        var audited = await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordId == user.Id.ToString() && e.Action == "SignIn.Failed"));
        Assert.True(audited);
    }

    [Fact]
    public async Task Post_PasswordOnlyOutsideDevelopment_MustSetUpTwoFactorBeforeTheWorkspace()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: Password);
        var client = factory.CreateBrowser();

        // Act
        var signIn = await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = Password });
        var workspace = await client.GetAsync("/workspace");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/workspace", signIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, workspace.StatusCode);
        Assert.Equal("/account/two-factor", workspace.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TwoFactor_SetUpThenSignInAgain_AsksForTheCodeAndLetsTheUserIn()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Coordinator, password: Password);
        var client = factory.CreateBrowser();
        await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = Password });
        var setUp = await client.GetDocumentAsync("/account/two-factor");
        var key = setUp.QuerySelector("[data-authenticator-key]")!.TextContent;

        // Act: turn on two-factor with a wrong code, then the right one
        var wrong = await (await client.SubmitFormAsync("/account/two-factor", new Dictionary<string, string> { ["Code"] = "000000" })).GetDocumentAsync();
        var enabled = await client.SubmitFormAsync("/account/two-factor", new Dictionary<string, string> { ["Code"] = Totp.Compute(key, factory.Clock.GetUtcNow()) });
        await client.SubmitFormAsync("/sign-out", new Dictionary<string, string>());
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var password = await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = Password });
        var code = await client.SubmitFormAsync("/sign-in/two-factor", new Dictionary<string, string> { ["Code"] = Totp.Compute(key, factory.Clock.GetUtcNow()) });
        var workspace = await client.GetAsync("/workspace");

        // Assert
        Assert.Equal(["The code is not correct or has expired. Enter the code your app shows now"], wrong.ErrorSummaryMessages());
        Assert.Equal("Two-factor authentication is on", (await enabled.GetDocumentAsync()).QuerySelector(".govuk-panel__title")?.TextContent.Trim());
        Assert.StartsWith("/sign-in/two-factor", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal(HttpStatusCode.OK, workspace.StatusCode);
        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.RecordId == user.Id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Contains("StaffAccount.TwoFactorEnabled", actions);
        Assert.Contains("SignIn.TwoFactor", actions);
    }

    [Fact]
    public async Task TwoFactor_NoCode_ShowsGovUkErrorAndLeavesTwoFactorOff()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: Password);
        var client = factory.CreateBrowser();
        await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = Password });

        // Act
        var response = await client.SubmitFormAsync("/account/two-factor", new Dictionary<string, string> { ["Code"] = "" });
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Enter the code from your authenticator app"], document.ErrorSummaryMessages());
        Assert.NotNull(document.QuerySelector("[data-authenticator-key]"));
        Assert.False(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task TwoFactor_SessionRebuiltAfterTheSecurityStampChanges_StaysSignedInWithItsSecondFactor()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: Password);
        var client = factory.CreateBrowser();
        await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = Password });
        var key = (await client.GetDocumentAsync("/account/two-factor")).QuerySelector("[data-authenticator-key]")!.TextContent;
        await client.SubmitFormAsync("/account/two-factor", new Dictionary<string, string> { ["Code"] = Totp.Compute(key, factory.Clock.GetUtcNow()) });

        // Act: a changed security stamp (here: roles touched) rebuilds the signed-in user from the database on the next request.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        var workspace = await client.GetAsync("/workspace");
        var later = await client.GetAsync("/workspace/cases");

        // Assert
        Assert.Equal(HttpStatusCode.OK, workspace.StatusCode);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task Throttle_AfterFiveFailuresFromOneAddress_BlocksThatAddressEvenWithTheRightPassword()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: Password);
        var client = factory.CreateBrowser();
        for (var i = 0; i < SignInThrottle.FreeAttempts; i++)
        {
            await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = $"guess number {i} wrong" });
        }

        // Act
        var blocked = await (await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = Password })).GetDocumentAsync();

        // Assert
        Assert.Single(blocked.ErrorSummaryMessages());
        Assert.StartsWith("Too many attempts to sign in", blocked.ErrorSummaryMessages()[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttle_FailuresFromAnAttackersAddress_DoNotLockTheOwnerOutFromTheirs()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: Password);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var throttle = scope.ServiceProvider.GetRequiredService<SignInThrottle>();
            for (var i = 0; i < 40; i++)
            {
                await throttle.RecordFailureAsync(user.Email!, "203.0.113.9");
            }

            Assert.NotNull(await throttle.BlockedUntilAsync(user.Email!, "203.0.113.9"));
        }

        var client = factory.CreateBrowser();

        // Act: the test server's requests come from no address, i.e. not the attacker's
        var response = await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = Password });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/workspace", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Throttle_BlockGrowsButEndsByItself_SoNoOneIsLockedOutIndefinitely()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: Password);
        await using var scope = factory.Services.CreateAsyncScope();
        var throttle = scope.ServiceProvider.GetRequiredService<SignInThrottle>();
        for (var i = 0; i < 100; i++)
        {
            await throttle.RecordFailureAsync(user.Email!, "198.51.100.7");
        }

        var until = await throttle.BlockedUntilAsync(user.Email!, "198.51.100.7");

        // Act
        factory.Clock.Advance(SignInThrottle.MaximumDelay + TimeSpan.FromSeconds(1));
        var later = await throttle.BlockedUntilAsync(user.Email!, "198.51.100.7");

        // Assert
        Assert.NotNull(until);
        Assert.True(until <= factory.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        Assert.Null(later);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Returns400()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@b.c", ["Password"] = "x" }));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Get_WorkspaceSignedOut_RedirectsToSignIn()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync("/workspace");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_CommonOrShort_IsRefusedWithNcscAdvice()
    {
        // Arrange
        await using var scope = factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccountService>();

        // Act
        var common = await accounts.CreateAsync(new CreateStaffAccountOptions("common@test.police.uk", "Common", StaffRoles.Officer, null, "password1234"), Actor.System);
        var repeated = await accounts.CreateAsync(new CreateStaffAccountOptions("repeat@test.police.uk", "Repeat", StaffRoles.Officer, null, "aaaaaaaaaaaaaaaa"), Actor.System);
        var shortOne = await accounts.CreateAsync(new CreateStaffAccountOptions("short@test.police.uk", "Short", StaffRoles.Officer, null, "tiny cat"), Actor.System);
        var good = await accounts.CreateAsync(new CreateStaffAccountOptions("good@test.police.uk", "Good", StaffRoles.Officer, null, "marble otter kettle"), Actor.System);

        // Assert
        Assert.Contains(common.Errors, e => e.Code == "PasswordCommon");
        Assert.Contains(repeated.Errors, e => e.Code == "PasswordCommon");
        Assert.Contains(shortOne.Errors, e => e.Code == "PasswordTooShort");
        Assert.True(good.Succeeded);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.Null(await users.FindByEmailAsync("common@test.police.uk"));
    }

    [Theory]
    [InlineData("stalking is a crime")]
    [InlineData("Protection-Order-2026")]
    [InlineData("my POLICE lantern")]
    [InlineData("demo constabulary key")]
    [InlineData("my demo kestrel form")]
    public async Task Password_WithAContextSpecificWord_IsRefusedAsTheDocumentedListSays(string password)
    {
        // Arrange: the force named in the settings is "Demo Constabulary", and each of its words is refused (ASVS V6.2.11)
        await using var scope = factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccountService>();
        var email = $"words-{Guid.NewGuid():N}@test.police.uk";

        // Act
        var result = await accounts.CreateAsync(new CreateStaffAccountOptions(email, "Words", StaffRoles.Officer, null, password), Actor.System);

        // Assert
        var error = Assert.Single(result.Errors, e => e.Code == "PasswordContextWord");
        Assert.Equal("Password must not contain the name of the force or of this service, or words like ‘stalking’, ‘protection’ or ‘police’", error.Description);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public void Password_ContextWords_AreTheDocumentedServiceWordsAndTheWordsOfTheConfiguredNames()
    {
        // Arrange
        var options = Microsoft.Extensions.Options.Options.Create(new Web.Infrastructure.WebOptions { ForceName = "Police Service of Northern Ireland", ServiceName = "SPO Register" });
        var documented = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "security", "authentication.md"));

        // Act
        var words = new Web.Infrastructure.Security.NcscPasswordValidator(options).ContextWords();

        // Assert
        Assert.Equal(["stalking", "stalker", "protection", "constabulary", "police", "policing", "workspace", "service", "northern", "ireland", "register"], words);
        Assert.All(Web.Infrastructure.Security.NcscPasswordValidator.ServiceWords, w => Assert.Contains($"`{w}`", documented, StringComparison.Ordinal));
    }
}
