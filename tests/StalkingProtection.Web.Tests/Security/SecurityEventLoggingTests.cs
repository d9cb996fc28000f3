using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Public;
using StalkingProtection.Web.Tests.PageTests.SignIn;

namespace StalkingProtection.Web.Tests.Security;

/// <summary>Refused requests are logged as security events with stable event IDs and without personal data.</summary>
public class SecurityEventLoggingTests(SecurityEventLoggingTests.LoggingFactory factory) : IClassFixture<SecurityEventLoggingTests.LoggingFactory>
{
    [Fact]
    public async Task Forbidden_OfficerOpensTheStaffAccountsPage_LogsAccessDeniedWithoutTheirEmail()
    {
        // Arrange
        var officer = await factory.CreateUserAsync(StaffRoles.Officer);
        var client = factory.CreateBrowser(officer);

        // Act
        var response = await client.GetAsync("/workspace/staff");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var entry = Assert.Single(Events(SecurityEvents.AccessDeniedId), e => e.Message.Contains("GET /workspace/staff", StringComparison.Ordinal));
        Assert.DoesNotContain(officer.Email!, entry.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(officer.Id.ToString(), entry.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task NotFound_CaseOutsideTheOfficersNeedToKnow_LogsNotFoundOrRefused()
    {
        // Arrange
        var officer = await factory.CreateUserAsync(StaffRoles.Officer);
        var client = factory.CreateBrowser(officer);
        var path = $"/workspace/cases/{Guid.NewGuid()}";

        // Act
        var response = await client.GetAsync(path + "?name=someone");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var entry = Assert.Single(Events(SecurityEvents.NotFoundOrRefusedId), e => e.Message.Contains(path, StringComparison.Ordinal));
        Assert.DoesNotContain("someone", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_WithoutAKey_LogsAuthenticationRefused()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync("/api/v1/client");

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(Events(SecurityEvents.AuthenticationRefusedId), e => e.Message.Contains("GET /api/v1/client", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Antiforgery_PostWithoutAToken_IsRefusedAndLogged()
    {
        // Arrange
        var client = factory.CreateBrowser();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "nobody@test.police.uk", ["Password"] = "not a real password" });

        // Act
        var response = await client.PostAsync("/sign-in", form);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var entry = Assert.Single(Events(SecurityEvents.AntiforgeryRejectedId), e => e.Message.Contains("POST /sign-in", StringComparison.Ordinal));
        Assert.DoesNotContain("nobody@test.police.uk", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInThrottle_BlockedAttempt_IsLoggedWithoutTheEmail()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var client = factory.CreateBrowser();
        for (var i = 0; i < SignInThrottle.FreeAttempts; i++)
        {
            await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = $"guess number {i} wrong" });
        }

        // Act
        await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = StaffSignIn.Password });

        // Assert
        Assert.NotEmpty(Events(SecurityEvents.SignInThrottledId));
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Message.Contains(user.Email!, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task RateLimit_ReportStartedTooOftenFromOneAddress_IsLoggedAsRateLimited()
    {
        // Arrange
        var client = factory.CreateBrowser();
        for (var i = 0; i < 3; i++)
        {
            await client.SubmitMainFormAsync("/report/staying-safe");
        }

        // Act
        var response = await client.SubmitMainFormAsync("/report/staying-safe");

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var entry = Assert.Single(Events(SecurityEvents.RateLimitedId));
        Assert.Contains("rate limit reached for POST /report/", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionLimit_SignInEndsTheOldestSession_IsLoggedAsSessionLimitReachedWithoutTheEmail()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var (key, _) = await factory.EnrolAsync(factory.CreateBrowser(), user);
        await factory.SignInAgainAsync(factory.CreateBrowser(), user, key);
        await factory.SignInAgainAsync(factory.CreateBrowser(), user, key);
        Assert.Empty(Events(SecurityEvents.SessionLimitReachedId));

        // Act
        await factory.SignInAgainAsync(factory.CreateBrowser(), user, key);

        // Assert
        var entry = Assert.Single(Events(SecurityEvents.SessionLimitReachedId));
        Assert.Contains("limit of 3 sessions per account and ended the oldest 1", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Email!, entry.Message, StringComparison.OrdinalIgnoreCase);
    }

    private List<(string Category, int EventId, string Message)> Events(int eventId) =>
        factory.Logs.Entries.Where(e => e.Category == SecurityEvents.Category && e.EventId == eventId).ToList();

    public sealed class LoggingFactory : WebAppFactory
    {
        public CapturingLoggerProvider Logs { get; } = new(LogLevel.Warning);

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["StalkingProtection:PublicSite:FormSubmissionsPerAddress"] = "3",
        };

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        }
    }
}
