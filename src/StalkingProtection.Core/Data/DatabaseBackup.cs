using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace StalkingProtection.Core.Data;

/// <summary>One table's row count and a SHA-256 over every row in key order, to show a restored copy holds what the original did.</summary>
public sealed record TableChecksum(string Table, long Rows, string Sha256)
{
    public override string ToString() => $"{Table} {Rows} {Sha256}";
}

/// <summary>
/// Backups and restore drills (RL6). SQLite is copied with its online backup API, which gives a consistent copy while
/// the service keeps writing; PostgreSQL is backed up with its own tools (pg_dump, or base backups with WAL archiving,
/// docs/operations/backup-and-restore.md). Either way the checksums of the copy must equal those of the original.
/// </summary>
public static class DatabaseBackup
{
    /// <summary>Copies the SQLite database to <paramref name="targetFile"/>, which must not exist yet.</summary>
    public static void BackupSqlite(string connectionString, string targetFile)
    {
        var sourceFile = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (!File.Exists(sourceFile))
        {
            throw new FileNotFoundException($"there is no database at {sourceFile} to back up.", sourceFile);
        }

        if (File.Exists(targetFile))
        {
            throw new IOException($"{targetFile} already exists: choose a new file for the backup.");
        }

        using var source = new SqliteConnection(connectionString);
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = targetFile, Pooling = false }.ConnectionString);
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    /// <summary>Every table the model maps, and the migrations history, with its row count and checksum, by table name.</summary>
    public static async Task<IReadOnlyList<TableChecksum>> ChecksumsAsync(StalkingProtectionDbContext db, CancellationToken ct = default)
    {
        var tables = db.Model.GetEntityTypes()
            .Where(t => t.GetTableName() is not null && t.GetViewName() is null && t.BaseType is null)
            .GroupBy(t => t.GetTableName()!)
            .Select(g =>
            {
                var owner = g.FirstOrDefault(t => !t.IsOwned()) ?? g.First();
                var table = StoreObjectIdentifier.Table(g.Key, owner.GetSchema());
                var key = owner.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName(table)!).ToList();
                return (Name: g.Key, Key: key);
            })
            .Append((Name: DatabaseSetup.MigrationsHistoryTable, Key: ["migration_id"]))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            var checksums = new List<TableChecksum>();
            foreach (var (name, key) in tables)
            {
                checksums.Add(await ChecksumAsync(connection, name, key, ct));
            }

            return checksums;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static async Task<TableChecksum> ChecksumAsync(DbConnection connection, string table, IReadOnlyList<string> key, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // table and column names come from the EF Core model, never from input
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {string.Join(", ", key.Select(k => $"\"{k}\""))}";
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync(ct);
        var columns = Enumerable.Range(0, reader.FieldCount).OrderBy(reader.GetName, StringComparer.Ordinal).ToList();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(string.Join('\u001f', columns.Select(reader.GetName)) + '\u001e'));
        long rows = 0;
        while (await reader.ReadAsync(ct))
        {
            rows++;
            var values = columns.Select(i => reader.IsDBNull(i) ? "\u0000" : Canonical(reader.GetValue(i)));
            hash.AppendData(Encoding.UTF8.GetBytes(string.Join('\u001f', values) + '\u001e'));
        }

        return new TableChecksum(table, rows, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static string Canonical(object value) => value switch
    {
        byte[] bytes => Convert.ToBase64String(bytes),
        System.Collections.IEnumerable items and not string => $"[{string.Join('\u001d', items.Cast<object>().Select(Canonical))}]",
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
