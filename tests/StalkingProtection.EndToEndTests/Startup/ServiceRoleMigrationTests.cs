using Npgsql;
using StalkingProtection.Core.Data;
using StalkingProtection.TestCommon;

namespace StalkingProtection.EndToEndTests.Startup;

/// <summary>
/// S3 on PostgreSQL, as an operator deploys: <c>migrate</c> run as the owner with a service role named grants that role
/// the records but not the power to change the audit log. Runs against PostgreSQL whichever pass of the suite runs it (the SQLite one, <see cref="OwnDatabaseAttribute"/>).
/// </summary>
[OwnDatabase]
public sealed class ServiceRoleMigrationTests : IAsyncLifetime
{
    private readonly string _role = $"sp_service_{Guid.NewGuid():N}"[..32];
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres);
        await AdminAsync($"CREATE ROLE {_role} LOGIN", _database.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await AdminAsync($"DROP OWNED BY {_role}", _database.ConnectionString);
        await _database.DisposeAsync();
        await AdminAsync($"DROP ROLE IF EXISTS {_role}", _database.ConnectionString);
    }

    private static async Task AdminAsync(string sql, string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        if (sql.StartsWith("DROP ROLE", StringComparison.Ordinal))
        {
            builder.Database = "postgres";
        }

        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private Dictionary<string, string> Settings(string role) => new()
    {
        ["StalkingProtection__Database__Provider"] = "Postgres",
        ["StalkingProtection__Database__ConnectionString"] = _database.ConnectionString,
        ["StalkingProtection__Database__ServiceRole"] = role,
    };

    [Fact]
    public async Task S3_MigrateWithAServiceRole_GrantsItTheRecordsButItCannotChangeTheAudit()
    {
        // Act
        var (exitCode, output) = await ProgramProcess.RunAsync(Settings(_role), ["migrate"]);

        // Assert
        Assert.True(exitCode == 0, output);
        Assert.Contains($"Privileges granted to the service role {_role}", output, StringComparison.Ordinal);
        var asService = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Username = _role, Pooling = false };
        await using var connection = new NpgsqlConnection(asService.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using (var read = new NpgsqlCommand("SELECT count(*) FROM orders", connection))
        {
            Assert.Equal(0L, await read.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }

        await using var update = new NpgsqlCommand("UPDATE audit_entries SET actor_name = 'Someone else'", connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task S3_MigrateNamingARoleThatDoesNotExist_ExitsWithOneLineNamingIt()
    {
        // Act
        var (exitCode, output) = await ProgramProcess.RunAsync(Settings("sp_nobody_here"), ["migrate"]);

        // Assert
        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("Stalking Protection cannot start: ", StringComparison.Ordinal));
        Assert.Contains("cannot grant the service role sp_nobody_here its privileges", line, StringComparison.Ordinal);
        Assert.Contains("does not exist", line, StringComparison.Ordinal);
    }
}
