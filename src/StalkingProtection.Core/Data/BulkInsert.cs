using System.Collections;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace StalkingProtection.Core.Data;

/// <summary>
/// Writes new rows straight from the domain entities, without SaveChanges or a change tracker: every entity given and every
/// entity reachable from it through the model's navigations is a new row. The model gives each table's columns, getters and
/// value converters, worked out once per table (so what is converted on save is converted here too), and the rows go in by
/// PostgreSQL binary COPY or, on SQLite, one prepared INSERT per table whose parameters are bound again for each row. The
/// entities carry their own keys and foreign keys (the domain's factories set them); a new versioned row gets version 1, as
/// <see cref="StalkingProtectionDbContext"/>'s save does. What SaveChanges does besides (the cases list's keys) is the caller's to do.
/// </summary>
internal static partial class BulkInsert
{
    private static readonly ConcurrentDictionary<IEntityType, Table> _tables = new();

    /// <summary>Writes the entities and everything reachable from them, each table after the tables it points to, in <paramref name="transaction"/>.</summary>
    public static async Task<int> WriteAsync(IModel model, DbConnection connection, DbTransaction? transaction, IEnumerable<object> entities,
        CancellationToken ct)
    {
        var byType = Collect(model, entities);
        var written = 0;
        foreach (var entityType in InsertionOrder(model, byType.Keys))
        {
            var table = TableFor(entityType);

            // A row that points at another of its table (an interim application at its main application) goes after it.
            var rows = table.SelfReference is { } self
                ? [.. byType[entityType].OrderBy(e => self.Get(e) is null ? 0 : 1)]
                : byType[entityType];
            if (connection is NpgsqlConnection postgres)
            {
                await CopyAsync(postgres, table, rows, ct);
            }
            else
            {
                await InsertAsync((SqliteConnection)connection, (SqliteTransaction?)transaction, table, rows, ct);
            }

            written += rows.Count;
        }

        return written;
    }

