using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Web.Infrastructure.Startup;

/// <summary>
/// The commands an operator runs instead of the service: <c>migrate</c> (which on PostgreSQL also grants the service
/// role its privileges, docs/operations/postgresql-roles.md), <c>backup FILE</c> (SQLite) and
/// <c>checksums</c>, which prints every table's row count and checksum so a restored copy can be compared with the
/// original (RL6, docs/operations/backup-and-restore.md), <c>verify-audit</c>, which recomputes the audit hash chain (S3),
/// <c>rotate-keys</c>, which wraps the key ring with the current key-encryption key and re-encrypts protected data, and
/// <c>create-admin EMAIL</c>, which bootstraps the first administrator, and <c>import FILE [--dry-run]</c>, which imports an SPO tracker.
/// </summary>
public static class MaintenanceCommands
{
    /// <summary>The command's exit code, or null when the arguments name no command and the service should start.</summary>
    public static async Task<int?> RunAsync(WebApplication app, string[] args)
    {
        if (args.Contains("migrate"))
        {
            await app.MigrateAsync();
            Console.WriteLine("Migrations applied.");
            if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value is { Provider: DatabaseProvider.Postgres, ServiceRole: { Length: > 0 } role })
            {
                Console.WriteLine($"Privileges granted to the service role {role}; it cannot change or delete the audit log.");
            }

            return 0;
        }

        if (Array.IndexOf(args, "backup") is var at and >= 0)
        {
            return Backup(app, at + 1 < args.Length ? args[at + 1] : null);
        }

        if (Array.IndexOf(args, "create-admin") is var admin and >= 0)
        {
            return await AccountCommands.CreateAdministratorAsync(app, admin + 1 < args.Length ? args[admin + 1] : null);
        }

        if (Array.IndexOf(args, "import") is var import and >= 0)
        {
            return await ImportCommand.RunAsync(app, import + 1 < args.Length ? args[import + 1] : null, args.Contains("--dry-run"), Spectre.Console.AnsiConsole.Console);
        }

        if (args.Contains("checksums"))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StalkingProtectionDbContext>();
            foreach (var table in await DatabaseBackup.ChecksumsAsync(db))
            {
                Console.WriteLine(table);
            }

            return 0;
        }

        if (args.Contains("rotate-keys"))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<Security.KeyRotation>().RotateAsync();
            Console.WriteLine($"New Data Protection key {result.NewKeyId}; {result.KeysRewrapped} key(s) wrapped with key-encryption key {result.KeyEncryptionKeyId}; re-encrypted {result.VictimContacts} victim contact record(s), {result.PublicReports} public report(s), {result.Drafts} report draft(s) and {result.AuthenticatorKeys} authenticator key(s).");
            Console.WriteLine("Retired key-encryption keys are no longer needed and can be removed from StalkingProtection:KeyProtection:RetiredKeyEncryptionKeys.");
            return 0;
        }

        if (args.Contains("verify-audit"))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync();
            Console.WriteLine($"{report.Sealed} entries sealed; head is entry {report.LastSealedEntryId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} with chain hash {report.HeadHash ?? "none"}; {report.AwaitingSeal} awaiting sealing.");
            foreach (var problem in report.Problems)
            {
                Console.WriteLine($"Entry {problem.EntryId}: {problem.Kind}");
            }

            Console.WriteLine(report.Intact ? "The audit chain is intact." : "The audit chain is broken.");
            return report.Intact ? 0 : 1;
        }

        return null;
    }

    private static int Backup(WebApplication app, string? target)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            Console.Error.WriteLine("On PostgreSQL, back up with pg_dump or base backups and WAL archiving: see docs/operations/backup-and-restore.md.");
            return 2;
        }

        if (string.IsNullOrWhiteSpace(target))
        {
            Console.Error.WriteLine("Name the file to write: backup /path/to/stalking-protection-backup.db");
            return 2;
        }

        var source = options.ResolveConnectionString(app.Environment.ContentRootPath);
        var file = Path.GetFullPath(target);
        try
        {
            DatabaseBackup.BackupSqlite(source, file);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"Cannot back up: {e.Message}");
            return 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }

        Console.WriteLine($"Backed up {new SqliteConnectionStringBuilder(source).DataSource} to {file}.");
        return 0;
    }
}
