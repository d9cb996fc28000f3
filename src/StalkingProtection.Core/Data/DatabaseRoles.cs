using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace StalkingProtection.Core.Data;

/// <summary>
/// S3 on PostgreSQL: the service runs as a login role that owns nothing, so it can read and write the records but can
/// only add to the audit log and its hash chain, never UPDATE, DELETE or TRUNCATE them, and cannot switch off the
/// append-only triggers (only a table's owner can). Migrations run as the owner, and grant this after every run; what they
/// keep of their own (the migrations history, the finished data backfills) the service can only read.
/// </summary>
public static partial class DatabaseRoles
{
    public static IReadOnlyList<string> AppendOnlyTables { get; } = ["audit_entries", "audit_seals"];

    public static bool IsValidRoleName(string role) => RoleName().IsMatch(role);

    public static async Task GrantServiceRoleAsync(StalkingProtectionDbContext db, string role, CancellationToken ct = default)
    {
        if (db.Provider != DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("A service role is a PostgreSQL setting; on SQLite the audit tables are guarded by triggers.");
        }

        if (!IsValidRoleName(role))
        {
            throw new ArgumentException($"'{role}' is not a plain PostgreSQL role name (lower-case letters, digits and underscores, up to 63).", nameof(role));
        }

        var appendOnly = string.Join(", ", AppendOnlyTables);
        var sql = $"""
            GRANT USAGE ON SCHEMA public TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
            REVOKE UPDATE, DELETE, TRUNCATE ON {appendOnly} FROM {role};
            REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {DatabaseSetup.MigrationsHistoryTable}, completed_backfills FROM {role};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
            """;

        // The role name is checked above and cannot be a parameter in GRANT; nothing else in the text comes from outside.
        await db.Database.ExecuteSqlRawAsync(sql, ct);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();
}