    /// <summary>The entities and what they reach, by entity type, each once, in the order met.</summary>
    private static Dictionary<IEntityType, List<object>> Collect(IModel model, IEnumerable<object> entities)
    {
        var byType = new Dictionary<IEntityType, List<object>>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<object>();
        foreach (var root in entities)
        {
            stack.Push(root);
            while (stack.Count > 0)
            {
                var entity = stack.Pop();
                if (!seen.Add(entity))
                {
                    continue;
                }

                var entityType = model.FindRuntimeEntityType(entity.GetType())
                    ?? throw new InvalidOperationException($"{entity.GetType().Name} is not in the model.");
                var table = TableFor(entityType);
                if (!byType.TryGetValue(entityType, out var rows))
                {
                    rows = [];
                    byType[entityType] = rows;
                }

                rows.Add(entity);
                if (entity is IVersioned { Version: 0 } versioned)
                {
                    versioned.Version = 1;
                }

                // Pushed in reverse so that children come out in their own order.
                for (var i = table.Navigations.Count - 1; i >= 0; i--)
                {
                    switch (table.Navigations[i].Get(entity))
                    {
                        case null:
                            break;
                        case IEnumerable children when table.Navigations[i].IsCollection:
                            var list = children.Cast<object>().ToList();
                            for (var j = list.Count - 1; j >= 0; j--)
                            {
                                stack.Push(list[j]);
                            }

                            break;
                        case var child:
                            stack.Push(child);
                            break;
                    }
                }
            }
        }

        return byType;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, Table table, List<object> rows, CancellationToken ct)
    {
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in table.Columns)
            {
                if (column.ProviderValue(row) is not { } value)
                {
                    await importer.WriteNullAsync(ct);
                }
                else if (column.PostgresType is { } type)
                {
                    await importer.WriteAsync(value, type, ct);
                }
                else
                {
                    await importer.WriteAsync(value, column.StoreType, ct);
                }
            }
        }

        await importer.CompleteAsync(ct);
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction? transaction, Table table, List<object> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = table.InsertSql;

        // The provider's own type mapping makes each parameter once, as SaveChanges would (Guids and instants as SQLite text);
        // each row then binds its values to the same prepared statement.
        var parameters = new DbParameter[table.Columns.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            var column = table.Columns[i];
            parameters[i] = column.Mapping.CreateParameter(command, "$p" + i, column.Get(rows[0]), column.Property.IsNullable);
            command.Parameters.Add(parameters[i]);
        }

        command.Prepare();
        for (var r = 0; r < rows.Count; r++)
        {
            if (r > 0)
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = table.Columns[i].ProviderValue(rows[r]) ?? DBNull.Value;
                }
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The table of an entity type, its columns and navigations, worked out once from the model.</summary>
    public static Table TableFor(IEntityType entityType) => _tables.GetOrAdd(entityType, Describe);

    private static Table Describe(IEntityType entityType)
    {
        var name = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} has no table.");
        var store = StoreObjectIdentifier.Table(name, entityType.GetSchema());
        var columns = new List<Column>();
        foreach (var property in entityType.GetProperties())
        {
            if (property.GetComputedColumnSql() is not null)
            {
                continue;
            }

            if (property.ValueGenerated.HasFlag(ValueGenerated.OnAdd) && property.IsKey() && property.ClrType != typeof(Guid))
            {
                // The database numbers these rows as they arrive (audit entries, in the order they were given).
                if (entityType.GetReferencingForeignKeys().Any())
                {
                    throw new InvalidOperationException($"{entityType.DisplayName()}.{property.Name} is generated by the database and other rows refer to it.");
                }

                continue;
            }

            if (property.IsShadowProperty())
            {
                throw new InvalidOperationException($"{entityType.DisplayName()}.{property.Name} is a shadow property: the bulk path writes only what the entity holds.");
            }

            var mapping = property.GetRelationalTypeMapping();
            columns.Add(new Column(property.GetColumnName(store)!, property, Facets().Replace(property.GetColumnType(), ""), mapping,
                property.GetGetter()));
        }

        var navigations = new List<Navigation>();
        foreach (var navigation in entityType.GetNavigations())
        {
            if (navigation.TargetEntityType.IsOwned())
            {
                navigations.Add(new Navigation(navigation.GetGetter(), navigation.IsCollection,
                    $"{entityType.DisplayName()}.{navigation.Name} is owned: the bulk path does not write owned rows."));
                continue;
            }

            navigations.Add(new Navigation(navigation.GetGetter(), navigation.IsCollection, null));
        }

        if (entityType.GetSkipNavigations().Any())
        {
            throw new InvalidOperationException($"{entityType.DisplayName()} has a many-to-many navigation, which the bulk path does not write.");
        }

        var self = entityType.GetForeignKeys().Where(fk => fk.PrincipalEntityType == entityType).SelectMany(fk => fk.Properties).FirstOrDefault();
        var table = new Table(name, columns, navigations, self is null ? null : columns.Single(c => c.Property == self));
        return table;
    }

    /// <summary>The PostgreSQL type the provider's mapping gives a parameter of the column, resolved once; null on SQLite or when it names none.</summary>
    private static NpgsqlDbType? PostgresTypeOf(RelationalTypeMapping mapping)
    {
        using var command = new NpgsqlCommand();
        var parameter = (NpgsqlParameter)mapping.CreateParameter(command, "p", null);
        return parameter.NpgsqlDbType is NpgsqlDbType.Unknown ? null : parameter.NpgsqlDbType;
    }

    /// <summary>Every table after the tables its foreign keys point to.</summary>
    internal static List<IEntityType> InsertionOrder(IModel model, IEnumerable<IEntityType> present)
    {
        var wanted = present.ToHashSet();
        var ordered = new List<IEntityType>();
        var visited = new HashSet<IEntityType>();

        void Visit(IEntityType type)
        {
            if (!visited.Add(type))
            {
                return;
            }

            foreach (var fk in type.GetForeignKeys().Where(fk => fk.PrincipalEntityType != type))
            {
                var principal = fk.PrincipalEntityType.IsOwned() ? fk.PrincipalEntityType.FindOwnership()!.PrincipalEntityType : fk.PrincipalEntityType;
                Visit(principal);
            }

            if (wanted.Contains(type))
            {
                ordered.Add(type);
            }
        }

        foreach (var type in model.GetEntityTypes().Where(t => !t.IsOwned()).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            Visit(type);
        }

        return ordered;
    }

    [GeneratedRegex(@"\(.*\)")]
    private static partial Regex Facets();

    internal sealed record Column(string Name, IProperty Property, string StoreType, RelationalTypeMapping Mapping, IClrPropertyGetter Getter)
    {
        private readonly Lazy<NpgsqlDbType?> _postgresType = new(() => PostgresTypeOf(Mapping));

        /// <summary>Asked only of a PostgreSQL model's columns.</summary>
        public NpgsqlDbType? PostgresType => _postgresType.Value;

        public object? Get(object entity) => Getter.GetClrValueUsingContainingEntity(entity);

        /// <summary>The value as the provider stores it: through the property's converter, an enum without one as its number.</summary>
        public object? ProviderValue(object entity)
        {
            var value = Get(entity);
            if (value is null)
            {
                return null;
            }

            if (Mapping.Converter is { } converter)
            {
                return converter.ConvertToProvider(value);
            }

            return value is Enum ? Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), System.Globalization.CultureInfo.InvariantCulture) : value;
        }
    }

    internal sealed record Navigation(IClrPropertyGetter Getter, bool IsCollection, string? Refusal)
    {
        public object? Get(object entity)
        {
            var value = Getter.GetClrValueUsingContainingEntity(entity);
            return value is not null && Refusal is not null ? throw new InvalidOperationException(Refusal) : value;
        }
    }

    internal sealed class Table(string name, List<Column> columns, List<Navigation> navigations, Column? selfReference)
    {
        public string Name { get; } = name;

        public List<Column> Columns { get; } = columns;

        public List<Navigation> Navigations { get; } = navigations;

        public Column? SelfReference { get; } = selfReference;

        public string InsertSql { get; } = $"INSERT INTO \"{name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
    }
}
