using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Web.Tests.Infrastructure;

/// <summary>
/// The whole web app in-process on a fresh database built by the migrations (SQLite, or PostgreSQL under
/// ./scripts/test), in the "Testing" environment: no demo data, two-factor required, antiforgery on.
/// </summary>
public class WebAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string TestUserHeader = "X-Test-User";
    private TestDatabase? _database;

    public FakeTimeProvider Clock { get; } = TestClock.At(new DateOnly(2026, 11, 28));

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    /// <summary>Extra settings a test class needs (e.g. a public-only deployment).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("StalkingProtection:Database:Provider", Database.Provider.ToString());
        builder.UseSetting("StalkingProtection:Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("StalkingProtection:Database:ApplyMigrationsOnStartup", "false");
        builder.UseSetting("StalkingProtection:Database:AllowUnencryptedLocalConnection", "true");
        builder.UseSetting("StalkingProtection:Web:QuickExitUrl", "/error/404");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("StalkingProtection:SignIn:PostsPerMinutePerAddress", "1000");
        // Page tests post hundreds of forms a minute as one user; CallerRateLimitTests sets the budgets it checks.
        builder.UseSetting("StalkingProtection:CallerLimits:StaffRequestsPerMinute", "1000000");
        builder.UseSetting("StalkingProtection:CallerLimits:ApiRequestsPerMinute", "1000000");
        builder.UseSetting("StalkingProtection:Jobs:RunDeadlineChecks", "false");
        builder.UseSetting("StalkingProtection:Jobs:SealAudit", "false");
        builder.UseSetting("StalkingProtection:Jobs:CountStatistics", "false");
        builder.UseSetting("StalkingProtection:Notify:SendUpdates", "false");
        builder.UseSetting("StalkingProtection:VictimContact:SearchHashKey", Convert.ToBase64String(new byte[32]));
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        builder.UseSetting("StalkingProtection:KeyProtection:KeyEncryptionKey", TestData.KeyEncryptionKey);
        builder.UseSetting("AllowedHosts", "localhost");
        builder.UseSetting("StalkingProtection:Web:RequireHttps", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, null);
            services.PostConfigure<AuthenticationOptions>(o => o.DefaultAuthenticateScheme = TestAuthenticationHandler.SchemeName);
        });
    }

    public HttpClient CreateBrowser(StaffUser? user = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add(TestUserHeader, user.Id.ToString());
        }

        return client;
    }

    public async Task<StaffUser> CreateUserAsync(string role, string? team = "Team A", string? password = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccountService>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.police.uk";
        var result = await accounts.CreateAsync(new CreateStaffAccountOptions(email, $"Test {role}", role, team, password), Actor.System);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return (await users.FindByEmailAsync(email))!;
    }

    public async Task<T> WithDbAsync<T>(Func<StalkingProtectionDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<StalkingProtectionDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// Signs a request in as the staff user named by the X-Test-User header, as if they had passed two-factor
/// authentication; without the header it falls back to the real session cookie, so real sign-in is tested too.
/// </summary>
public sealed class TestAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    Microsoft.Extensions.Logging.ILoggerFactory logger,
    UrlEncoder encoder,
    SignInManager<StaffUser> signInManager) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(WebAppFactory.TestUserHeader, out var id))
        {
            return await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        }

        var user = await signInManager.UserManager.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return AuthenticateResult.Fail("No such test user.");
        }

        var principal = await signInManager.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim("amr", "mfa"));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
