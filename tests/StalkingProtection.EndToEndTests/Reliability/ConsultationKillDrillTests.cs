using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Integration;
using StalkingProtection.EndToEndTests.Startup;
using StalkingProtection.TestCommon;

namespace StalkingProtection.EndToEndTests.Reliability;

/// <summary>
/// DPA 2018 s.62: the real program is killed with SIGKILL while 32 API clients read a case at once, their consultation
/// entries committed together by the shared writer. Each read carries a trace id of its own, which the audit entry keeps
/// as its correlation id; afterwards every read that was answered 200 has its entry in the database: no answer was given
/// before its entry was durable. Every run kills it twice, release mode (STALKING_PROTECTION_RELEASE=1) 50 times;
/// STALKING_PROTECTION_CONSULTATION_KILL_DRILL_KILLS sets the number outright.
/// </summary>
public sealed class ConsultationKillDrillTests : IAsyncLifetime
{
    private const int Readers = 32;
    private static readonly Actor _administrator = new("drill-admin", "Kill Drill", "Administrator", "Service");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"sp-consultation-drill-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string> _settings = [];
    private readonly DatabaseProvider _provider = TestDatabase.ConfiguredProvider;
    private TestDatabase? _postgres;
    private string _connectionString = "";
    private string _key = "";

    private static int Kills => ReleaseMode.Setting("STALKING_PROTECTION_CONSULTATION_KILL_DRILL_KILLS", everyRun: 2, release: 50);

    public async ValueTask InitializeAsync()
    {
        if (_provider == DatabaseProvider.Postgres)
        {
            _postgres = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres);
            _connectionString = _postgres.ConnectionString;
            _settings["StalkingProtection__Database__Provider"] = "Postgres";
            _settings["StalkingProtection__Database__ConnectionString"] = _connectionString;
        }
        else
        {
            _connectionString = $"Data Source={Path.Combine(_folder, "stalking-protection.db")}";
            _settings["StalkingProtection__Database__DataDirectory"] = _folder;
        }

        var migrated = await ProgramProcess.RunAsync(_settings, ["migrate"]);
        Assert.True(migrated.ExitCode == 0, migrated.Output);
        await using var db = DatabaseSetup.CreateContext(_provider, _connectionString);
        (_, _key) = await new ApiClientService(db, new AuditLog(db, TimeProvider.System), TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new ApiClientOptions()))
            .CreateAsync("Consultation kill drill", ApiScope.ReadWrite, _administrator);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (Directory.Exists(_folder))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task ProgramKilledDuringConcurrentReads_GaveNoAnswerWhoseConsultationEntryIsMissing()
    {
        // Arrange: one case to read.
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var answered = new ConcurrentBag<string>();
        var unexpected = new ConcurrentBag<string>();
        var cut = 0;
        var pause = new Random(2019);
        Guid caseId;
        using (var server = await ServerProcess.StartAsync(_settings, probe))
        {
            using var client = Client(server);
            caseId = await OpenCaseAsync(client);
        }

        // Act: each round reads for a moment with 32 clients at once and is killed mid-flight.
        for (var kill = 0; kill < Kills; kill++)
        {
            using var server = await ServerProcess.StartAsync(_settings, probe);
            using var client = Client(server);
            using var stop = new CancellationTokenSource();
            var readers = Enumerable.Range(0, Readers)
                .Select(_ => Task.Run(async () =>
                {
                    if (!await ReadUntilStoppedAsync(client, caseId, answered, unexpected, stop.Token))
                    {
                        Interlocked.Increment(ref cut);
                    }
                }))
                .ToList();
            var answeredBefore = answered.Count;
            for (var waited = 0; answered.Count == answeredBefore && waited < 15_000; waited += 10)
            {
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }

            await Task.Delay(pause.Next(500, 2_000), TestContext.Current.CancellationToken);
            server.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(readers);
        }

        // The program comes back and reads again.
        using (var last = await ServerProcess.StartAsync(_settings, probe))
        {
            using var client = Client(last);
            Assert.True(await ReadAsync(client, caseId, answered, unexpected, CancellationToken.None), "A read failed with the program running.");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{Kills} kills on {_provider}: {answered.Count} reads answered, {cut} readers cut off by a kill");

        // Assert: the drill did what it says.
        Assert.Equal([], unexpected.Distinct().Take(5));
        Assert.True(cut > 0, "No kill caught a read in flight.");
        Assert.True(answered.Count > Kills * Readers, $"Only {answered.Count} reads were answered.");

        // Every answered read has its consultation entry, naming the case.
        await using var db = DatabaseSetup.CreateContext(_provider, _connectionString);
        var audited = (await db.AuditEntries.AsNoTracking()
                .Where(e => e.Action == "Api.StalkingCase.Read" && e.Kind == AuditKind.Consultation && e.RecordId == caseId.ToString())
                .Select(e => e.CorrelationId).ToListAsync(TestContext.Current.CancellationToken))
            .ToHashSet();
        var missing = answered.Where(trace => !audited.Contains(trace)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {answered.Count} answered reads have no consultation entry, e.g. trace {missing.FirstOrDefault()}.");
    }

    private HttpClient Client(ServerProcess server)
    {
        var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _key);
        return client;
    }

    private static async Task<Guid> OpenCaseAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases")
        {
            Content = JsonContent.Create(new
            {
                crimeReferences = new[] { "13/000001/26" },
                offences = new[] { "StalkingPha2A" },
                reportedOn = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-7),
                officerInCharge = "DC Priya Shah",
                team = "Leeds Stalking Team",
            }),
        };
        request.Headers.Add("Idempotency-Key", "consultation-drill-case");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Reads until stopped; false when the program is gone.</summary>
    private static async Task<bool> ReadUntilStoppedAsync(
        HttpClient client, Guid caseId, ConcurrentBag<string> answered, ConcurrentBag<string> unexpected, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (!await ReadAsync(client, caseId, answered, unexpected, stop))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One read under a trace id of its own, kept once the program has answered 200; false when the program is gone.</summary>
    private static async Task<bool> ReadAsync(
        HttpClient client, Guid caseId, ConcurrentBag<string> answered, ConcurrentBag<string> unexpected, CancellationToken stop)
    {
        var trace = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cases/{caseId}");
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        try
        {
            using var response = await client.SendAsync(request, stop);
            var body = await response.Content.ReadAsStringAsync(stop);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                unexpected.Add($"{(int)response.StatusCode}: {body}");
                return true;
            }

            Assert.Equal(caseId, JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid());
            answered.Add(trace);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            return false;
        }
    }
}
