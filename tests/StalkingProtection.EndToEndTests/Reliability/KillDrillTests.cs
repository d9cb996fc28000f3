using System.Net.Http.Headers;
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
/// passes its own integrity check. Every run kills it 10 times, release mode (STALKING_PROTECTION_RELEASE=1) 1,000 times;
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

    private static int Kills => ReleaseMode.Setting("STALKING_PROTECTION_KILL_DRILL_KILLS", everyRun: 10, release: 1_000);

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
        var ledger = new WriteLedger();
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
            await ledger.SendWhatIsLeftAsync(client);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Kills} kills on {_provider}: {ledger.Cases.Count} cases and {ledger.Respondents.Count} respondents acknowledged, {ledger.RetriedAfterKill} writes retried after a kill");

        // Assert: the drill did what it says.
        Assert.Equal([], ledger.Unexpected.Distinct().Take(5));
        Assert.Equal(0, ledger.Unavailable);
        Assert.True(ledger.RetriedAfterKill > 0, "No kill caught a write in flight.");
        Assert.True(ledger.Cases.Count > Kills, $"Only {ledger.Cases.Count} cases were written.");

        await using var db = DatabaseSetup.CreateContext(_provider, _connectionString);
        await ledger.AssertAllAcknowledgedAreStoredAsync(db);
        Assert.Equal(["ok"], await WriteLedger.IntegrityCheckAsync(db, _provider));
    }

    private HttpClient Client(ServerProcess server)
    {
        var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _key);
        return client;
    }

    /// <summary>Writes until the program stops answering (it was killed) or the round ends.</summary>
    private static async Task WriteUntilStoppedAsync(HttpClient client, WriteLedger ledger, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested && await ledger.SendAsync(client, ledger.Next(), stop) is not (WriteAnswer.NoAnswer or WriteAnswer.Unavailable))
        {
        }
    }
}
