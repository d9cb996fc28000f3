using System.Diagnostics;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using StalkingProtection.Core.Data;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Infrastructure.Demo;

namespace StalkingProtection.Web.Tests.Infrastructure.Startup;

/// <summary>
/// RL6: a restore drill in every run, on the database the suite runs on. A database holding the demo force is backed up
/// the way docs/operations/backup-and-restore.md says (SQLite's online backup; pg_dump for PostgreSQL), restored into an
/// empty database, and every table's row count and checksum compared.
/// </summary>
public sealed class BackupRestoreDrillTests : IAsyncLifetime
{
    private static readonly DateOnly _today = new(2026, 11, 28);
    private TestDatabase _original = null!;
    private TestDatabase _restored = null!;

    public async ValueTask InitializeAsync()
    {
        _original = await TestDatabase.CreateAsync();
        await using (var context = _original.CreateContext())
        {
            await new DemoCases(context, _today, "demo-officer", "PC Demo Officer", "Demo Team").SeedAsync();
            context.ChangeTracker.Clear();
            await new DemoTriage(context, new EphemeralDataProtectionProvider(), TestClock.At(_today).GetUtcNow(), "demo-officer", "PC Demo Officer", "Demo Team")
                .SeedAsync();
        }

        _restored = await TestDatabase.CreateEmptyAsync(_original.Provider);
        await BackUpAndRestoreAsync(_original, _restored);
    }

    public async ValueTask DisposeAsync()
    {
        await _restored.DisposeAsync();
        await _original.DisposeAsync();
    }

    private static async Task<IReadOnlyList<TableChecksum>> ChecksumsAsync(TestDatabase database)
    {
        await using var context = database.CreateContext();
        return await DatabaseBackup.ChecksumsAsync(context, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task RL6_BackupRestoredIntoAnEmptyDatabase_HoldsEveryRowOfEveryTable()
    {
        // Act
        var original = await ChecksumsAsync(_original);
        var restored = await ChecksumsAsync(_restored);

        // Assert
        Assert.Equal(original, restored);
        Assert.Contains(original, t => t.Table == "orders" && t.Rows >= DemoCases.LiveOrders);
        Assert.Contains(original, t => t.Table == "audit_entries" && t.Rows > 100);
        Assert.Contains(original, t => t.Table == DatabaseSetup.MigrationsHistoryTable && t.Rows > 0);
        await using var context = _restored.CreateContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        if (_restored.Provider == DatabaseProvider.Sqlite)
        {
            var integrity = await context.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(["ok"], integrity);
        }
    }

    [Fact]
    public async Task RL6_RestoredCopyWithOneValueChanged_DiffersInThatTableAlone()
    {
        // Arrange: the comparison must notice a single changed value, or the drill proves nothing.
        await using (var context = _restored.CreateContext())
        {
            var caseId = await context.Cases.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(TestContext.Current.CancellationToken);
            var changed = await context.Cases.Where(c => c.Id == caseId)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Team, "Restored Team"), TestContext.Current.CancellationToken);
            Assert.Equal(1, changed);
        }

        // Act
        var original = await ChecksumsAsync(_original);
        var restored = await ChecksumsAsync(_restored);

        // Assert
        var differing = original.Zip(restored).Where(p => p.First != p.Second).Select(p => p.First.Table).ToList();
        Assert.Equal(["cases"], differing);
        Assert.Equal(original.Single(t => t.Table == "cases").Rows, restored.Single(t => t.Table == "cases").Rows);
    }

    private static async Task BackUpAndRestoreAsync(TestDatabase original, TestDatabase restored)
    {
        if (original.Provider == DatabaseProvider.Sqlite)
        {
            var target = new SqliteConnectionStringBuilder(restored.ConnectionString).DataSource;
            DatabaseBackup.BackupSqlite(original.ConnectionString, target);
            return;
        }

        var dump = Path.Combine(Path.GetTempPath(), $"sp-drill-{Guid.NewGuid():N}.dump");
        try
        {
            var from = new NpgsqlConnectionStringBuilder(original.ConnectionString);
            var to = new NpgsqlConnectionStringBuilder(restored.ConnectionString);
            await RunAsync("pg_dump", from, ["--format=custom", $"--file={dump}", from.Database!]);
            await RunAsync("pg_restore", to, ["--no-owner", "--exit-on-error", $"--dbname={to.Database}", dump]);
        }
        finally
        {
            File.Delete(dump);
        }
    }

    private static async Task RunAsync(string tool, NpgsqlConnectionStringBuilder server, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(PostgresTool(tool), ["--host", server.Host!, "--port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--username", server.Username!, .. arguments])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        if (!string.IsNullOrEmpty(server.Password))
        {
            start.Environment["PGPASSWORD"] = server.Password;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}: {await error}");
    }

    /// <summary>Debian keeps the client tools of each PostgreSQL version under /usr/lib/postgresql; the newest wins.</summary>
    private static string PostgresTool(string name) =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", name)).Where(File.Exists)
                .OrderByDescending(p => p, StringComparer.Ordinal).FirstOrDefault() ?? name
            : name;
}
