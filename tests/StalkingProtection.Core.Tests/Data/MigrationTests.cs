using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Data;

public class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Model_HasNoChangesWithoutAMigration(DatabaseProvider provider)
    {
        // Arrange
        using var context = DatabaseSetup.CreateContext(provider,
            provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost;Database=unused");

        // Act
        var pending = context.Database.HasPendingModelChanges();

        // Assert
        Assert.False(pending, $"The {provider} model has changes with no migration: run ./scripts/add-migration NameOfChange.");
    }

    [Fact]
    public async Task Migrations_OnConfiguredProvider_ApplyToAnEmptyDatabaseAndLeaveNothingPending()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        await using var context = database.CreateContext();

        // Act
        var applied = (await context.Database.GetAppliedMigrationsAsync()).ToList();
        var pending = (await context.Database.GetPendingMigrationsAsync()).ToList();

        // Assert
        Assert.NotEmpty(applied);
        Assert.Empty(pending);
        Assert.Equal(context.Database.GetMigrations(), applied);
    }
}
