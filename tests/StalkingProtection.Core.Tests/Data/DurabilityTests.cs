using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Data;

[OwnDatabase]
public class DurabilityTests
{
    [Fact]
    public async Task RL3_SqliteConnection_RunsInWalModeWithFullSynchronousAndABusyTimeout()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var context = database.CreateContext();
        await context.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var connection = context.Database.GetDbConnection();

        // Act
        async Task<string?> Pragma(string name)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {name}";
            return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        var journal = await Pragma("journal_mode");
        var synchronous = await Pragma("synchronous");
        var busyTimeout = await Pragma("busy_timeout");
        var foreignKeys = await Pragma("foreign_keys");

        // Assert
        Assert.Equal("wal", journal);
        Assert.Equal("2", synchronous);
        Assert.Equal("10000", busyTimeout);
        Assert.Equal("1", foreignKeys);
    }
}
