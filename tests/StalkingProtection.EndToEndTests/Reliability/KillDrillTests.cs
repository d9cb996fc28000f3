using System.Collections.Concurrent;
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
/// RL1: the real program is killed with SIGKILL again and again while four writers open cases and record their
/// respondents through the API, on the database the suite runs on. Afterwards every write the program acknowledged is
/// there with its audit entry, a create retried with its Idempotency-Key after a kill was made once, and the database
/// passes its own integrity check. Every run kills it 20 times, release mode (STALKING_PROTECTION_RELEASE=1) 1,000 times;
/// STALKING_PROTECTION_KILL_DRILL_KILLS sets the number outright.
/// </summary>
public sealed class KillDrillTests : IAsyncLifetime
{
    private const int Writers = 4;
    private static readonly Actor _administrator = new("drill-admin", "Kill Drill", "Administrator", "Service");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"sp-kill-drill-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string> _settings = [];
    private readonly DatabaseProvider _provider = TestDatabase.ConfiguredProvider;
    private TestDatabase? _postgres;
    private string _connectionString = "";
    private string _key = "";

    private static int Kills => ReleaseMode.Setting("STALKING_PROTECTION_KILL_DRILL_KILLS", everyRun: 20, release: 1_000);

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
            .CreateAsync("Kill drill", ApiScope.ReadWrite, _administrator);
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
    public async Task RL1_ProgramKilledDuringWrites_LosesNoAcknowledgedWriteAndMakesNoRetriedCreateTwice()
    {
        // Arrange
        var ledger = new Ledger();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var pause = new Random(2019);

        // Act: each round retries what the last kill left unanswered, writes for a moment, and is killed mid-flight.
        for (var kill = 0; kill < Kills; kill++)
        {
            using var server = await ServerProcess.StartAsync(_settings, probe);
            using var client = Client(server);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(() => WriteUntilStoppedAsync(client, ledger, stop.Token))).ToList();
            // Kill once writes are being answered (the first ones after a start wait for the program to warm up), at a random moment.
            var answeredBefore = Volatile.Read(ref ledger.Answered);
            for (var waited = 0; Volatile.Read(ref ledger.Answered) == answeredBefore && waited < 15_000; waited += 10)
            {
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }

            await Task.Delay(pause.Next(20, 400), TestContext.Current.CancellationToken);
            server.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        using (var last = await ServerProcess.StartAsync(_settings, probe))
        {
            using var client = Client(last);
            foreach (var queue in new[] { ledger.Unanswered, ledger.AwaitingRespondent })
            {
                while (queue.TryDequeue(out var write))
                {
                    Assert.True(await SendAsync(client, ledger, write, CancellationToken.None), $"{write.Path} failed with the program running.");
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Kills} kills on {_provider}: {ledger.Cases.Count} cases and {ledger.Respondents.Count} respondents acknowledged, {ledger.RetriedAfterKill} writes retried after a kill");

        // Assert: the drill did what it says.
        Assert.Equal([], ledger.Unexpected.Distinct().Take(5));
        Assert.True(ledger.RetriedAfterKill > 0, "No kill caught a write in flight.");
        Assert.True(ledger.Cases.Count > Kills, $"Only {ledger.Cases.Count} cases were written.");

        // Every acknowledged case is there, once, with its audit entry; no retried create made a second case.
        await using var db = DatabaseSetup.CreateContext(_provider, _connectionString);
        var stored = await db.Cases.AsNoTracking().Select(c => new { c.Id, c.CrimeReferences, c.RespondentId }).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(ledger.Cases.Count, stored.Count);
        var byId = stored.ToDictionary(c => c.Id);
        foreach (var (reference, id) in ledger.Cases)
        {
            Assert.True(byId.TryGetValue(id, out var found), $"Acknowledged case {id} ({reference}) was lost.");
            Assert.Equal(reference, found.CrimeReferences);
        }

        Assert.Equal(stored.Count, stored.Select(c => c.CrimeReferences).Distinct().Count());
        var audited = (await db.AuditEntries.AsNoTracking().Where(e => e.Action == "Case.Opened").Select(e => e.RecordId).ToListAsync(TestContext.Current.CancellationToken))
            .ToHashSet();
        Assert.All(ledger.Cases.Values, id => Assert.Contains(id.ToString(), audited));

        // Every acknowledged respondent is the respondent of its case.
        Assert.NotEmpty(ledger.Respondents);
        foreach (var (caseId, respondentId) in ledger.Respondents)
        {
            Assert.Equal(respondentId, byId[caseId].RespondentId);
        }

        Assert.Equal(ledger.Respondents.Count, await db.Respondents.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["ok"], await IntegrityCheckAsync(db));
    }

    private HttpClient Client(ServerProcess server)
    {
        var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _key);
        return client;
    }

    private static async Task WriteUntilStoppedAsync(HttpClient client, Ledger ledger, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (!ledger.Unanswered.TryDequeue(out var write) && (Random.Shared.Next(2) == 0 || !ledger.AwaitingRespondent.TryDequeue(out write)))
            {
                write = ledger.NewCase();
            }

            if (!await SendAsync(client, ledger, write, stop))
            {
                return;
            }
        }
    }

