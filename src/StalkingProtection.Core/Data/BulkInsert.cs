using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace StalkingProtection.Core.Data;

/// <summary>
/// Writes the rows a context tracks as added without SaveChanges, in the context's open transaction: the change tracker has
/// found every child row and shadow key, the model gives each table's columns and value converters (so what is encrypted or
/// converted on save is here too), and the rows go in by PostgreSQL binary COPY or, on SQLite, by one prepared INSERT per
/// table. What SaveChanges does besides (versions, the cases list's keys) is the caller's to do.
/// </summary>
internal sealed partial class BulkInsert(StalkingProtectionDbContext db)
{
    private readonly Dictionary<IEntityType, Table> _tables = [];

    public async Task<int> WriteAddedAsync(CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk rows are written inside the caller's transaction.");
        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList();
        if (added.Any(e => e.Metadata.IsOwned()))
        {
            throw new InvalidOperationException("Owned rows are not written by the bulk path.");
        }

        var byType = added.GroupBy(e => e.Metadata).ToDictionary(g => g.Key, g => g.ToList());
        var written = 0;
        foreach (var entityType in InsertionOrder(db.Model, byType.Keys))
        {
            var table = TableFor(entityType);

            // A row that points at another of its table (an interim application at its main application) goes after it.
            var rows = table.SelfReference is { } self
                ? [.. byType[entityType].OrderBy(e => e.Property(self).CurrentValue is null ? 0 : 1)]
                : byType[entityType];
            if (transaction.Connection is NpgsqlConnection postgres)
            {
                await CopyAsync(postgres, table, rows, ct);
            }
            else
            {
                await InsertAsync((SqliteConnection)transaction.Connection!, transaction, table, rows, ct);
            }

            written += rows.Count;
        }

        return written;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, Table table, List<EntityEntry> rows, CancellationToken ct)
    {
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in table.Columns)
            {
                if (column.ValueOf(row) is { } value)
                {
                    await importer.WriteAsync(value, column.StoreType, ct);
                }
                else
                {
                    await importer.WriteNullAsync(ct);
                }
            }
        }

        await importer.CompleteAsync(ct);
    }

    private static async Task InsertAsync(SqliteConnection connection, DbTransaction transaction, Table table, List<EntityEntry> rows, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
        foreach (var row in rows)
        {
            // The provider's own type mapping makes each parameter, as SaveChanges would (Guids and instants as SQLite text).
            command.Parameters.Clear();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var column = table.Columns[i];
                command.Parameters.Add(column.Mapping.CreateParameter(command, "$p" + i, row.Property(column.Property).CurrentValue, column.Property.IsNullable));
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private Table TableFor(IEntityType entityType)
    {
        if (_tables.TryGetValue(entityType, out var table))
        {
            return table;
        }

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
                // The database numbers these rows as they arrive (audit entries, in the order they were added).
                if (entityType.GetReferencingForeignKeys().Any())
                {
                    throw new InvalidOperationException($"{entityType.DisplayName()}.{property.Name} is generated by the database and other rows refer to it.");
                }

                continue;
            }

            columns.Add(new Column(property.GetColumnName(store)!, property, Facets().Replace(property.GetColumnType(), ""), property.GetRelationalTypeMapping()));
        }

        var selfReference = entityType.GetForeignKeys().Where(fk => fk.PrincipalEntityType == entityType).SelectMany(fk => fk.Properties).FirstOrDefault();
        table = new Table(name, columns, selfReference);
        _tables[entityType] = table;
        return table;
    }

    /// <summary>Every table after the tables its foreign keys point to.</summary>
    private static List<IEntityType> InsertionOrder(IModel model, IEnumerable<IEntityType> present)
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

    private sealed record Column(string Name, IProperty Property, string StoreType, RelationalTypeMapping Mapping)
    {
        public object? ValueOf(EntityEntry row)
        {
            var value = row.Property(Property).CurrentValue;
            return value is null || Mapping.Converter is null ? value : Mapping.Converter.ConvertToProvider(value);
        }
    }

    private sealed record Table(string Name, List<Column> Columns, IProperty? SelfReference);
}
