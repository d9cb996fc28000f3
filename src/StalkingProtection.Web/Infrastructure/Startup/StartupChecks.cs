using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Data.Migrations;
using StalkingProtection.Web.Infrastructure.Demo;

namespace StalkingProtection.Web.Infrastructure.Startup;

/// <summary>
/// Runs before the server listens: settings are valid, the data folder is writable, the database is reachable and
/// durable (RL3), and its migrations are applied (automatically only where configured, i.e. in Development).
/// </summary>
public static class StartupChecks
{
    public static async Task PrepareAsync(this WebApplication app)
    {
        var services = app.Services;
        try
        {
            ValidateAll(services);
        }
        catch (OptionsValidationException ex)
        {
            throw new StartupFailedException($"invalid setting: {string.Join(" ", ex.Failures)}", ex);
        }

        RequireAllowedHosts(app);
        var database = EnsureDataFolder(app);
        RequireVerifiedDatabaseTls(app, database);
        RefuseDefaultDatabasePassword(app, database);
        RequireEncryptedTelemetry(app);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StalkingProtectionDbContext>();
        await EnsureReachableAsync(db);
        await EnsureDurableAsync(db);

        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0)
        {
            if (!database.ApplyMigrationsOnStartup)
            {
                throw new StartupFailedException(
                    $"the database needs {pending.Count} migration(s): run `dotnet StalkingProtection.Web.dll migrate` (or set StalkingProtection:Database:ApplyMigrationsOnStartup=true in Development).");
            }

            await MigrateAndGrantAsync(db, database, scope.ServiceProvider.GetRequiredService<TimeProvider>());
        }

