using System.Net;
using System.Text.Json;
using Npgsql;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests;

public class HealthTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    public async Task Get_Ready_ReportsDatabaseWritable(string path)
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync(path);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var database = json.RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("Healthy", database.GetProperty("status").GetString());
        Assert.Equal("The database can be read and written.", database.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Get_Live_AnswersWithNoCheckOfTheDatabase()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync("/health/live");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Empty(json.RootElement.GetProperty("checks").EnumerateObject());
    }
}

/// <summary>A database that answers reads but refuses every write: a read-only SQLite file, or PostgreSQL with default_transaction_read_only.</summary>
public sealed class ReadOnlyDatabaseFactory : WebAppFactory, IAsyncLifetime
{
    protected override IDictionary<string, string?> Settings => Database.Provider == DatabaseProvider.Sqlite
        ? new Dictionary<string, string?> { ["StalkingProtection:Database:ConnectionString"] = Database.ConnectionString + ";Mode=ReadOnly" }
        : new Dictionary<string, string?>();

    public new async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (Database.Provider == DatabaseProvider.Postgres)
        {
            var connection = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
            await using (var admin = new NpgsqlConnection(connection.ConnectionString))
            {
                await admin.OpenAsync();
                await using var command = admin.CreateCommand();
                command.CommandText = $"ALTER DATABASE \"{connection.Database}\" SET default_transaction_read_only = on";
                await command.ExecuteNonQueryAsync();
            }

            NpgsqlConnection.ClearAllPools();
        }
    }
}

public class ReadOnlyDatabaseHealthTests(ReadOnlyDatabaseFactory factory) : IClassFixture<ReadOnlyDatabaseFactory>
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    public async Task Get_Ready_WhenTheDatabaseCanBeReadButNotWritten_IsUnhealthy(string path)
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync(path);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var database = json.RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
        Assert.Equal("The database cannot be written.", database.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Get_Live_WhenTheDatabaseCannotBeWritten_IsStillHealthy()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync("/health/live");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public class LostDatabaseHealthTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Get_Ready_AfterTheDatabaseIsGone_IsUnavailableWhileLiveStillAnswers()
    {
        // Arrange
        var client = factory.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        // Act
        // The SQLite file is deleted, or the PostgreSQL database dropped with its connections, under the running service.
        await factory.Database.DisposeAsync();
        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