    /// <summary>Sends one write; false when the program is gone, leaving the write to be retried with the same key.</summary>
    private static async Task<bool> SendAsync(HttpClient client, Ledger ledger, Write write, CancellationToken stop)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, write.Path) { Content = JsonContent.Create(write.Body) };
        request.Headers.Add("Idempotency-Key", write.Key);
        HttpResponseMessage response;
        string body;
        try
        {
            response = await client.SendAsync(request, stop);
            body = await response.Content.ReadAsStringAsync(stop);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            write.Attempts++;
            (write.CaseId is null ? ledger.Unanswered : ledger.AwaitingRespondent).Enqueue(write);
            return false;
        }

        using (response)
        {
            if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
            {
                ledger.Unexpected.Add($"{write.Path} {(int)response.StatusCode}: {body}");
                return true;
            }

            Interlocked.Increment(ref ledger.Answered);
            if (write.Attempts > 0)
            {
                Interlocked.Increment(ref ledger.RetriedAfterKill);
            }

            var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
            if (write.CaseId is { } caseId)
            {
                ledger.Respondents[caseId] = id;
            }
            else
            {
                ledger.Cases[write.Reference] = id;
                ledger.AwaitingRespondent.Enqueue(Ledger.RespondentFor(id, write.Reference));
            }
        }

        return true;
    }

    private async Task<List<string>> IntegrityCheckAsync(StalkingProtectionDbContext db)
    {
        if (_provider == DatabaseProvider.Sqlite)
        {
            return await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync(TestContext.Current.CancellationToken);
        }

        // amcheck: every B-tree index against its table, and every table's pages; either raises or lists the corruption found.
        await db.Database.ExecuteSqlRawAsync("CREATE EXTENSION IF NOT EXISTS amcheck", TestContext.Current.CancellationToken);
        await db.Database.SqlQueryRaw<int>("""
            SELECT 1 AS "Value" FROM (
                SELECT bt_index_check(c.oid, true) FROM pg_index i
                JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE a.amname = 'btree' AND n.nspname = 'public') checked
            """).ToListAsync(TestContext.Current.CancellationToken);
        var corrupt = await db.Database.SqlQueryRaw<string>("""
            SELECT c.relname || ': ' || v.msg AS "Value" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
                LATERAL verify_heapam(c.oid) v
            WHERE c.relkind = 'r' AND n.nspname = 'public'
            """).ToListAsync(TestContext.Current.CancellationToken);
        return corrupt.Count == 0 ? ["ok"] : corrupt;
    }

    private sealed class Write(string key, string path, object body, string reference, Guid? caseId)
    {
        public string Key { get; } = key;

        public string Path { get; } = path;

        public object Body { get; } = body;

        public string Reference { get; } = reference;

        public Guid? CaseId { get; } = caseId;

        public int Attempts { get; set; }
    }

    private sealed class Ledger
    {
        private int _cases;
        public int RetriedAfterKill;
        public int Answered;

        public ConcurrentDictionary<string, Guid> Cases { get; } = new();

        public ConcurrentDictionary<Guid, Guid> Respondents { get; } = new();

        public ConcurrentQueue<Write> Unanswered { get; } = new();

        public ConcurrentQueue<Write> AwaitingRespondent { get; } = new();

        public ConcurrentBag<string> Unexpected { get; } = [];

        public Write NewCase()
        {
            var n = Interlocked.Increment(ref _cases);
            var reference = $"13/{n:000000}/26";
            var reportedOn = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-7);
            return new Write($"drill-case-{n}", "/api/v1/cases", new
            {
                crimeReferences = new[] { reference },
                offences = new[] { "StalkingPha2A" },
                reportedOn,
                officerInCharge = "DC Priya Shah",
                team = "Leeds Stalking Team",
            }, reference, null);
        }

        public static Write RespondentFor(Guid caseId, string reference) =>
            new($"drill-respondent-{caseId:N}", $"/api/v1/cases/{caseId}/respondent", new
            {
                givenNames = "Mark",
                familyName = "Drill",
                dateOfBirth = new DateOnly(1985, 3, 14),
                gender = "Male",
                homeAddress = "1 Example Street, Leeds LS1 1AA",
                homeAddressPoliceArea = "WestYorkshire",
                livingThereSince = new DateOnly(2020, 6, 1),
            }, reference, caseId);
    }
}
