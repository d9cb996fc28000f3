using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using StalkingProtection.EndToEndTests.Reliability;
using StalkingProtection.TestCommon;

namespace StalkingProtection.EndToEndTests.Startup;

/// <summary>
/// The published build is the product: `dotnet publish` output, started in Production from another folder with only the
/// settings Production requires, migrates its database, serves every page linked from the home page and the footer (and
/// every page those link to), and answers without a Server header.
/// </summary>
public sealed partial class PublishedBuildTests : IAsyncLifetime
{
    /// <summary>./scripts/test publishes once for both databases' runs and names the folder here; a run on its own publishes for itself.</summary>
    public const string PublishedFolderVariable = "STALKING_PROTECTION_PUBLISHED";

    private static readonly Lazy<Task<string>> _published = new(() =>
        Environment.GetEnvironmentVariable(PublishedFolderVariable) is { Length: > 0 } folder ? Task.FromResult(folder) : PublishAsync());
    private readonly Dictionary<string, string> _settings = [];
    private TestDatabase? _database;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateEmptyAsync();
        _settings["StalkingProtection__Database__Provider"] = _database.Provider.ToString();
        _settings["StalkingProtection__Database__ConnectionString"] = _database.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task PublishedProgram_InProductionFromAnotherFolder_ServesEveryLinkFromTheHomePageAndFooter()
    {
        // Arrange
        var folder = await _published.Value;
        var migrated = await ProgramProcess.RunAsync(_settings, ["migrate"], folder);
        Assert.True(migrated.ExitCode == 0, migrated.Output);
        // Redirects are not followed: leaving the site ends at the neutral website, which the crawl must never reach.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        using var server = await ServerProcess.StartAsync(_settings, client, folder);

        // Act
        var visited = await CrawlAsync(client, server.Address);

        // Assert
        var failures = visited.Where(v => (int)v.Value.Status >= 400).Select(v => $"{v.Key} answered {(int)v.Value.Status}").ToList();
        Assert.True(failures.Count == 0, string.Join("; ", failures));
        Assert.DoesNotContain(visited, v => v.Value.HasServerHeader);
        foreach (var page in new[] { "/what-is-stalking", "/stalking-protection-orders", "/support", "/cover-your-tracks", "/after-you-report", "/accessibility", "/privacy", "/cookies" })
        {
            Assert.True(visited.ContainsKey(page), $"{page} is not linked from the home page or the footer");
        }

        Assert.Contains(visited.Keys, k => k.Split('?')[0].EndsWith(".css", StringComparison.Ordinal));
    }

    [Fact]
    public async Task V3_5_4_PublishedProgram_InProductionWithTwoHostNames_ServesEachSideOnlyOnItsOwn_AndCreateAdminLinksToTheStaffHostName()
    {
        // Arrange
        const string staffHost = "spo.force.example";
        const string publicHost = "report.force.example";
        var folder = await _published.Value;
        _settings["AllowedHosts"] = $"127.0.0.1;{staffHost};{publicHost}";
        _settings["StalkingProtection__Web__StaffHostName"] = staffHost;
        _settings["StalkingProtection__Web__PublicHostName"] = publicHost;
        Assert.Equal(0, (await ProgramProcess.RunAsync(_settings, ["migrate"], folder)).ExitCode);
        var admin = await ProgramProcess.RunAsync(_settings, ["create-admin", "first.admin@force.police.uk"], folder);
        Assert.True(admin.ExitCode == 0, admin.Output);
        var link = new Uri(Assert.Single(admin.Output.Split('\n').Select(l => l.Trim()), l => l.Contains("/set-up-account/", StringComparison.Ordinal)));
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        using var server = await ServerProcess.StartAsync(_settings, client, folder);

        // Act
        async Task<HttpStatusCode> GetAsync(string host, string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, path));
            request.Headers.Host = host;
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            return response.StatusCode;
        }

        var onStaff = new Dictionary<string, HttpStatusCode>();
        var onPublic = new Dictionary<string, HttpStatusCode>();
        foreach (var path in new[] { "/", "/report", "/sign-in", link.AbsolutePath, "/api/v1/client", "/openapi/v1.json", "/health/live", "/css/app.min.css" })
        {
            onStaff[path] = await GetAsync(staffHost, path);
            onPublic[path] = await GetAsync(publicHost, path);
        }

        // Assert
        Assert.Equal($"https://{staffHost}", link.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.NotFound, onStaff["/"]);
        Assert.Equal(HttpStatusCode.NotFound, onStaff["/report"]);
        Assert.Equal(HttpStatusCode.OK, onStaff["/sign-in"]);
        Assert.Equal(HttpStatusCode.OK, onStaff[link.AbsolutePath]);
        Assert.Equal(HttpStatusCode.Unauthorized, onStaff["/api/v1/client"]);
        Assert.Equal(HttpStatusCode.OK, onPublic["/"]);
        Assert.Equal(HttpStatusCode.OK, onPublic["/report"]);
        foreach (var staffOnly in new[] { "/sign-in", link.AbsolutePath, "/api/v1/client", "/openapi/v1.json" })
        {
            Assert.True(onPublic[staffOnly] == HttpStatusCode.NotFound, $"{staffOnly} answered {(int)onPublic[staffOnly]} on the public host name");
        }

        foreach (var both in new[] { "/health/live", "/css/app.min.css" })
        {
            Assert.Equal(HttpStatusCode.OK, onStaff[both]);
            Assert.Equal(HttpStatusCode.OK, onPublic[both]);
        }
    }

    /// <summary>The home page, then every same-site address it links to, then every same-site address those pages link to.</summary>
    private static async Task<Dictionary<string, (HttpStatusCode Status, bool HasServerHeader)>> CrawlAsync(HttpClient client, Uri site)
    {
        var visited = new Dictionary<string, (HttpStatusCode, bool)>(StringComparer.Ordinal);
        var wave = new List<string> { "/" };
        for (var depth = 0; depth <= 2 && wave.Count > 0; depth++)
        {
            var next = new List<string>();
            foreach (var path in wave.Where(p => !visited.ContainsKey(p)))
            {
                using var response = await client.GetAsync(new Uri(site, path));
                visited[path] = (response.StatusCode, response.Headers.Contains("Server"));
                if (response.Headers.Location is { IsAbsoluteUri: false } location && location.OriginalString.StartsWith('/'))
                {
                    next.Add(location.OriginalString);
                }

                if (depth < 2 && response.Content.Headers.ContentType?.MediaType == "text/html")
                {
                    next.AddRange(Links(await response.Content.ReadAsStringAsync()));
                }
            }

            wave = next.Distinct(StringComparer.Ordinal).ToList();
        }

        return visited;
    }

    private static IEnumerable<string> Links(string html) =>
        LinkPattern().Matches(html)
            .Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value).Split('#')[0])
            .Where(url => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal));

    [GeneratedRegex(@"(?:href|src)=""(?<url>[^""]*)""")]
    private static partial Regex LinkPattern();

    private static async Task<string> PublishAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"sp-published-{Guid.NewGuid():N}");
        var project = Path.Combine(RepositoryPaths.Root, "src", "StalkingProtection.Web", "StalkingProtection.Web.csproj");
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif

        // The build the tests run is published as it is, rather than compiled again.
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", configuration, "--no-build", "-o", folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed: {await output}{await error}");
        }

        return folder;
    }
}
