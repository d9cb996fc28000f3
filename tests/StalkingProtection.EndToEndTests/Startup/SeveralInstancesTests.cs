using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Integration;
using StalkingProtection.EndToEndTests.Reliability;
using StalkingProtection.TestCommon;

namespace StalkingProtection.EndToEndTests.Startup;

/// <summary>
/// P5: two instances of the real program in Production on one PostgreSQL database, behind nginx with both in one upstream, as
/// <c>scripts/instances</c> starts them. Several instances need a database server, so this runs on PostgreSQL whichever
/// database the suite runs on.
/// </summary>
public sealed class TwoInstancesBehindNginx : IAsyncLifetime
{
    private static readonly Actor _administrator = new("instances-admin", "Instances", "Administrator", "Service");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"sp-instances-{Guid.NewGuid():N}");
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(5) };
    private TestDatabase? _database;
    private Process? _nginx;

    public ServerProcess[] Instances { get; private set; } = [];

    /// <summary>The lines each instance has logged, each request it received among them.</summary>
    public ConcurrentQueue<string>[] Logs { get; } = [new(), new()];

    public Uri Nginx { get; private set; } = null!;

    public string ApiKey { get; private set; } = "";

    public StalkingProtectionDbContext CreateContext() => DatabaseSetup.CreateContext(DatabaseProvider.Postgres, _database!.ConnectionString);

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres);
        var settings = new Dictionary<string, string>
        {
            ["StalkingProtection__Database__Provider"] = "Postgres",
            ["StalkingProtection__Database__ConnectionString"] = _database.ConnectionString,
            ["StalkingProtection__Proxy__KnownProxies__0"] = "127.0.0.1",
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        };
        var migrated = await ProgramProcess.RunAsync(settings, ["migrate"]);
        Assert.True(migrated.ExitCode == 0, migrated.Output);
        await using (var db = CreateContext())
        {
            (_, ApiKey) = await new ApiClientService(db, new AuditLog(db, TimeProvider.System), TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new ApiClientOptions()))
                .CreateAsync("Several instances", ApiScope.ReadWrite, _administrator);
        }

        var first = ServerProcess.StartAsync(settings, _probe, output: Logs[0].Enqueue);
        var second = ServerProcess.StartAsync(settings, _probe, output: Logs[1].Enqueue);
        Instances = await Task.WhenAll(first, second);

        var port = ServerProcess.FreePort();
        Nginx = new Uri($"http://127.0.0.1:{port}/");
        var config = Path.Combine(_folder, "nginx.conf");
        await File.WriteAllTextAsync(config, NginxConfig.For(_folder, port, Instances.Select(i => i.Address)));
        _nginx = Process.Start(new ProcessStartInfo("/usr/sbin/nginx", ["-p", _folder, "-e", Path.Combine(_folder, "error.log"), "-c", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(_nginx.HasExited, $"nginx exited: {await _nginx.StandardError.ReadToEndAsync()}");
            try
            {
                using var health = await _probe.GetAsync(new Uri(Nginx, "health/live"));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException) when (waited.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(50);
            }
        }
    }

    public HttpClient ApiClient(Uri address)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_nginx is { HasExited: false })
        {
            _nginx.Kill();
            await _nginx.WaitForExitAsync();
        }

        _nginx?.Dispose();
        foreach (var instance in Instances)
        {
            instance.Dispose();
        }

        _probe.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>nginx in front of several instances: the proxying part of deploy/nginx (the file a force includes) and one upstream.</summary>
public static class NginxConfig
{
    public static string For(string folder, int port, IEnumerable<Uri> instances) => $$"""
        daemon off;
        master_process off;
        worker_processes 1;
        pid {{folder}}/nginx.pid;
        error_log {{folder}}/error.log warn;
        events { worker_connections 256; }
        http {
            access_log off;
            client_body_temp_path {{folder}}/body;
            proxy_temp_path {{folder}}/proxy;
            fastcgi_temp_path {{folder}}/fastcgi;
            uwsgi_temp_path {{folder}}/uwsgi;
            scgi_temp_path {{folder}}/scgi;
            upstream stalking_protection { {{string.Concat(instances.Select(i => $"server {i.Host}:{i.Port}; "))}}keepalive 16; }
            server {
                listen 127.0.0.1:{{port}};
                include {{Path.Combine(RepositoryPaths.Root, "deploy", "nginx", "stalking-protection-proxy.conf")}};
            }
        }
        """;
}

