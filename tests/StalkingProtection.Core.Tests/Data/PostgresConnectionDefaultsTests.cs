using Npgsql;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Tests.Data;

/// <summary>P1, P2: the Npgsql settings the service adds to the operator's connection string, and only where it does not set them.</summary>
public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void P1_AStringWithoutThem_GetsStatementPreparationAndNoResetOnClose()
    {
        // Act
        var result = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPostgresDefaults("Host=db.force.example;Username=sp;Database=sp"));

        // Assert
        Assert.Equal(DatabaseSetup.PostgresMaxAutoPrepare, result.MaxAutoPrepare);
        Assert.Equal(DatabaseSetup.PostgresAutoPrepareMinUsages, result.AutoPrepareMinUsages);
        Assert.True(result.NoResetOnClose);
        Assert.Equal("db.force.example", result.Host);
        Assert.Equal("sp", result.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;Auto Prepare Min Usages=7;No Reset On Close=false")]
    [InlineData("Host=db;maxautoprepare=0;AUTO PREPARE MIN USAGES=7;NoResetOnClose=false")]
    public void P1_TheOperatorsOwnSettings_AreKeptHoweverTheyAreWritten(string connectionString)
    {
        // Act
        var result = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPostgresDefaults(connectionString));

        // Assert
        Assert.Equal(0, result.MaxAutoPrepare);
        Assert.Equal(7, result.AutoPrepareMinUsages);
        Assert.False(result.NoResetOnClose);
    }
}
