using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Npgsql;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Integration;
using StalkingProtection.EndToEndTests.Startup;
using StalkingProtection.TestCommon;

namespace StalkingProtection.EndToEndTests.Reliability;

/// <summary>
/// RL2: the PostgreSQL server is killed with SIGKILL, every one of its processes at once, again and again while four writers
/// open cases and record their respondents through the API of one published program that keeps running throughout. While
/// the server is down the program answers 503 (health and writes alike), never 500; once the server is back it recovers by
/// itself; afterwards every write it acknowledged is there with its audit entry, a create retried with its
/// Idempotency-Key was made once, and amcheck finds no corruption. The server is the test's own, so the suite runs this once, on its
/// SQLite pass (<see cref="OwnDatabaseAttribute"/>). Every run kills it 5 times, release mode (STALKING_PROTECTION_RELEASE=1) 50 times;
/// STALKING_PROTECTION_POSTGRES_KILL_DRILL_KILLS sets the number outright.
/// </summary>
[OwnDatabase]
public sealed class PostgresKillDrillTests : IAsyncLifetime
{
    private const int Writers = 4;
    private static readonly Actor _administrator = new("drill-admin", "Kill Drill", "Administrator", "Service");
    private readonly Dictionary<string, string> _settings = [];
    private PostgresServer _postgres = null!;
    private string _connectionString = "";
    private string _key = "";

    private static int Kills => ReleaseMode.Setting("STALKING_PROTECTION_POSTGRES_KILL_DRILL_KILLS", everyRun: 5, release: 50);

    public async ValueTask InitializeAsync()
    {
        _postgres = await PostgresServer.StartNewAsync();
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_postgres.ConnectionString("postgres")) { Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE sp_drill", admin);
            await create.ExecuteNonQueryAsync();
        }

        _connectionString = _postgres.ConnectionString("sp_drill");
        _settings["StalkingProtection__Database__Provider"] = "Postgres";
        _settings["StalkingProtection__Database__ConnectionString"] = _connectionString;
        var migrated = await ProgramProcess.RunAsync(_settings, ["migrate"]);
        Assert.True(migrated.ExitCode == 0, migrated.Output);
        await using var db = DatabaseSetup.CreateContext(DatabaseProvider.Postgres, _connectionString);
        (_, _key) = await new ApiClientService(db, new AuditLog(db, TimeProvider.System), TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new ApiClientOptions()))
            .CreateAsync("PostgreSQL kill drill", ApiScope.ReadWrite, _administrator);
    }

    public async ValueTask DisposeAsync() => await _postgres.DisposeAsync();

    [Fact]
    public async Task RL2_PostgresKilledDuringWrites_LosesNoAcknowledgedCommit_Answers503WhileDown_AndRecoversByItself()
    {
        // Arrange
        var ledger = new WriteLedger();
        var output = new ConcurrentQueue<string>();
        var readyWhileDown = new List<HttpStatusCode?>();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var pause = new Random(2019);
        using var program = await ServerProcess.StartAsync(_settings, probe, output: output.Enqueue);
        using var client = new HttpClient { BaseAddress = program.Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _key);
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(() => WriteUntilStoppedAsync(client, ledger, stop.Token))).ToList();
        string Tail() => string.Join('\n', output.TakeLast(40));
        string Errors() => string.Join('\n', output.Where(line => line.Contains("Unhandled error", StringComparison.Ordinal)).Take(3));

        // Act: each round waits for writes to be acknowledged, kills the database server mid-flight, asks the program how
        // it is while the server is down, then starts the server again and waits for the program to be ready by itself.
        for (var kill = 0; kill < Kills; kill++)
        {
            var answeredBefore = Volatile.Read(ref ledger.Answered);
            for (var waited = 0; Volatile.Read(ref ledger.Answered) == answeredBefore && waited < 60_000; waited += 10)
            {
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }

            Assert.True(Volatile.Read(ref ledger.Answered) > answeredBefore, $"No write was acknowledged before kill {kill + 1}.\n{Tail()}");
            await Task.Delay(pause.Next(20, 400), TestContext.Current.CancellationToken);
            _postgres.Kill();
            readyWhileDown.Add(await StatusAsync(probe, program, "health/ready"));
            await Task.Delay(pause.Next(100, 1_000), TestContext.Current.CancellationToken);
            await _postgres.StartAsync();
            Assert.True(await ReadyWithinAsync(probe, program, TimeSpan.FromSeconds(60)),
                $"The program was not ready within 60 s of the database server's restart {kill + 1}.\n{Tail()}");
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);
        Assert.False(program.HasExited, $"The program exited during the drill.\n{Tail()}");
        await ledger.SendWhatIsLeftAsync(client);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Kills} kills of PostgreSQL: {ledger.Cases.Count} cases and {ledger.Respondents.Count} respondents acknowledged, " +
            $"{ledger.Unavailable} writes answered 503, {ledger.RetriedAfterKill} writes acknowledged on a retry");

        // Assert: while the server was down the program said so, and never failed otherwise.
        Assert.True(ledger.Unexpected.IsEmpty, $"Unexpected answers: {string.Join("; ", ledger.Unexpected.Distinct().Take(5))}\nErrors logged:\n{Errors()}");
        Assert.All(readyWhileDown, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        Assert.True(ledger.Unavailable > 0, "No write was answered 503 while the database server was down.");
        Assert.True(ledger.RetriedAfterKill > 0, "No kill caught a write in flight.");
        Assert.True(ledger.Cases.Count > Kills, $"Only {ledger.Cases.Count} cases were written.");

        // No acknowledged commit was lost, no retried create was made twice, and the database is sound. Read on a connection of
        // its own: the test's pool still holds connections to the server killed first.
        await using var db = DatabaseSetup.CreateContext(DatabaseProvider.Postgres,
            new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false }.ConnectionString);
        await ledger.AssertAllAcknowledgedAreStoredAsync(db);
        Assert.Equal(["ok"], await WriteLedger.IntegrityCheckAsync(db, DatabaseProvider.Postgres));
    }

    /// <summary>Writes until the drill ends; while the database is down each write answers 503 and is queued again.</summary>
    private static async Task WriteUntilStoppedAsync(HttpClient client, WriteLedger ledger, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (await ledger.SendAsync(client, ledger.Next(), stop) is WriteAnswer.NoAnswer or WriteAnswer.Unavailable && !stop.IsCancellationRequested)
            {
                await Task.Delay(50, CancellationToken.None);
            }
        }
    }

    private static async Task<HttpStatusCode?> StatusAsync(HttpClient probe, ServerProcess program, string path)
    {
        try
        {
            using var response = await probe.GetAsync(new Uri(program.Address, path), TestContext.Current.CancellationToken);
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private static async Task<bool> ReadyWithinAsync(HttpClient probe, ServerProcess program, TimeSpan limit)
    {
        var until = DateTimeOffset.UtcNow + limit;
        while (DateTimeOffset.UtcNow < until)
        {
            if (await StatusAsync(probe, program, "health/ready") == HttpStatusCode.OK)
            {
                return true;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return false;
    }
}
