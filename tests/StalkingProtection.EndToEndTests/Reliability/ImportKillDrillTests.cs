using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Import;
using StalkingProtection.EndToEndTests.Startup;
using StalkingProtection.TestCommon;

namespace StalkingProtection.EndToEndTests.Reliability;

/// <summary>
/// RL1 for the tracker import (docs/import-tracker.md): the real program's <c>import FILE</c> is killed with SIGKILL at
/// seeded random points of a generated tracker, then run again to the end; the register it leaves is the register a clean
/// run of the same file leaves on another fresh database, on the database the suite runs on. The killed runs write the bulk
/// path's rows in chunks of 4 (the clean run in its default chunks), so kills land inside chunks and between them.
/// Every run kills it 5 times over 100 rows, release mode (STALKING_PROTECTION_RELEASE=1) 50 times over 1,000 rows;
/// STALKING_PROTECTION_IMPORT_KILL_DRILL_KILLS and STALKING_PROTECTION_IMPORT_KILL_DRILL_ROWS set them outright.
/// </summary>
public sealed class ImportKillDrillTests : IAsyncLifetime
{
    private static readonly TimeSpan _importLimit = TimeSpan.FromMinutes(15);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"sp-import-drill-{Guid.NewGuid():N}");
    private readonly DatabaseProvider _provider = TestDatabase.ConfiguredProvider;
    private readonly List<TestDatabase> _postgres = [];
    private Database _clean = null!;
    private Database _killed = null!;
    private string _tracker = "";

    private static int Kills => ReleaseMode.Setting("STALKING_PROTECTION_IMPORT_KILL_DRILL_KILLS", everyRun: 5, release: 50);

    private static int Rows => ReleaseMode.Setting("STALKING_PROTECTION_IMPORT_KILL_DRILL_ROWS", everyRun: 100, release: 1_000);

    private sealed record Database(Dictionary<string, string> Settings, string ConnectionString);

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _tracker = Path.Combine(_folder, "tracker.csv");
        await File.WriteAllTextAsync(_tracker, TrackerGenerator.Csv(Rows, seed: 2019), TestContext.Current.CancellationToken);
        _clean = await CreateAsync("clean");
        _killed = await CreateAsync("killed");
    }

    private async Task<Database> CreateAsync(string name)
    {
        Database database;
        if (_provider == DatabaseProvider.Postgres)
        {
            var postgres = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres);
            _postgres.Add(postgres);
            database = new(new()
            {
                ["StalkingProtection__Database__Provider"] = "Postgres",
                ["StalkingProtection__Database__ConnectionString"] = postgres.ConnectionString,
            }, postgres.ConnectionString);
        }
        else
        {
            var folder = Path.Combine(_folder, name);
            database = new(new() { ["StalkingProtection__Database__DataDirectory"] = folder }, $"Data Source={Path.Combine(folder, "stalking-protection.db")}");
        }

        if (name == "killed")
        {
            database.Settings["StalkingProtection__Import__BulkChunkSize"] = "4";
        }

        var migrated = await ProgramProcess.RunAsync(database.Settings, ["migrate"]);
        Assert.True(migrated.ExitCode == 0, migrated.Output);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var postgres in _postgres)
        {
            await postgres.DisposeAsync();
        }

        if (Directory.Exists(_folder))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task RL1_ImportKilledAtRandomPoints_RunAgainEndsWithTheRegisterOfACleanRun()
    {
        // Arrange
        var clean = await ProgramProcess.RunAsync(_clean.Settings, ["import", _tracker], timeLimit: _importLimit);
        Assert.True(clean.ExitCode == 0, clean.Output);
        var random = new Random(2019);
        var caughtRunning = 0;

        // Act: each round lets the import commit a random number of rows more, waits a random moment into the next row, and kills it.
        for (var kill = 0; kill < Kills; kill++)
        {
            var before = await ImportedRowsAsync(_killed);
            var target = before + random.Next(1, Math.Max(2, Rows / (Kills + 1)));
            using var process = Process.Start(ProgramProcess.StartInfo(_killed.Settings, ["import", _tracker]))!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var waited = Stopwatch.StartNew();
            while (!process.HasExited && await ImportedRowsAsync(_killed) < target && waited.Elapsed < _importLimit)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }

            await Task.Delay(random.Next(0, 80), TestContext.Current.CancellationToken);
            if (!process.HasExited)
            {
                caughtRunning++;
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var resumed = await ProgramProcess.RunAsync(_killed.Settings, ["import", _tracker], timeLimit: _importLimit);

        // Assert: every kill landed mid-import, the last run finished the file, and the register is the clean run's.
        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Equal(Kills, caughtRunning);
        var imported = await ImportedRowsAsync(_killed);
        TestContext.Current.TestOutputHelper?.WriteLine($"{Kills} kills on {_provider} over {Rows} rows; {imported} rows imported in the end.");
        Assert.Equal(Rows, imported);
        Assert.Equal(await CountsAsync(_clean), await CountsAsync(_killed));
        Assert.Equal(await RegisterAsync(_clean), await RegisterAsync(_killed));
    }

    private StalkingProtectionDbContext Context(Database database) => DatabaseSetup.CreateContext(_provider, database.ConnectionString);

    private async Task<int> ImportedRowsAsync(Database database)
    {
        await using var db = Context(database);
        return await db.TrackerImportedRows.CountAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The register as the export writes it, one line per order in reference order: ids differ between databases, the register does not.</summary>
    private async Task<List<string>> RegisterAsync(Database database)
    {
        await using var db = Context(database);
        var ids = await db.Orders.AsNoTracking().Select(o => o.Id).ToListAsync(TestContext.Current.CancellationToken);
        var rows = await TrackerExport.RowsAsync(db, ids, TestContext.Current.CancellationToken);
        return [.. rows.Select(r => string.Join(" | ", Enum.GetValues<TrackerColumn>().Select(c => r[c]))).Order(StringComparer.Ordinal)];
    }

    /// <summary>How many of each record there are: a row half-recorded by a killed run and recorded again would add to them.</summary>
    private async Task<List<string>> CountsAsync(Database database)
    {
        await using var db = Context(database);
        var ct = TestContext.Current.CancellationToken;
        return
        [
            $"people {await db.People.CountAsync(ct)}",
            $"respondents {await db.Respondents.CountAsync(ct)}",
            $"cases {await db.Cases.CountAsync(ct)}",
            $"victims {await db.Victims.CountAsync(ct)}",
            $"decisions {await db.SpoDecisions.CountAsync(ct)}",
            $"applications {await db.Applications.CountAsync(ct)}",
            $"hearings {await db.Hearings.CountAsync(ct)}",
            $"orders {await db.Orders.CountAsync(ct)}",
            $"condition sets {await db.ConditionSets.CountAsync(ct)}",
            $"conditions {await db.Conditions.CountAsync(ct)}",
            $"order changes {await db.OrderChanges.CountAsync(ct)}",
            $"notification obligations {await db.NotificationObligations.CountAsync(ct)}",
            $"notifications {await db.NotificationEvents.CountAsync(ct)}",
            $"breaches {await db.Breaches.CountAsync(ct)}",
            $"staff tasks {await db.StaffTasks.CountAsync(ct)}",
            $"case events {await db.CaseEvents.CountAsync(ct)}",
            $"imported rows {await db.TrackerImportedRows.CountAsync(ct)}",
        ];
    }
}