        if (app.Environment.IsDevelopment())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(isDevelopment: true);
        }
    }

    /// <summary>
    /// Loads the Data Protection key ring from the database and unwraps its keys, which Data Protection's own hosted
    /// service does before the server listens; called while the pages' model is built on the other core, it finds the
    /// ring loaded (P7). A failure is left to that service, which tries again and logs it, as it always has.
    /// </summary>
    public static void LoadKeyRing(this WebApplication app)
    {
        try
        {
            _ = app.Services.GetRequiredService<IKeyRingProvider>().GetCurrentKeyRing();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Logged by Data Protection's hosted service when it loads the ring again.
        }
    }

    public static async Task MigrateAsync(this WebApplication app)
    {
        var database = EnsureDataFolder(app);
        RequireVerifiedDatabaseTls(app, database);
        RefuseDefaultDatabasePassword(app, database);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StalkingProtectionDbContext>();
        await EnsureReachableAsync(db);
        await MigrateAndGrantAsync(db, database, scope.ServiceProvider.GetRequiredService<TimeProvider>());
    }

    private static async Task MigrateAndGrantAsync(StalkingProtectionDbContext db, DatabaseOptions database, TimeProvider clock)
    {
        await db.Database.MigrateAsync();
        await DataBackfills.RunPendingAsync(db, clock);
        if (database.Provider == DatabaseProvider.Postgres && !string.IsNullOrWhiteSpace(database.ServiceRole))
        {
            try
            {
                await DatabaseRoles.GrantServiceRoleAsync(db, database.ServiceRole);
            }
            catch (PostgresException ex)
            {
                throw new StartupFailedException($"cannot grant the service role {database.ServiceRole} its privileges: {ex.MessageText}", ex);
            }
        }
    }

    /// <summary>The database settings; for SQLite in the data folder, the folder is made and checked writable first.</summary>
    private static DatabaseOptions EnsureDataFolder(WebApplication app)
    {
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (database.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(database.ConnectionString))
        {
            EnsureWritableFolder(app.Environment.ContentRootPath, database.DataDirectory);
        }

        return database;
    }

    private static void ValidateAll(IServiceProvider services)
    {
        _ = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        _ = services.GetRequiredService<IOptions<WebOptions>>().Value;
        _ = services.GetRequiredService<IOptions<Security.SignInOptions>>().Value;
        _ = services.GetRequiredService<IOptions<Core.People.VictimContactOptions>>().Value;
        _ = services.GetRequiredService<IOptions<Core.Rules.LegalRuleSet>>().Value;
        _ = services.GetRequiredService<IOptions<ProxyOptions>>().Value;
        _ = services.GetRequiredService<IOptions<Security.CallerRateLimitOptions>>().Value;
        _ = services.GetRequiredService<IOptions<Security.KeyProtectionOptions>>().Value;
        _ = services.GetRequiredService<Security.KeyEncryptionKeys>();
    }

    // Host filtering is what stops a forged Host header reaching links and redirects; "*" turns it off.
    private static void RequireAllowedHosts(WebApplication app)
    {
        var hosts = (app.Configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!app.Environment.IsDevelopment() && (hosts.Length == 0 || hosts.Contains("*")))
        {
            throw new StartupFailedException(
                "invalid setting: AllowedHosts must list the host names the service answers to, separated by semicolons (e.g. spo.example.police.uk), not *, outside Development.");
        }
    }

    // ASVS V12.3.1, V12.3.2: outside Development the PostgreSQL connection is encrypted and the server's certificate is
    // checked (Npgsql checks it only for VerifyCA and VerifyFull), unless the operator has said the server is on this machine.
    private static void RequireVerifiedDatabaseTls(WebApplication app, DatabaseOptions database)
    {
        if (app.Environment.IsDevelopment() || database.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString ?? "");
        if (builder.TryGetValue("Trust Server Certificate", out var trust) && Convert.ToBoolean(trust, System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new StartupFailedException(
                "invalid setting: StalkingProtection:Database:ConnectionString turns off certificate validation (Trust Server Certificate=true); remove it and use SSL Mode=VerifyFull.");
        }

        var local = (builder.Host ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(h => h.StartsWith('/') || h == "localhost" || (System.Net.IPAddress.TryParse(h.Split(':')[0], out var ip) && System.Net.IPAddress.IsLoopback(ip)));
        if (builder.SslMode is not (SslMode.VerifyFull or SslMode.VerifyCA) && !(database.AllowUnencryptedLocalConnection && local))
        {
            throw new StartupFailedException(
                "invalid setting: StalkingProtection:Database:ConnectionString must use SSL Mode=VerifyFull (or VerifyCA) outside Development; for a PostgreSQL server on this machine only, set StalkingProtection:Database:AllowUnencryptedLocalConnection=true.");
        }
    }

    // ASVS V12.3.1: traces carry page addresses and record ids, so outside Development they leave the machine only over
    // TLS; a collector on this machine (loopback) may be reached in the clear, as a local database may.
    private static void RequireEncryptedTelemetry(WebApplication app)
    {
        var endpoint = app.Configuration["StalkingProtection:Telemetry:OtlpEndpoint"];
        if (app.Environment.IsDevelopment() || string.IsNullOrWhiteSpace(endpoint))
        {
            return;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var address) || address.Scheme is not ("https" or "http"))
        {
            throw new StartupFailedException("invalid setting: StalkingProtection:Telemetry:OtlpEndpoint must be an https address (e.g. https://otel.force.example:4317).");
        }

        if (address.Scheme == "http" && !address.IsLoopback)
        {
            throw new StartupFailedException(
                "invalid setting: StalkingProtection:Telemetry:OtlpEndpoint must use https outside Development; plain http is allowed only for a collector on this machine (localhost or 127.0.0.1).");
        }
    }

    private static readonly string[] _defaultPasswords =
        ["postgres", "password", "passw0rd", "admin", "root", "secret", "changeme", "letmein", "example", "test", "demo", "123456", "12345678"];

    // ASVS V13.2.3: a well-known or guessable database password is as good as none; a connection without a password
    // (a local socket with peer authentication, or a certificate) is left to the server's own authentication.
    private static void RefuseDefaultDatabasePassword(WebApplication app, DatabaseOptions database)
    {
        if (app.Environment.IsDevelopment() || database.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString ?? "");
        var password = builder.Password;
        if (!string.IsNullOrWhiteSpace(database.PasswordFile) && !string.IsNullOrEmpty(password))
        {
            throw new StartupFailedException(
                "invalid setting: StalkingProtection:Database:ConnectionString must not hold a password when StalkingProtection:Database:PasswordFile is set.");
        }

        if (string.IsNullOrEmpty(password))
        {
            return;
        }

        if (password.Length < 12
            || _defaultPasswords.Contains(password, StringComparer.OrdinalIgnoreCase)
            || string.Equals(password, builder.Username, StringComparison.OrdinalIgnoreCase))
        {
            throw new StartupFailedException(
                "invalid setting: StalkingProtection:Database:ConnectionString has a default or guessable password (shorter than 12 characters, a well-known default, or the user name); give the database account a long random password.");
        }
    }

    private static void EnsureWritableFolder(string contentRoot, string dataDirectory)
    {
        var folder = Path.IsPathRooted(dataDirectory) ? dataDirectory : Path.Combine(contentRoot, dataDirectory);
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupFailedException(
                $"the data folder {folder} is not writable ({ex.Message}); set StalkingProtection:Database:DataDirectory to a folder this process can write to.", ex);
        }
    }

    private static async Task EnsureReachableAsync(StalkingProtectionDbContext db)
    {
        try
        {
            // Opened directly rather than through EF Core, so that a failure is reported once, in our own words.
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await connection.CloseAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or SqliteException or InvalidOperationException or TimeoutException)
        {
            var where = db.Provider == DatabaseProvider.Postgres
                ? DescribePostgres(db.Database.GetConnectionString())
                : "the SQLite database file";
            throw new StartupFailedException(
                $"cannot reach {where}: {ex.GetBaseException().Message.Split('\n')[0].Trim()} — check StalkingProtection:Database:ConnectionString.", ex);
        }
    }

    private static string DescribePostgres(string? connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL at {builder.Host}:{builder.Port} (database {builder.Database})";
    }

    // RL3: refuse to run where an acknowledged write could be lost on a crash.
    private static async Task EnsureDurableAsync(StalkingProtectionDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            if (db.Provider == DatabaseProvider.Sqlite)
            {
                var synchronous = await ScalarAsync(connection, "PRAGMA synchronous");
                if (synchronous is not "2" and not "3")
                {
                    throw new StartupFailedException($"SQLite synchronous is {synchronous}; it must be FULL (2) or EXTRA (3).");
                }
            }
            else
            {
                foreach (var setting in new[] { "fsync", "synchronous_commit" })
                {
                    var value = await ScalarAsync(connection, $"SHOW {setting}");
                    if (value is "off")
                    {
                        throw new StartupFailedException($"PostgreSQL {setting} is off; turn it on, or acknowledged writes can be lost on a crash.");
                    }
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<string?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
