using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StalkingProtection.Core.Data;
using StalkingProtection.EndToEndTests.Reliability;
using StalkingProtection.TestCommon;

namespace StalkingProtection.EndToEndTests.PublicSite;

/// <summary>
/// The real app on Kestrel at http://127.0.0.1:&lt;free port&gt; on a fresh migrated database, with Debian's Chromium.
/// One per test class: starting Chromium is the slow part.
/// </summary>
public class PublicSiteServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Where "Leave this site" goes in these tests: a neutral page of the same server, so nothing leaves the machine.</summary>
    public const string NeutralPath = "/neutral-weather";

    private TestDatabase? _database;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser starts in InitializeAsync.");

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var port = ServerProcess.FreePort();
        UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        StartServer();
        BaseUrl = $"http://127.0.0.1:{port}";
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("StalkingProtection:Database:Provider", Database.Provider.ToString());
        builder.UseSetting("StalkingProtection:Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("StalkingProtection:Database:ApplyMigrationsOnStartup", "false");
        builder.UseSetting("StalkingProtection:Database:AllowUnencryptedLocalConnection", "true");
        builder.UseSetting("StalkingProtection:VictimContact:SearchHashKey", TestData.SearchHashKey);
        builder.UseSetting("StalkingProtection:Web:QuickExitUrl", NeutralPath);
        builder.UseSetting("StalkingProtection:PublicSite:FormSubmissionsPerAddress", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        builder.UseSetting("StalkingProtection:KeyProtection:KeyEncryptionKey", TestData.KeyEncryptionKey);
        builder.UseSetting("AllowedHosts", "127.0.0.1;localhost");
        builder.UseSetting("StalkingProtection:Web:RequireHttps", "false");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, NeutralPage>());
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Settings a test class changes from the defaults above.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>Stands in for the neutral website (BBC Weather in production): a plain page that touches no database.</summary>
    private sealed class NeutralPage : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(NeutralPath, neutral => neutral.Run(context =>
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                return context.Response.WriteAsync("<!DOCTYPE html><html lang=\"en\"><head><title>Weather</title></head><body><h1>Weather</h1></body></html>");
            }));
            next(app);
        };
    }

    public async Task<IBrowserContext> NewContextAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, JavaScriptEnabled = javaScript });

        // Generous, because the suite shares a build machine; a passing step takes well under a second.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        context.Page += (_, page) => PageTrail.Follow(page, javaScript);
        return context;
    }

    public async Task<T> WithDbAsync<T>(Func<StalkingProtectionDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<StalkingProtectionDbContext>());
    }

    /// <summary>Runs the pinned axe-core (npm) on the page: WCAG 2.2 A and AA rules.</summary>
    public static async Task<IReadOnlyList<string>> AccessibilityViolationsAsync(IPage page)
    {
        // With JavaScript off the page cannot run axe (an evaluation would wait for ever), so what it shows is checked in a
        // page that can: the same HTML without its scripts, with its stylesheets, so the DOM is the one the visitor sees.
        if (await page.Locator("body.js-enabled").CountAsync() == 0)
        {
            var html = System.Text.RegularExpressions.Regex.Replace(await page.ContentAsync(), "<script\\b[^>]*>.*?</script>", "",
                System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            html = html.Replace("<head>", $"<head><base href=\"{WebUtility.HtmlEncode(page.Url)}\">", StringComparison.Ordinal);
            var copy = await page.Context.Browser!.NewPageAsync(new() { JavaScriptEnabled = true });
            try
            {
                await copy.SetContentAsync(html);
                return await AxeAsync(copy);
            }
            finally
            {
                await copy.CloseAsync();
            }
        }

        return await AxeAsync(page);
    }

    private static readonly Lazy<string> _axe = new(() => File.ReadAllText(Path.Combine(RepositoryPaths.NodeModules, "axe-core", "axe.min.js")));

    private static async Task<IReadOnlyList<string>> AxeAsync(IPage page)
    {
        await page.EvaluateAsync(_axe.Value);
        // resultTypes: only violations are read, so axe keeps no node details of the rules that passed or need review.
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => { const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] });" +
            " return r.violations.map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(', ')); }");
        return [.. result.EnumerateArray().Select(v => v.GetString()!)];
    }

    public override async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The public pages a visitor can open without starting a report.</summary>
public static class PublicPages
{
    public static readonly string[] Static =
    [
        "/",
        "/what-is-stalking",
        "/stalking-protection-orders",
        "/after-you-report",
        "/support",
        "/cover-your-tracks",
        "/accessibility",
        "/privacy",
        "/cookies",
        "/feedback",
        "/feedback/thank-you",
        "/report",
        "/report/staying-safe",
        "/report/session-ended",
        "/stalking-protection-orders/in-force",
        "/error/404",
        "/error/500",
    ];

    public static TheoryData<string> All => [.. Static];
}
