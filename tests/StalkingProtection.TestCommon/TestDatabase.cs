using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using StalkingProtection.Core.Data;

namespace StalkingProtection.TestCommon;

/// <summary>
/// A fresh database built by the migrations. The provider comes from StalkingProtection__Database__Provider
/// (Sqlite by default); PostgreSQL needs STALKING_PROTECTION_TEST_POSTGRES, an admin connection string that
/// ./scripts/test sets for its throwaway server. A template is migrated once per test run and copied per database; on a
/// long-lived server the run drops its template when it ends, and the templates of runs that ended without dropping theirs
/// (killed, crashed) once they are <see cref="StaleTemplateAge"/> old.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim _templateLock = new(1, 1);
    private static string? _sqliteTemplate;
    private static string? _postgresTemplate;
    private static int _counter;

    /// <summary>Longer than any test run takes, so the run that made a template this old no longer copies from it.</summary>
    public static readonly TimeSpan StaleTemplateAge = TimeSpan.FromHours(6);

    private TestDatabase(DatabaseProvider provider, string connectionString, string? filePath, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _filePath = filePath;
        _postgresName = postgresName;
    }

    private readonly string? _filePath;
    private readonly string? _postgresName;

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static DatabaseProvider ConfiguredProvider =>
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("StalkingProtection__Database__Provider"), true, out var p)
            ? p
            : DatabaseProvider.Sqlite;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider? provider = null)
    {
        var chosen = provider ?? ConfiguredProvider;
        return chosen == DatabaseProvider.Postgres ? await CreatePostgresAsync() : await CreateSqliteAsync();
    }

    /// <summary>A database with nothing in it, not even the migrations: somewhere to restore a backup.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider? provider = null)
    {
        if ((provider ?? ConfiguredProvider) == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(TempFolder, $"empty-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid():N}.db");
            return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file}", file, null);
        }

        var name = $"sp_empty_{Interlocked.Increment(ref _counter)}_{Guid.NewGuid():N}"[..40];
        await ExecuteAdminAsync($"CREATE DATABASE \"{name}\" TEMPLATE template0");
        var connection = new NpgsqlConnectionStringBuilder(PostgresAdminConnectionString) { Database = name };
        return new TestDatabase(DatabaseProvider.Postgres, connection.ConnectionString, null, name);
    }

    public StalkingProtectionDbContext CreateContext() => DatabaseSetup.CreateContext(Provider, ConnectionString);

    public StalkingProtectionDbContext CreateContext(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors) =>
        DatabaseSetup.CreateContext(Provider, ConnectionString, interceptors);

    private static string TempFolder
    {
        get
        {
            var folder = Path.Combine(Path.GetTempPath(), "stalking-protection-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    private static async Task<TestDatabase> CreateSqliteAsync()
    {
        await _templateLock.WaitAsync();
        try
        {
            if (_sqliteTemplate is null)
            {
                var template = Path.Combine(TempFolder, "template.db");
                await using (var context = DatabaseSetup.CreateContext(DatabaseProvider.Sqlite, $"Data Source={template};Pooling=False"))
                {
                    await context.Database.MigrateAsync();
                    await context.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
                }

                _sqliteTemplate = template;
            }
        }
        finally
        {
            _templateLock.Release();
        }

        var file = Path.Combine(TempFolder, $"db-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid():N}.db");
        File.Copy(_sqliteTemplate, file);
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file}", file, null);
    }

    private static string PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable("STALKING_PROTECTION_TEST_POSTGRES")
        ?? throw new InvalidOperationException(
            "STALKING_PROTECTION_TEST_POSTGRES is not set: run the PostgreSQL suites through ./scripts/test, which starts a throwaway server.");

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var admin = new NpgsqlConnectionStringBuilder(PostgresAdminConnectionString);
        await _templateLock.WaitAsync();
        try
        {
            if (_postgresTemplate is null)
            {
                await DropStaleTemplatesAsync();
                var templateName = $"sp_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
                await ExecuteAdminAsync($"CREATE DATABASE \"{templateName}\"");
                AppDomain.CurrentDomain.ProcessExit += (_, _) => DropTemplate(templateName);
                var templateConnection = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = templateName, Pooling = false };
                await using (var context = DatabaseSetup.CreateContext(DatabaseProvider.Postgres, templateConnection.ConnectionString))
                {
                    await context.Database.MigrateAsync();
                }

                _postgresTemplate = templateName;
            }
        }
        finally
        {
            _templateLock.Release();
        }

        var name = $"sp_test_{Interlocked.Increment(ref _counter)}_{Guid.NewGuid():N}"[..40];
        // CREATE DATABASE ... TEMPLATE refuses only while a session is connected to the template, and none is once it is
        // migrated: copies made at the same time do not wait for each other.
        await ExecuteAdminAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{_postgresTemplate}\"");

        var connection = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name };
        return new TestDatabase(DatabaseProvider.Postgres, connection.ConnectionString, null, name);
    }

    /// <summary>
    /// Drops the templates of earlier runs that are <see cref="StaleTemplateAge"/> old, by the creation time of their folder on
    /// the server (reading it needs a superuser or pg_read_server_files; without that nothing is dropped). A template is never
    /// connected to once migrated, so the drop does not force: one another run is copying from is left as it is.
    /// </summary>
    public static async Task<IReadOnlyList<string>> DropStaleTemplatesAsync()
    {
        var stale = new List<string>();
        await using var connection = new NpgsqlConnection(PostgresAdminConnectionString);
        await connection.OpenAsync();
        try
        {
            await using var command = new NpgsqlCommand(
                """
                SELECT datname FROM pg_database
                WHERE datname LIKE 'sp\_template\_%' AND NOT datistemplate
                  AND (pg_stat_file('base/' || oid || '/PG_VERSION')).modification < now() - @age
                """, connection);
            command.Parameters.AddWithValue("age", StaleTemplateAge);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stale.Add(reader.GetString(0));
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            return [];
        }

        var dropped = new List<string>();
        foreach (var name in stale)
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\"", connection);
                await drop.ExecuteNonQueryAsync();
                dropped.Add(name);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse)
            {
                // A run is copying from it, so it is not stale after all.
            }
        }

        return dropped;
    }

    private static void DropTemplate(string name)
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(PostgresAdminConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The server has gone (./scripts/test stops its own first): a later run's sweep of stale templates drops it.
        }
    }

    private static async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresAdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_filePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                try
                {
                    File.Delete(_filePath + suffix);
                }
                catch (IOException)
                {
                    // A file still held open is removed with the temp folder.
                }
            }
        }

        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)");
        }
    }
}
