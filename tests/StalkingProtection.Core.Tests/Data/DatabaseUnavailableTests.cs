using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using StalkingProtection.Core.Data;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Data;

/// <summary>
/// RL2: what PostgreSQL and Npgsql raise when the server is down or restarting is told apart from a fault, so the service
/// answers 503 for the one and 500 for the other. Real failures of a real server, on the SQLite pass of the suite only (<see cref="OwnDatabaseAttribute"/>).
/// </summary>
[OwnDatabase]
public sealed class DatabaseUnavailableTests
{
    [Fact]
    public async Task RL2_NoServerListening_IsTheDatabaseUnavailable()
    {
        // Arrange
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        await using var db = DatabaseSetup.CreateContext(DatabaseProvider.Postgres, $"Host=127.0.0.1;Port={port};Username=sp_test;Database=sp;Pooling=false;Timeout=5");

        // Act
        var error = await Record.ExceptionAsync(() => db.Cases.CountAsync(TestContext.Current.CancellationToken));

        // Assert
        Assert.NotNull(error);
        Assert.True(DatabaseUnavailable.Caused(error), error.ToString());
    }

    [Fact]
    public async Task RL2_ServerEndsTheSessionMidRequest_IsTheDatabaseUnavailable()
    {
        // Arrange: a session ended by the server, as every session is when it is shut down or crashes and restarts.
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var db = DatabaseSetup.CreateContext(DatabaseProvider.Postgres,
            new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);

        // Act
        var error = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("SELECT pg_terminate_backend(pg_backend_pid())", TestContext.Current.CancellationToken));

        // Assert
        Assert.NotNull(error);
        Assert.True(DatabaseUnavailable.Caused(error), error.ToString());
    }

    [Fact]
    public async Task RL2_AFaultInTheStatement_IsNotTheDatabaseUnavailable()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var db = DatabaseSetup.CreateContext(DatabaseProvider.Postgres, database.ConnectionString);

        // Act
        var division = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("SELECT 1/0", TestContext.Current.CancellationToken));
        var missing = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("SELECT * FROM no_such_table", TestContext.Current.CancellationToken));

        // Assert
        Assert.IsType<PostgresException>(division);
        Assert.False(DatabaseUnavailable.Caused(division));
        Assert.IsType<PostgresException>(missing);
        Assert.False(DatabaseUnavailable.Caused(missing));
        Assert.False(DatabaseUnavailable.Caused(new DbUpdateConcurrencyException("changed by someone else")));
        Assert.False(DatabaseUnavailable.Caused(new InvalidOperationException("a fault", new ArgumentException("in the code"))));
    }

    [Fact]
    public void RL2_TheCauseWrappedByEfCoreOrATask_IsFound()
    {
        var refused = new SocketException((int)SocketError.ConnectionRefused);

        Assert.True(DatabaseUnavailable.Caused(new DbUpdateException("saving", new NpgsqlException("connecting", refused))));
        Assert.True(DatabaseUnavailable.Caused(new AggregateException(new InvalidOperationException("a fault"), new InvalidOperationException("wrapped", refused))));
    }
}
