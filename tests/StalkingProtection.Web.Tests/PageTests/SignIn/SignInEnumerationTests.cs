using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.SignIn;

/// <summary>
/// Signing in with an unknown email does the same work as with a known one (a password hash check), so response time does
/// not reveal which emails have accounts. Shown by the hasher being called, never by timing.
/// </summary>
public class SignInEnumerationTests(SignInEnumerationTests.CountingHasherFactory factory) : IClassFixture<SignInEnumerationTests.CountingHasherFactory>
{
    private const string Password = "quiet harbour lantern";

    [Fact]
    public async Task Post_UnknownEmail_StillVerifiesAPasswordHash()
    {
        // Arrange
        var client = factory.CreateBrowser();
        var password = $"guess {Guid.NewGuid():N}";

        // Act
        var document = await (await client.SubmitFormAsync("/sign-in", new Dictionary<string, string>
        {
            ["Email"] = $"nobody-{Guid.NewGuid():N}@test.police.uk",
            ["Password"] = password,
        })).GetDocumentAsync();

        // Assert
        Assert.Equal(["Enter a correct email address and password"], document.ErrorSummaryMessages());
        Assert.Equal(1, factory.Hasher.VerificationsOf(password));
    }

    [Fact]
    public async Task Post_KnownEmailWrongPassword_VerifiesOnePasswordHashToo()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: Password);
        var client = factory.CreateBrowser();
        var password = $"guess {Guid.NewGuid():N}";

        // Act
        var document = await (await client.SubmitFormAsync("/sign-in", new Dictionary<string, string>
        {
            ["Email"] = user.Email!,
            ["Password"] = password,
        })).GetDocumentAsync();

        // Assert
        Assert.Equal(["Enter a correct email address and password"], document.ErrorSummaryMessages());
        Assert.Equal(1, factory.Hasher.VerificationsOf(password));
    }

    [Fact]
    public async Task Post_DeactivatedAccount_VerifiesAPasswordHashAndIsRefused()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: Password);
        await factory.WithDbAsync(async db =>
        {
            var saved = await db.Users.FindAsync(user.Id);
            saved!.DeactivatedAt = factory.Clock.GetUtcNow();
            return await db.SaveChangesAsync();
        });
        var client = factory.CreateBrowser();
        var password = $"guess {Guid.NewGuid():N}";

        // Act
        var document = await (await client.SubmitFormAsync("/sign-in", new Dictionary<string, string>
        {
            ["Email"] = user.Email!,
            ["Password"] = password,
        })).GetDocumentAsync();

        // Assert
        Assert.Equal(["Enter a correct email address and password"], document.ErrorSummaryMessages());
        Assert.Equal(1, factory.Hasher.VerificationsOf(password));
    }

    public sealed class CountingHasherFactory : WebAppFactory
    {
        public CountingPasswordHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<StaffUser>>(Hasher));
        }
    }

    /// <summary>The real hasher, counting each verification by the password given.</summary>
    public sealed class CountingPasswordHasher : IPasswordHasher<StaffUser>
    {
        private readonly PasswordHasher<StaffUser> _inner = new();
        private readonly ConcurrentDictionary<string, int> _verifications = new();

        public int VerificationsOf(string password) => _verifications.GetValueOrDefault(password);

        public string HashPassword(StaffUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            _verifications.AddOrUpdate(providedPassword, 1, (_, n) => n + 1);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
