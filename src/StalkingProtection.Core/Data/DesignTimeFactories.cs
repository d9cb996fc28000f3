using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace StalkingProtection.Core.Data;

// Used only by `dotnet ef` to generate each provider's migration set.
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteStalkingProtectionDbContext>
{
    public SqliteStalkingProtectionDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.ConfigureSqlite(new DbContextOptionsBuilder<SqliteStalkingProtectionDbContext>(), "Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresStalkingProtectionDbContext>
{
    public PostgresStalkingProtectionDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.ConfigurePostgres(new DbContextOptionsBuilder<PostgresStalkingProtectionDbContext>(), "Host=localhost;Database=design").Options);
}
