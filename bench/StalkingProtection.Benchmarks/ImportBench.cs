using System.Diagnostics;
using System.Text;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Import;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Benchmarks;

/// <summary>
/// Import throughput: a generated tracker of <c>rows</c> rows imported by <see cref="TrackerImportService"/> into the
/// freshly migrated database, as the <c>import</c> command does, then the same file again (every row already imported).
/// Per row: every row through the services, the bulk path off. Create only: the generated rows for a respondent of no earlier
/// row, the go-live case the bulk path is for.
/// </summary>
internal static class ImportBench
{
    public static async Task<string> RunAsync(Func<StatementCounter, StalkingProtectionDbContext> create, DatabaseProvider provider, int rows, bool perRow,
        bool createOnly, Action<string> say)
    {
        var counter = new StatementCounter();
        var csv = TrackerGenerator.Csv(rows, seed: 2019);
        var read = Stopwatch.StartNew();
        IReadOnlyList<TrackerRow> tracker = TrackerFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "tracker.csv");
        var readSeconds = read.Elapsed.TotalSeconds;
        if (createOnly)
        {
            var people = new HashSet<string>(StringComparer.Ordinal);
            tracker = [.. tracker.Where(r => people.Add(r[TrackerColumn.PncId]))];
            rows = tracker.Count;
        }

        var options = Microsoft.Extensions.Options.Options.Create(new TrackerImportOptions { Bulk = !perRow });
        var by = new Actor("bench-import", "Bench import", null);

        // Process CPU (every thread, the garbage collector's too) is the fair measure on a shared machine; wall time depends on the load.
        async Task<(double Seconds, double Cpu, int FullCollections, TrackerImportReport Report, IReadOnlyList<string> Statements)> ImportAsync()
        {
            await using var db = create(counter);
            using var count = counter.Start();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var collections = GC.CollectionCount(2);
            var stopwatch = Stopwatch.StartNew();
            var report = await new TrackerImportService(db, new AuditLog(db, TimeProvider.System), TimeProvider.System, options).RunAsync(tracker, dryRun: false, by,
                new Progress<int>(done => { if (done % 1_000 == 0) { say($"  {done:N0} rows"); } }));
            return (stopwatch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, GC.CollectionCount(2) - collections, report,
                count.Statements);
        }

        say($"Importing {rows:N0} generated rows...");
        var (first, firstCpu, firstCollections, report, statements) = await ImportAsync();
        say("Importing the same file again...");
        var (again, againCpu, againCollections, repeat, repeatStatements) = await ImportAsync();
        string Rate(double seconds) => $"{rows / seconds:N1}";
        string Cpu(double seconds) => $"{seconds:N1} ({seconds * 1000 / rows:N2} ms a row)";
        string PerRow(int count) => $"{(double)count / rows:N1}";
        var kinds = string.Join("\n", statements.GroupBy(Kind).OrderByDescending(g => g.Count())
            .Select(g => $"| {g.Key} | {g.Count():N0} | {PerRow(g.Count())} |"));
        return $"""
            ## Tracker import, {provider}, {rows:N0} rows{(createOnly ? " that only create records" : "")}, {(perRow ? "every row through the services" : "bulk path on")}

            Load average at the end (`/proc/loadavg`): {File.ReadAllText("/proc/loadavg").Trim()}

            | step | seconds | rows per second | process CPU seconds | full GCs | outcome |
            | --- | ---: | ---: | ---: | ---: | --- |
            | read the CSV (`TrackerFile.Read`) | {readSeconds:N2} | {rows / readSeconds:N0} | | | {tracker.Count:N0} rows |
            | import into an empty register | {first:N1} | {Rate(first)} | {Cpu(firstCpu)} | {firstCollections} | {report.Count(TrackerRowOutcome.Create):N0} created ({report.BulkRows:N0} by the bulk path), {report.Count(TrackerRowOutcome.BreaksRule):N0} breaking a rule |
            | the same file again | {again:N1} | {Rate(again)} | {Cpu(againCpu)} | {againCollections} | {repeat.Count(TrackerRowOutcome.AlreadyImported):N0} already imported |

            Statements sent to the database: {statements.Count:N0} on the first import ({PerRow(statements.Count)} a row), {repeatStatements.Count:N0} on the second.

            | statement (first import) | count | per row |
            | --- | ---: | ---: |
            {kinds}

            At this rate 1,000,000 rows take {1_000_000 / (rows / first):N0} s, {1_000_000 / (rows / first) / 3600:N1} hours (target: 15 s on PostgreSQL, 60 s on SQLite); at this CPU a row, 1,000,000 rows need {firstCpu / rows * 1_000_000:N0} s of CPU.

            """;
    }

    /// <summary>The statement's verb, or the table a SELECT or INSERT reads or writes first, so the profile says what a row costs.</summary>
    private static string Kind(string sql)
    {
        var text = sql.TrimStart();
        var verb = text.Split([' ', '\n', '\r', '\t', ';'], 2)[0].ToUpperInvariant();
        var table = verb switch
        {
            "SELECT" => After(text, " FROM "),
            "INSERT" => After(text, "INSERT INTO "),
            "UPDATE" => After(text, "UPDATE "),
            "DELETE" => After(text, "DELETE FROM "),
            _ => null,
        };
        return table is null ? verb : $"{verb} {table}";
    }

    private static string? After(string sql, string marker)
    {
        var at = sql.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : new string(sql[(at + marker.Length)..].TakeWhile(c => !char.IsWhiteSpace(c) && c != '(' && c != ';').ToArray()).Trim('"');
    }
}
