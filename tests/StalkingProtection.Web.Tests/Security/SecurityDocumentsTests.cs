using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Import;
using StalkingProtection.Core.Reports;
using StalkingProtection.Core.Search;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Infrastructure;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.Security;

/// <summary>The security documents under docs/security exist and say what the code does.</summary>
public partial class SecurityDocumentsTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Authentication_NamesEveryAuthenticationSchemeTheCalendarFeedAndTheSessionDefaults()
    {
        // Arrange
        var document = Read("authentication.md");
        var schemes = await factory.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetAllSchemesAsync();
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).ToList();
        var defaults = new StalkingProtection.Web.Infrastructure.Security.SignInOptions();

        // Act
        var missing = schemes.Select(s => s.Name).Where(n => n != TestAuthenticationHandler.SchemeName && !document.Contains($"`{n}`", StringComparison.Ordinal)).ToList();

        // Assert
        Assert.Empty(missing);
        Assert.Contains("/calendar/{token}.ics", routes);
        Assert.Contains("`/calendar/{token}.ics`", document, StringComparison.Ordinal);
        Assert.Contains($"| `StalkingProtection:SignIn:IdleTimeout` | {defaults.IdleTimeout.TotalMinutes} minutes |", document, StringComparison.Ordinal);
        Assert.Contains($"| `StalkingProtection:SignIn:SessionLifetime` | {defaults.SessionLifetime.TotalHours} hours |", document, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_NamesEveryDataProtectionPurposeKeySettingAndThePasswordHashSettings()
    {
        // Arrange
        var document = Read("keys.md");
        var purposes = SourceFiles().SelectMany(f => ProtectorPurpose().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).Distinct().ToList();
        var hasher = factory.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value;

        // Act
        var missing = purposes.Where(p => !document.Contains($"`{p}`", StringComparison.Ordinal)).ToList();

        // Assert
        Assert.NotEmpty(purposes);
        Assert.Empty(missing);
        Assert.Contains("`StalkingProtection:KeyProtection:KeyEncryptionKey`", document, StringComparison.Ordinal);
        Assert.Contains("`StalkingProtection:VictimContact:SearchHashKey`", document, StringComparison.Ordinal);
        Assert.Equal(PasswordHasherCompatibilityMode.IdentityV3, hasher.CompatibilityMode);
        Assert.Contains($"PBKDF2-HMAC-SHA512, {hasher.IterationCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} iterations", document, StringComparison.Ordinal);
    }

    [Fact]
    public void Logging_ListsEverySecurityEventId_AndTheConsoleLogIsJson()
    {
        // Arrange
        var document = Read("logging.md");
        var ids = typeof(SecurityEvents).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int)).Select(f => (int)f.GetRawConstantValue()!).ToList();

        // Act
        var console = factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;

        // Assert
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Contains($"| {id} |", document, StringComparison.Ordinal));
        Assert.Contains($"`{SecurityEvents.Category}`", document, StringComparison.Ordinal);
        Assert.Equal("json", console.FormatterName);
    }

    [Fact]
    public void Limits_StateTheSignInThrottleLockoutLinksAndEveryLimitSettingReadmeDocuments()
    {
        // Arrange
        var document = Read("limits.md");
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var lockout = factory.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.Lockout;

        // Act and assert
        Assert.Contains($"{SignInThrottle.FreeAttempts} free attempts in {SignInThrottle.Window.TotalMinutes} minutes", document, StringComparison.Ordinal);
        Assert.Contains($"doubling up to {SignInThrottle.MaximumDelay.TotalMinutes} minutes", document, StringComparison.Ordinal);
        Assert.Contains($"| {lockout.MaxFailedAccessAttempts}, then locked for {lockout.DefaultLockoutTimeSpan.TotalMinutes} minutes |", document, StringComparison.Ordinal);
        Assert.Contains($"| {StaffAccountService.SetUpLinkLifetime.TotalDays} days, once |", document, StringComparison.Ordinal);
        Assert.Contains($"| {StaffAccountService.RecoveryCodeCount}, each once |", document, StringComparison.Ordinal);
        Assert.Contains($"deleted after {PublicReportService.DraftLifetime.TotalMinutes} minutes without a request", document, StringComparison.Ordinal);
        Assert.Contains($"at once (default {new WebOptions().CostlyWorkAtOnce}), {CostlyWork.QueueLimit} more waiting in turn, then 429 | rate limiter policy `{CostlyWork.Policy}` |", document, StringComparison.Ordinal);
        Assert.Contains($"| {Pages.Workspace.Audit.IndexModel.PageSize} entries a page;", document, StringComparison.Ordinal);
        Assert.Contains($"files up to {TrackerFile.MaxBytes / (1024 * 1024)} MB and cells up to {TrackerFile.MaxCellLength} characters", document, StringComparison.Ordinal);
        Assert.Contains($"queries up to {RecordSearchService.MaxLength} characters; at most {RecordSearchService.MaxPerGroup} results in each group", document, StringComparison.Ordinal);
        Assert.Contains($"batches of {AuditChain.BatchSize}; reports at most {AuditChain.ProblemLimit} problems", document, StringComparison.Ordinal);
        Assert.All(new[] { "PostsPerMinutePerAddress", "FormSubmissionsPerAddress", "SendsPerReport", "FormSubmissionWindow", "KeyRotationOverlap", "KeyLifetimeDays", "CostlyWorkAtOnce" }, setting =>
        {
            Assert.Contains(setting, document, StringComparison.Ordinal);
            Assert.Contains(setting, readme, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task DataClassification_PutsEveryTableOfTheDatabaseInALevel()
    {
        // Arrange
        var document = Read("data-classification.md");
        var tables = await factory.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList()));

        // Act
        var missing = tables.Where(t => !document.Contains($"`{t}`", StringComparison.Ordinal)).ToList();

        // Assert
        Assert.True(tables.Count > 40, $"only {tables.Count} tables were found");
        Assert.Empty(missing);
    }

    [Fact]
    public void Dependencies_StateTheUpdateTimeFramesAndNameTheFilesThatPinVersions()
    {
        // Arrange
        var document = Read("dependencies.md");

        // Act and assert
        Assert.All(new[] { "Directory.Packages.props", "package-lock.json", "global.json" }, file =>
        {
            Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, file)), file);
            Assert.Contains($"`{file}`", document, StringComparison.Ordinal);
        });
        Assert.All(new[] { "critical", "within 72 hours", "within 14 days", "within 90 days", "within 30 days" }, frame => Assert.Contains(frame, document, StringComparison.Ordinal));
    }

    [Fact]
    public void Deployment_RequiresTls12Or13AndATrustedCertificate_AndNamesEveryOutboundConnection()
    {
        // Arrange
        var document = Read("deployment.md");
        var source = SourceFiles().Select(File.ReadAllText).ToList();

        // Act and assert: the only outbound connections are the database, the identity provider, the collector and GOV.UK
        // Notify, whose typed client comes from the factory that applies the allowlist
        Assert.Contains("TLS 1.2 and TLS 1.3 only", document, StringComparison.Ordinal);
        Assert.Contains("publicly trusted certificate authority", document, StringComparison.Ordinal);
        Assert.All(new[] { "StalkingProtection:Database:ConnectionString", "StalkingProtection:SignIn:OpenIdConnect:Authority", "StalkingProtection:Telemetry:OtlpEndpoint",
                "StalkingProtection:Notify:ApiKey" },
            setting => Assert.Contains($"`{setting}`", document, StringComparison.Ordinal));
        Assert.Contains("`api.notifications.service.gov.uk`", document, StringComparison.Ordinal);
        const string notifyClient = "services.AddHttpClient<Core.VictimUpdates.NotifyChannel>();";
        Assert.Single(source, s => s.Contains(notifyClient, StringComparison.Ordinal));
        Assert.DoesNotContain(source, s => OutboundClient().IsMatch(s.Replace(notifyClient, "", StringComparison.Ordinal)));

        // No blanket HTTPS redirection: an API request over plain HTTP is refused, so an API client is never silently redirected
        Assert.DoesNotContain(source, s => s.Contains("UseHttpsRedirection", StringComparison.Ordinal));
        Assert.Contains("docs/security/deployment.md", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")), StringComparison.Ordinal);
    }

    private static string Read(string name)
    {
        var path = Path.Combine(RepositoryPaths.Root, "docs", "security", name);
        Assert.True(File.Exists(path), $"{path} is missing");
        return File.ReadAllText(path);
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex("\"(StalkingProtection\\.[A-Za-z]+\\.v\\d+)\"")]
    private static partial Regex ProtectorPurpose();

    [GeneratedRegex(@"\bnew HttpClient\b|AddHttpClient|IHttpClientFactory|SmtpClient|new TcpClient\b")]
    private static partial Regex OutboundClient();
}
