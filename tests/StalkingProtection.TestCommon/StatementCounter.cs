using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace StalkingProtection.TestCommon;

/// <summary>
/// Counts the SQL statements (readers, scalars and non-queries) a context sends while a count is open, and keeps their
/// text so a failing test can show them. Counting is not timing: the number of round trips a request makes is a fact
/// of the code, the same on every machine.
/// </summary>
public sealed class StatementCounter : DbCommandInterceptor
{
    private readonly Lock _lock = new();
    private List<string>? _statements;

    /// <summary>Counts every statement from now until the returned count is disposed.</summary>
    public Count Start()
    {
        lock (_lock)
        {
            if (_statements is not null)
            {
                throw new InvalidOperationException("A count is already open.");
            }

            _statements = [];
            return new Count(this, _statements);
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        lock (_lock)
        {
            _statements?.Add(command.CommandText);
        }
    }

    private void Stop()
    {
        lock (_lock)
        {
            _statements = null;
        }
    }

    /// <summary>The statements counted so far; disposing it stops the count.</summary>
    public sealed class Count(StatementCounter counter, List<string> statements) : IDisposable
    {
        public IReadOnlyList<string> Statements
        {
            get
            {
                lock (counter._lock)
                {
                    return [.. statements];
                }
            }
        }

        public int Total => Statements.Count;

        public void Dispose() => counter.Stop();
    }
}
