using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Benchmarks;

/// <summary>
/// Writes graphs of real domain entities straight to the tables of the real EF Core model, without SaveChanges: the change
/// tracker discovers every child row and shadow key, the model gives each table's columns, types and value converters, and
/// the rows go in by PostgreSQL binary COPY or, on SQLite, by one prepared INSERT per table inside a single transaction.
/// </summary>
internal sealed partial class BulkWriter : IAsyncDisposable
{
    private readonly DatabaseProvider _provider;
    private readonly string _connectionString;
    private readonly Dictionary<IEntityType, Table> _tables = [];
    private NpgsqlConnection? _postgres;
    private SqliteConnection? _sqlite;
    private SqliteTransaction? _transaction;

    private BulkWriter(DatabaseProvider provider, string connectionString)
    {
        _provider = provider;
        _connectionString = connectionString;
    }

    public long RowsWritten { get; private set; }

    /// <summary>Time spent letting the change tracker find the rows, as opposed to sending them.</summary>
    public TimeSpan Tracking => _tracking.Elapsed;

    private readonly System.Diagnostics.Stopwatch _tracking = new();

    public static async Task<BulkWriter> OpenAsync(DatabaseProvider provider, string connectionString)
    {
        var writer = new BulkWriter(provider, connectionString);
        if (provider == DatabaseProvider.Postgres)
        {
            writer._postgres = new NpgsqlConnection(connectionString);
            await writer._postgres.OpenAsync();
        }
        else
        {
            writer._sqlite = new SqliteConnection(connectionString);
            await writer._sqlite.OpenAsync();
            await using (var pragmas = writer._sqlite.CreateCommand())
            {
                // The load is one transaction that is either all there or not; the benchmark's own reads and writes use the
                // service's durable settings (SqliteDurabilityInterceptor) on their own connections.
                pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=ON; PRAGMA cache_size=-200000;";
                await pragmas.ExecuteNonQueryAsync();
            }

            writer._transaction = (SqliteTransaction)await writer._sqlite.BeginTransactionAsync();
        }

        return writer;
    }

    /// <summary>Writes the entities and everything reachable from them, parents before children.</summary>
    public async Task WriteAsync(IEnumerable<object> roots)
    {
        _tracking.Start();
        await using var context = DatabaseSetup.CreateContext(_provider, _connectionString);
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var root in roots)
        {
            context.Add(root);
        }

        // What SaveChanges would do for a new row (StalkingProtectionDbContext.BeforeSave): version 1.
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is IVersioned { Version: 0 } versioned)
            {
                versioned.Version = 1;
            }
        }

        var byType = context.ChangeTracker.Entries()
            .Where(e => !e.Metadata.IsOwned())
            .GroupBy(e => e.Metadata)
            .ToDictionary(g => g.Key, g => g.ToList());
        _tracking.Stop();
        foreach (var entityType in InsertionOrder(context.Model, byType.Keys))
        {
            var table = TableFor(entityType);
            var rows = table.SelfReference is { } self
                ? byType[entityType].OrderBy(e => e.Property(self.Name).CurrentValue is null ? 0 : 1).ToList()
                : byType[entityType];
            if (_postgres is not null)
            {
                await CopyAsync(table, rows);
            }
            else
            {
                Insert(table, rows);
            }

            RowsWritten += rows.Count;
        }
    }

    public async Task CompleteAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.CommitAsync();
            await _transaction.DisposeAsync();
            _transaction = null;

            // Fold the load out of the write-ahead log, as the service's own small commits keep it: otherwise every later
            // commit would try to checkpoint the whole load.
            await using var checkpoint = _sqlite!.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var table in _tables.Values)
        {
            table.Insert?.Dispose();
        }

        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }

        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    private async Task CopyAsync(Table table, List<EntityEntry> rows)
    {
        var columns = string.Join(", ", table.Columns.Select(c => c.Name));
        await using var importer = await _postgres!.BeginBinaryImportAsync($"COPY {table.Name} ({columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await importer.StartRowAsync();
            foreach (var column in table.Columns)
            {
                var value = column.ValueOf(row);
                if (value is null)
                {
                    await importer.WriteNullAsync();
                }
                else
                {
                    await importer.WriteAsync(value, column.StoreType);
                }
            }
        }

        await importer.CompleteAsync();
    }

    private void Insert(Table table, List<EntityEntry> rows)
    {
        if (table.Insert is null)
        {
            var command = _sqlite!.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) " +
                $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
            for (var i = 0; i < table.Columns.Count; i++)
            {
                command.Parameters.Add(new SqliteParameter("$p" + i, null));
            }

            command.Prepare();
            table.Insert = command;
        }

        foreach (var row in rows)
        {
            for (var i = 0; i < table.Columns.Count; i++)
            {
                table.Insert.Parameters[i].Value = table.Columns[i].ValueOf(row) ?? DBNull.Value;
            }

            table.Insert.ExecuteNonQuery();
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
                // The database numbers these rows as they arrive, which is only safe when no other row points at them.
                if (entityType.GetReferencingForeignKeys().Any())
                {
                    throw new InvalidOperationException($"{entityType.DisplayName()}.{property.Name} is generated by the database and other rows refer to it; the bulk writer cannot know the keys.");
                }

                continue;
            }

            var mapping = property.GetRelationalTypeMapping();
            columns.Add(new Column(property.GetColumnName(store)!, property, Facets().Replace(property.GetColumnType(), ""), mapping.Converter));
        }

        var selfReference = entityType.GetForeignKeys()
            .Where(fk => fk.PrincipalEntityType == entityType)
            .SelectMany(fk => fk.Properties)
            .FirstOrDefault();
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

    private sealed record Column(string Name, IProperty Property, string StoreType, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter)
    {
        public object? ValueOf(EntityEntry row)
        {
            var value = row.Property(Property).CurrentValue;
            return value is null || Converter is null ? value : Converter.ConvertToProvider(value);
        }
    }

    private sealed class Table(string name, List<Column> columns, IProperty? selfReference)
    {
        public string Name { get; } = name;

        public List<Column> Columns { get; } = columns;

        public IProperty? SelfReference { get; } = selfReference;

        public SqliteCommand? Insert { get; set; }
    }
}
