using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Benchmarks;

/// <summary>
/// Writes graphs of real domain entities straight to the tables of the real EF Core model through the import's writer
/// (<see cref="BulkInsert"/>): PostgreSQL binary COPY, or on SQLite prepared INSERTs inside a single transaction.
/// </summary>
internal sealed class BulkWriter : IAsyncDisposable
{
    private readonly IModel _model;
    private readonly DbConnection _connection;
    private SqliteTransaction? _transaction;

    private BulkWriter(IModel model, DbConnection connection)
    {
        _model = model;
        _connection = connection;
    }

    public long RowsWritten { get; private set; }

    public static async Task<BulkWriter> OpenAsync(DatabaseProvider provider, string connectionString)
    {
        IModel model;
        await using (var context = DatabaseSetup.CreateContext(provider, connectionString))
        {
            model = context.Model;
        }

        if (provider == DatabaseProvider.Postgres)
        {
            var postgres = new NpgsqlConnection(connectionString);
            await postgres.OpenAsync();
            return new BulkWriter(model, postgres);
        }

        var sqlite = new SqliteConnection(connectionString);
        await sqlite.OpenAsync();
        await using (var pragmas = sqlite.CreateCommand())
        {
            // The load is one transaction that is either all there or not; the benchmark's own reads and writes use the
            // service's durable settings (SqliteDurabilityInterceptor) on their own connections.
            pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=ON; PRAGMA cache_size=-200000;";
            await pragmas.ExecuteNonQueryAsync();
        }

        return new BulkWriter(model, sqlite) { _transaction = (SqliteTransaction)await sqlite.BeginTransactionAsync() };
    }

    /// <summary>Writes the entities and everything reachable from them, parents before children.</summary>
    public async Task WriteAsync(IEnumerable<object> roots) =>
        RowsWritten += await BulkInsert.WriteAsync(_model, _connection, _transaction, roots, CancellationToken.None);

    public async Task CompleteAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.CommitAsync();
            await _transaction.DisposeAsync();
            _transaction = null;

            // Fold the load out of the write-ahead log, as the service's own small commits keep it: otherwise every later
            // commit would try to checkpoint the whole load.
            await using var checkpoint = _connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }

        await _connection.DisposeAsync();
    }
}
