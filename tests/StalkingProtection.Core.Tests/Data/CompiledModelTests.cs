using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Data.CompiledModels.Postgres;
using StalkingProtection.Core.Data.CompiledModels.Sqlite;

namespace StalkingProtection.Core.Tests.Data;

/// <summary>
/// The service starts on a compiled model (Data/CompiledModels) instead of building it from the entity configurations at
/// every start. A compiled model left behind by a change to an entity would make queries and saves disagree with the
/// schema, so these tests compare it with the model the configurations build today.
/// </summary>
public class CompiledModelTests
{
    private static StalkingProtectionDbContext Context(DatabaseProvider provider) =>
        DatabaseSetup.CreateContext(provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost;Database=unused");

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Context_OnEachProvider_RunsOnItsCompiledModel(DatabaseProvider provider)
    {
        // Arrange
        using var context = Context(provider);

        // Act
        var model = context.Model;

        // Assert
        Assert.Same(provider == DatabaseProvider.Sqlite ? SqliteStalkingProtectionDbContextModel.Instance : PostgresStalkingProtectionDbContextModel.Instance, model);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void CompiledModel_OnEachProvider_MatchesTheModelTheConfigurationsBuild(DatabaseProvider provider)
    {
        // Arrange
        using var context = Context(provider);
        var configured = context.GetService<IDesignTimeModel>().Model;
        var compiled = context.Model;

        // Act
        var expected = Describe(configured);
        var actual = Describe(compiled);

        // Assert
        var stale = $"The {provider} compiled model is out of date: run ./scripts/compile-model.";
        Assert.True(expected == actual, stale + Environment.NewLine + FirstDifference(expected, actual));
    }

    /// <summary>Everything about the model that decides how rows are read and written, one line each, in a fixed order.</summary>
    private static string Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var type = $"{entity.Name} table={entity.GetTableName()} base={entity.BaseType?.Name} owned={entity.IsOwned()}";
            lines.Add(type);
            foreach (var property in entity.GetProperties())
            {
                lines.Add($"{entity.Name}.{property.Name} clr={property.ClrType.Name} column={property.GetColumnName()} type={property.GetColumnType()} "
                    + $"null={property.IsNullable} max={property.GetMaxLength()} concurrency={property.IsConcurrencyToken} generated={property.ValueGenerated} "
                    + $"converter={property.GetTypeMapping().Converter?.GetType().Name} provider={property.GetTypeMapping().Converter?.ProviderClrType.Name} "
                    + $"default={property.GetDefaultValueSql()} field={property.FieldInfo?.Name}");
            }

            foreach (var key in entity.GetKeys())
            {
                lines.Add($"{entity.Name} key({string.Join(",", key.Properties.Select(p => p.Name))}) primary={key.IsPrimaryKey()}");
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                lines.Add($"{entity.Name} fk({string.Join(",", foreignKey.Properties.Select(p => p.Name))}) -> {foreignKey.PrincipalEntityType.Name} "
                    + $"delete={foreignKey.DeleteBehavior} required={foreignKey.IsRequired} unique={foreignKey.IsUnique} ownership={foreignKey.IsOwnership} "
                    + $"nav={foreignKey.DependentToPrincipal?.Name}/{foreignKey.PrincipalToDependent?.Name}");
            }

            foreach (var navigation in entity.GetNavigations())
            {
                lines.Add($"{entity.Name} nav {navigation.Name} collection={navigation.IsCollection} auto={navigation.IsEagerLoaded} field={navigation.FieldInfo?.Name}");
            }

            foreach (var index in entity.GetIndexes())
            {
                lines.Add($"{entity.Name} index {index.GetDatabaseName()}({string.Join(",", index.Properties.Select(p => p.Name))}) unique={index.IsUnique} filter={index.GetFilter()}");
            }

            foreach (var filter in entity.GetDeclaredQueryFilters())
            {
                lines.Add($"{entity.Name} filter {filter.Expression}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join(Environment.NewLine, lines);
    }

    private static string FirstDifference(string expected, string actual)
    {
        var configured = expected.Split(Environment.NewLine);
        var compiled = actual.Split(Environment.NewLine).ToHashSet(StringComparer.Ordinal);
        var report = new StringBuilder();
        foreach (var line in configured.Where(l => !compiled.Contains(l)).Take(5))
        {
            report.AppendLine("configured, not compiled: " + line);
        }

        var configuredSet = configured.ToHashSet(StringComparer.Ordinal);
        foreach (var line in actual.Split(Environment.NewLine).Where(l => !configuredSet.Contains(l)).Take(5))
        {
            report.AppendLine("compiled, not configured: " + line);
        }

        return report.ToString();
    }
}
