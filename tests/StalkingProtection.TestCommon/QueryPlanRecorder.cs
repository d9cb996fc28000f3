using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using StalkingProtection.Core.Data;

namespace StalkingProtection.TestCommon;

/// <summary>
/// Records the database's plan for every query a context runs, by running EXPLAIN with the same text and parameters
/// just before the query. On PostgreSQL sequential scans are disabled for the plan, so a plan that still scans a table
/// has no index it could use (P3).
/// </summary>
public sealed class QueryPlanRecorder(DatabaseProvider provider) : DbCommandInterceptor
{
    private readonly List<(string Sql, string Plan)> _plans = [];

    public IReadOnlyList<(string Sql, string Plan)> Plans => _plans;

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _plans.Add((command.CommandText, await ExplainAsync(command, cancellationToken)));
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        _plans.Add((command.CommandText, await ExplainAsync(command, cancellationToken)));
        return result;
    }

    /// <summary>
    /// Tables that a plan reads in full, without an index. On SQLite a scan of a subquery's output ("CO-ROUTINE x" then
    /// "SCAN x") reads rows the subquery found, not a table, so it does not count; the subquery's own lines still do.
    /// </summary>
    public static IReadOnlyList<string> FullScans(string plan, DatabaseProvider provider)
    {
        var lines = plan.Split('\n').Select(line => line.Trim()).ToList();
        var subqueries = lines.Where(line => line.StartsWith("CO-ROUTINE ", StringComparison.Ordinal)).Select(line => line[11..].Split(' ')[0]).ToHashSet();
        return lines
            .Select(line => provider == DatabaseProvider.Postgres
                ? (line.Contains("Seq Scan on ", StringComparison.Ordinal) ? line[(line.IndexOf("Seq Scan on ", StringComparison.Ordinal) + 12)..].Split(' ')[0] : null)
                : (line.StartsWith("SCAN ", StringComparison.Ordinal) && !line.Contains("USING", StringComparison.Ordinal) ? line[5..].Split(' ')[0] : null))
            .OfType<string>()
            .Where(table => provider == DatabaseProvider.Postgres || !subqueries.Contains(table))
            .ToList();
    }

    /// <summary>
    /// Indexes that a plan reads from end to end, with no bound on the key: as costly as a table scan once the table is
    /// large. SQLite says "SCAN t USING INDEX i"; PostgreSQL shows an index scan node with no "Index Cond" beneath it.
    /// </summary>
    public static IReadOnlyList<string> FullIndexScans(string plan, DatabaseProvider provider)
    {
        var lines = plan.Split('\n');
        if (provider == DatabaseProvider.Sqlite)
        {
            return lines.Select(line => Regex.Match(line.Trim(), @"^SCAN \S+ USING (?:COVERING )?INDEX (\S+)"))
                .Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        }

        var scans = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var node = Regex.Match(lines[i], @"Index (?:Only )?Scan(?: Backward)? using (\S+)");
            if (node.Success && !lines.Skip(i + 1).TakeWhile(l => !l.Contains("->", StringComparison.Ordinal)).Any(l => l.Contains("Index Cond:", StringComparison.Ordinal)))
            {
                scans.Add(node.Groups[1].Value);
            }
        }

        return scans;
    }

    /// <summary>Every index a plan reads, by name.</summary>
    public static IReadOnlySet<string> IndexesUsed(string plan, DatabaseProvider provider) =>
        Regex.Matches(plan, provider == DatabaseProvider.Postgres
                ? @"(?:Index (?:Only )?Scan(?: Backward)? using|Bitmap Index Scan on) (\S+)"
                : @"USING (?:COVERING )?INDEX (\S+)")
            .Select(m => m.Groups[1].Value).ToHashSet();

    private async Task<string> ExplainAsync(DbCommand command, CancellationToken ct)
    {
        var connection = command.Connection!;
        if (provider == DatabaseProvider.Postgres)
        {
            await using var off = connection.CreateCommand();
            off.Transaction = command.Transaction;
            off.CommandText = "SET enable_seqscan = off";
            await off.ExecuteNonQueryAsync(ct);
        }

        await using var explain = connection.CreateCommand();
        explain.Transaction = command.Transaction;
        explain.CommandText = (provider == DatabaseProvider.Postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + command.CommandText;
        foreach (DbParameter parameter in command.Parameters)
        {
            var copy = explain.CreateParameter();
            copy.ParameterName = parameter.ParameterName;
            copy.Value = parameter.Value;
            copy.DbType = parameter.DbType;
            explain.Parameters.Add(copy);
        }

        var lines = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                // SQLite answers (id, parent, notused, detail); PostgreSQL one text column.
                lines.Add(Convert.ToString(reader.GetValue(reader.FieldCount - 1), System.Globalization.CultureInfo.InvariantCulture) ?? "");
            }
        }

        if (provider == DatabaseProvider.Postgres)
        {
            await using var on = connection.CreateCommand();
            on.Transaction = command.Transaction;
            on.CommandText = "RESET enable_seqscan";
            await on.ExecuteNonQueryAsync(ct);
        }

        return string.Join('\n', lines);
    }
}