[OwnDatabase]
public sealed partial class SeveralInstancesTests(TwoInstancesBehindNginx instances) : IClassFixture<TwoInstancesBehindNginx>
{
    private static object NewCase(string reference) => new
    {
        crimeReferences = new[] { reference },
        offences = new[] { "StalkingPha2A" },
        reportedOn = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-7),
        officerInCharge = "DC Priya Shah",
        team = "Leeds Stalking Team",
    };

    private static async Task<(HttpStatusCode Status, Guid Id)> OpenCaseAsync(HttpClient client, string key, string reference)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(NewCase(reference)) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, body);
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task P5_ReadsThroughNginx_AreServedByBothInstances_AndEachIsAudited()
    {
        // Arrange
        using var client = instances.ApiClient(instances.Nginx);
        var reference = $"13/{Random.Shared.Next(100_000, 999_999)}/26";
        var (_, caseId) = await OpenCaseAsync(client, $"read-{Guid.NewGuid():N}", reference);
        const int reads = 40;

        // Act
        var answers = await Task.WhenAll(Enumerable.Range(0, reads).Select(async _ =>
        {
            using var response = await client.GetAsync($"/api/v1/cases/{caseId}", TestContext.Current.CancellationToken);
            return response.StatusCode;
        }));

        // Assert
        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        var path = $"/api/v1/cases/{caseId}";
        var servedBy = instances.Logs.Select(log => log.Count(line => line.Contains("Request starting", StringComparison.Ordinal) && line.Contains(path, StringComparison.Ordinal))).ToList();
        Assert.All(servedBy, count => Assert.True(count > 0, $"One instance served none of the reads: {string.Join(", ", servedBy)}"));
        await using var db = instances.CreateContext();
        var consulted = await db.AuditEntries.AsNoTracking()
            .CountAsync(e => e.RecordId == caseId.ToString() && e.Kind == AuditKind.Consultation, TestContext.Current.CancellationToken);
        Assert.Equal(reads, consulted);
    }

    [Fact]
    public async Task P5_ACreateRetriedOnTheOtherInstance_WithItsIdempotencyKey_IsMadeOnce()
    {
        // Arrange
        using var first = instances.ApiClient(instances.Instances[0].Address);
        using var second = instances.ApiClient(instances.Instances[1].Address);
        var key = $"retry-{Guid.NewGuid():N}";
        var reference = $"13/{Random.Shared.Next(100_000, 999_999)}/26";

        // Act
        var made = await OpenCaseAsync(first, key, reference);
        var retried = await OpenCaseAsync(second, key, reference);

        // Assert
        Assert.Equal(HttpStatusCode.Created, made.Status);
        Assert.Equal(made.Id, retried.Id);
        await using var db = instances.CreateContext();
        var opened = await db.AuditEntries.AsNoTracking().CountAsync(e => e.Action == "Case.Opened" && e.RecordId == made.Id.ToString(), TestContext.Current.CancellationToken);
        Assert.Equal(1, opened);
        Assert.Equal(1, await db.Cases.AsNoTracking().CountAsync(c => c.Id == made.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task P5_AFormFromOneInstance_IsAcceptedByTheOther_BecauseTheyShareTheirDataProtectionKeys()
    {
        // Arrange: the sign-in form and its antiforgery cookie come from the first instance.
        using var browser = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        using var form = await browser.GetAsync(new Uri(instances.Instances[0].Address, "sign-in"), TestContext.Current.CancellationToken);
        var token = AntiforgeryToken().Match(await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Groups[1].Value;
        var cookies = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        // Act: posted, without an email address, to the second.
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(instances.Instances[1].Address, "sign-in"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Email"] = "", ["Password"] = "" }),
        };
        post.Headers.Add("Cookie", cookies);
        using var response = await browser.SendAsync(post, TestContext.Current.CancellationToken);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert: the second instance read the first one's token and answered the form itself.
        Assert.NotEqual("", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
