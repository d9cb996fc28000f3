namespace StalkingProtection.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string SectionName = "StalkingProtection:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty for SQLite means a file in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    public string DataDirectory { get; set; } = "App_Data";

    public bool ApplyMigrationsOnStartup { get; set; }

    /// <summary>
    /// PostgreSQL only: the login role the service runs as in production. Each migration run, as the owner, grants it what
    /// the service needs and no UPDATE, DELETE or TRUNCATE on the audit log (S3, <see cref="DatabaseRoles"/>).
    /// </summary>
    public string? ServiceRole { get; set; }

    /// <summary>
    /// PostgreSQL outside Development: allow a connection without a verified TLS certificate when every host is this
    /// machine (loopback or a Unix socket). Off by default: otherwise the connection must use SSL Mode=VerifyFull or VerifyCA.
    /// </summary>
    public bool AllowUnencryptedLocalConnection { get; set; }

    /// <summary>
    /// PostgreSQL only (ASVS V13.2.1): a file holding the password, read again every <see cref="PasswordRefreshInterval"/>, so a
    /// vault agent or an operator can rotate the password by rewriting the file without restarting the service. The connection
    /// string then carries no password.
    /// </summary>
    public string? PasswordFile { get; set; }

    public TimeSpan PasswordRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    public string ResolveConnectionString(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        if (Provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(
                "StalkingProtection:Database:ConnectionString is required when the provider is Postgres.");
        }

        var folder = Path.IsPathRooted(DataDirectory) ? DataDirectory : Path.Combine(contentRoot, DataDirectory);
        return $"Data Source={Path.Combine(folder, "stalking-protection.db")}";
    }
}
