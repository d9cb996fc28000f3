using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace StalkingProtection.Core.Data;

/// <remarks>
/// Queries that load an aggregate with several collections (an order with its conditions, versions, obligations and
/// breaches) run as split queries: as one query, SQLite builds the join of every collection for every row and a read of
/// one order grows with the whole table (bench/results/2026-12-02-100000-orders.md).
/// </remarks>
public static class DatabaseSetup
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public static DbContextOptionsBuilder<T> ConfigureSqlite<T>(DbContextOptionsBuilder<T> builder, string connectionString)
        where T : DbContext
    {
        builder.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(DatabaseSetup).Assembly.FullName)
                .MigrationsHistoryTable(MigrationsHistoryTable)
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(new SqliteDurabilityInterceptor());
        builder.UseSqliteRowValues();
        return builder;
    }

    /// <remarks>
    /// With a password file (ASVS V13.2.1) the data source reads the password from it when its first connection opens and again every
    /// <paramref name="passwordRefreshInterval"/>, so new connections use a rotated password without a restart; open connections keep the
    /// one they authenticated with.
    /// </remarks>
    public static DbContextOptionsBuilder<T> ConfigurePostgres<T>(
        DbContextOptionsBuilder<T> builder, string connectionString, string? passwordFile = null, TimeSpan passwordRefreshInterval = default)
        where T : DbContext
    {
        builder.UseNpgsql(WithPostgresDefaults(connectionString), o =>
            {
                o.MigrationsAssembly(typeof(DatabaseSetup).Assembly.FullName)
                    .MigrationsHistoryTable(MigrationsHistoryTable)
                    .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery);
                if (!string.IsNullOrWhiteSpace(passwordFile))
                {
                    o.ConfigureDataSource(d => d.UsePeriodicPasswordProvider(
                        async (_, cancellationToken) => (await File.ReadAllTextAsync(passwordFile, cancellationToken)).Trim(),
                        passwordRefreshInterval, passwordRefreshInterval));
                }
            })
            .UseSnakeCaseNamingConvention();
        return builder;
    }

    /// <summary>
    /// P1, P2: the Npgsql settings the service uses unless the operator's connection string sets them (README,
    /// "Configuration"; bench/results/2026-12-07-request-cpu.md). Each pooled connection prepares the statements it runs
    /// most (Max Auto Prepare), so PostgreSQL parses and plans a request's statements once per connection instead of on
    /// every request. A connection going back to the pool is not reset with DISCARD ALL (No Reset On Close): the service
    /// sets no session state (no SET, LISTEN or temporary table; the audit ids' advisory locks are taken for the
    /// transaction, pg_advisory_xact_lock_shared), so the reset would only cost PostgreSQL a statement on every reuse.
    /// </summary>
    public static string WithPostgresDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = PostgresMaxAutoPrepare;
        }

        if (!given.Contains("AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = PostgresAutoPrepareMinUsages;
        }

        if (!given.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    public const int PostgresMaxAutoPrepare = 64;
    public const int PostgresAutoPrepareMinUsages = 2;

    /// <summary>Registers <see cref="StalkingProtectionDbContext"/> for the configured provider, with the interceptors registered as <see cref="IInterceptor"/>.</summary>
    public static IServiceCollection AddStalkingProtectionDatabase(
        this IServiceCollection services, DatabaseProvider provider, string connectionString, string? passwordFile = null, TimeSpan passwordRefreshInterval = default)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<StalkingProtectionDbContext, PostgresStalkingProtectionDbContext>(
                (sp, o) => ConfigurePostgres((DbContextOptionsBuilder<PostgresStalkingProtectionDbContext>)o, connectionString, passwordFile, passwordRefreshInterval)
                    .AddInterceptors(sp.GetServices<IInterceptor>()));
        }
        else
        {
            services.AddDbContext<StalkingProtectionDbContext, SqliteStalkingProtectionDbContext>(
                (sp, o) => ConfigureSqlite((DbContextOptionsBuilder<SqliteStalkingProtectionDbContext>)o, connectionString)
                    .AddInterceptors(sp.GetServices<IInterceptor>()));
        }

        return services;
    }

    public static StalkingProtectionDbContext CreateContext(
        DatabaseProvider provider, string connectionString, params IInterceptor[] interceptors) =>
        provider == DatabaseProvider.Postgres
            ? new PostgresStalkingProtectionDbContext(
                ConfigurePostgres(new DbContextOptionsBuilder<PostgresStalkingProtectionDbContext>(), connectionString).AddInterceptors(interceptors).Options)
            : new SqliteStalkingProtectionDbContext(
                ConfigureSqlite(new DbContextOptionsBuilder<SqliteStalkingProtectionDbContext>(), connectionString).AddInterceptors(interceptors).Options);
}
