using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StalkingProtection.Core.Data;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Data;

/// <summary>
/// ASVS V13.2.1: the service reaches PostgreSQL with a password read from a file that a vault agent or an operator rewrites, and new
/// connections take up the rewritten password without a restart. These run against PostgreSQL whichever pass of the suite runs them (the SQLite one, <see cref="OwnDatabaseAttribute"/>), as
/// <see cref="DatabaseRolesTests"/> do. The test server trusts loopback connections without checking passwords, so which password is
/// sent is seen at a stand-in server that asks for it in clear and notes it.
/// </summary>
[OwnDatabase]
public sealed class DatabasePasswordFileTests : IAsyncLifetime
{
    private static readonly TimeSpan _refresh = TimeSpan.FromSeconds(1);
    private readonly string _role = $"sp_rotating_{Guid.NewGuid():N}"[..32];
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"sp-db-password-{Guid.NewGuid():N}");
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var owner = _database.CreateContext();
        var create = $"CREATE ROLE {_role} LOGIN PASSWORD 'first-rotating-password-1'";
        await owner.Database.ExecuteSqlRawAsync(create);
    }

    public async ValueTask DisposeAsync()
    {
        File.Delete(_file);
        await _database.DisposeAsync();
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("STALKING_PROTECTION_TEST_POSTGRES")) { Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP ROLE IF EXISTS {_role}", admin);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>The service's own registration of its database, with the password file and a one-second refresh.</summary>
    private ServiceProvider Service(string connectionString) =>
        new ServiceCollection().AddStalkingProtectionDatabase(DatabaseProvider.Postgres, connectionString, _file, _refresh).BuildServiceProvider();

    private static async Task<string?> CurrentUserAsync(ServiceProvider service)
    {
        await using var scope = service.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StalkingProtectionDbContext>();
        try
        {
            return await db.Database.SqlQueryRaw<string>("SELECT current_user::text AS \"Value\"").SingleAsync(TestContext.Current.CancellationToken);
        }
        catch (NpgsqlException)
        {
            return null;
        }
    }

    [Fact]
    public async Task V13_2_1_PasswordFile_OnPostgreSql_ConnectsAsTheLoginRole_AndNewConnectionsStillSucceedAfterThePasswordAndFileAreRotated()
    {
        // Arrange
        await File.WriteAllTextAsync(_file, "first-rotating-password-1\n", TestContext.Current.CancellationToken);
        var connectionString = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Username = _role, Password = null, Pooling = false }.ConnectionString;
        await using var service = Service(connectionString);
        var before = await CurrentUserAsync(service);

        // Act
        await using (var owner = _database.CreateContext())
        {
            var alter = $"ALTER ROLE {_role} PASSWORD 'second-rotating-password-2'";
            await owner.Database.ExecuteSqlRawAsync(alter, TestContext.Current.CancellationToken);
        }

        await File.WriteAllTextAsync(_file, "second-rotating-password-2\n", TestContext.Current.CancellationToken);
        var after = await CurrentUserAsync(service);

        // Assert
        Assert.Equal(_role, before);
        Assert.Equal(_role, after);
    }

    [Fact]
    public async Task V13_2_1_PasswordFile_Rewritten_IsTheNewPasswordThatNewConnectionsSend_WithoutARestart()
    {
        // Arrange
        await using var server = new PasswordRecorder();
        await File.WriteAllTextAsync(_file, "first-rotating-password-1\n", TestContext.Current.CancellationToken);
        await using var service = Service($"Host=127.0.0.1;Port={server.Port};Username={_role};Database=postgres;SSL Mode=Disable;Pooling=false");
        Assert.Null(await CurrentUserAsync(service));

        // Act
        await File.WriteAllTextAsync(_file, "second-rotating-password-2\n", TestContext.Current.CancellationToken);
        var tries = 0;
        while (tries++ < 100 && server.Passwords.LastOrDefault() != "second-rotating-password-2")
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            await CurrentUserAsync(service);
        }

        // Assert
        Assert.Equal("first-rotating-password-1", server.Passwords.First());
        Assert.Equal("second-rotating-password-2", server.Passwords.Last());
        Assert.True(tries <= 100, $"still sent {server.Passwords.Last()} after {tries} attempts");
    }

    /// <summary>Answers a PostgreSQL client's start-up by asking for its password in clear, notes it, and refuses it.</summary>
    private sealed class PasswordRecorder : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _accepting;

        public PasswordRecorder()
        {
            _listener.Start();
            _accepting = AcceptAsync();
        }

        public ConcurrentQueue<string> Passwords { get; } = new();

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    await AnswerAsync(client.GetStream());
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (Exception e) when (e is IOException or EndOfStreamException)
                {
                    // The client gave up on this connection; the next one is answered.
                }
            }
        }

        private async Task AnswerAsync(NetworkStream stream)
        {
            // SSL and GSS encryption requests come before the start-up message; neither is offered.
            while (BinaryPrimitives.ReadInt32BigEndian(await ReadMessageAsync(stream, typed: false)) is 80877103 or 80877104)
            {
                await stream.WriteAsync("N"u8.ToArray(), _stop.Token);
            }

            await stream.WriteAsync(new byte[] { (byte)'R', 0, 0, 0, 8, 0, 0, 0, 3 }, _stop.Token);
            var password = await ReadMessageAsync(stream, typed: true);
            Passwords.Enqueue(Encoding.UTF8.GetString(password.AsSpan(0, password.Length - 1)));
            var fields = "SFATAL\0VFATAL\0C28P01\0Mpassword authentication failed\0\0"u8.ToArray();
            var error = new byte[5 + fields.Length];
            error[0] = (byte)'E';
            BinaryPrimitives.WriteInt32BigEndian(error.AsSpan(1), 4 + fields.Length);
            fields.CopyTo(error, 5);
            await stream.WriteAsync(error, _stop.Token);
        }

        private async Task<byte[]> ReadMessageAsync(NetworkStream stream, bool typed)
        {
            var header = new byte[typed ? 5 : 4];
            await stream.ReadExactlyAsync(header, _stop.Token);
            var body = new byte[BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(typed ? 1 : 0)) - 4];
            await stream.ReadExactlyAsync(body, _stop.Token);
            return body;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _accepting;
            _stop.Dispose();
        }
    }
}
