using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace StalkingProtection.Core.Data;

/// <summary>
/// Row-value comparisons for SQLite queries, <c>(key, id) &gt; (@key, @id)</c>, which SQLite reads from an index on (key, id)
/// starting at the given row. Npgsql has them as <c>EF.Functions.GreaterThan</c> on tuples; EF Core's SQLite provider has none,
/// and the same condition written as <c>key &gt; @key OR (key = @key AND id &gt; @id)</c> makes SQLite read every row of the
/// key's value before the given one (P1: a page from the middle of a 1,000,000-order case list sorted by status).
/// </summary>
public static class SqliteRowValues
{
    /// <summary>Whether the row (key, id) sorts after (keyValue, idValue). Translated to SQL only.</summary>
    public static bool After<TKey>(TKey key, Guid id, TKey keyValue, Guid idValue) =>
        throw new InvalidOperationException($"{nameof(SqliteRowValues)}.{nameof(After)} is only for SQLite queries.");

    /// <summary>Whether the row (key, id) sorts before (keyValue, idValue). Translated to SQL only.</summary>
    public static bool Before<TKey>(TKey key, Guid id, TKey keyValue, Guid idValue) =>
        throw new InvalidOperationException($"{nameof(SqliteRowValues)}.{nameof(Before)} is only for SQLite queries.");

    /// <summary>Adds the translation of <see cref="After{TKey}"/> and <see cref="Before{TKey}"/> to a SQLite context's options.</summary>
    public static DbContextOptionsBuilder<T> UseSqliteRowValues<T>(this DbContextOptionsBuilder<T> builder)
        where T : DbContext
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new Extension());
        return builder;
    }

    private sealed class Translator(ISqlExpressionFactory sql, IRelationalTypeMappingSource typeMappings) : IMethodCallTranslator
    {
        public SqlExpression? Translate(SqlExpression? instance, MethodInfo method, IReadOnlyList<SqlExpression> arguments,
            IDiagnosticsLogger<DbLoggerCategory.Query> logger)
        {
            if (method.DeclaringType != typeof(SqliteRowValues) || !method.IsGenericMethod)
            {
                return null;
            }

            // The values take the columns' mappings, so a Guid or a date is compared as the column stores it; a computed key
            // (a CASE of constants) has none, and takes its CLR type's.
            RelationalTypeMapping? MappingOf(SqlExpression column, SqlExpression value) =>
                Microsoft.EntityFrameworkCore.Query.ExpressionExtensions.InferTypeMapping(column, value) ?? typeMappings.FindMapping(column.Type);
            var keyMapping = MappingOf(arguments[0], arguments[2]);
            var idMapping = MappingOf(arguments[1], arguments[3]);
            var row = new RowValueExpression([sql.ApplyTypeMapping(arguments[0], keyMapping), sql.ApplyTypeMapping(arguments[1], idMapping)]);
            var given = new RowValueExpression([sql.ApplyTypeMapping(arguments[2], keyMapping), sql.ApplyTypeMapping(arguments[3], idMapping)]);
            return new SqlBinaryExpression(method.Name == nameof(After) ? ExpressionType.GreaterThan : ExpressionType.LessThan, row, given, typeof(bool),
                typeMappings.FindMapping(typeof(bool)));
        }
    }

    private sealed class Plugin(ISqlExpressionFactory sql, IRelationalTypeMappingSource typeMappings) : IMethodCallTranslatorPlugin
    {
        public IEnumerable<IMethodCallTranslator> Translators { get; } = [new Translator(sql, typeMappings)];
    }

    private sealed class Extension : IDbContextOptionsExtension
    {
        private DbContextOptionsExtensionInfo? _info;

        public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

        public void ApplyServices(IServiceCollection services) =>
            new EntityFrameworkRelationalServicesBuilder(services).TryAdd<IMethodCallTranslatorPlugin, Plugin>();

        public void Validate(IDbContextOptions options)
        {
        }

        private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
        {
            public override bool IsDatabaseProvider => false;

            public override string LogFragment => "using SQLite row values ";

            public override int GetServiceProviderHashCode() => 0;

            public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

            public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["StalkingProtection:SqliteRowValues"] = "1";
        }
    }
}
