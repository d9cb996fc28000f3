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
/// </summary>
internal static class ImportBench
{
    public static async Task<string> RunAsync(Func<StalkingProtectionDbContext> create, DatabaseProvider provider, int rows, Action<string> say)
    {
        var csv = TrackerGenerator.Csv(rows, seed: 2019);
        var read = Stopwatch.StartNew();
        var tracker = TrackerFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "tracker.csv");
        var readSeconds = read.Elapsed.TotalSeconds;
        var by = new Actor("bench-import", "Bench import", null);

        async Task<(double Seconds, TrackerImportReport Report)> ImportAsync()
        {
            await using var db = create();
            var stopwatch = Stopwatch.StartNew();
            var report = await new TrackerImportService(db, new AuditLog(db, TimeProvider.System), TimeProvider.System).RunAsync(tracker, dryRun: false, by,
                new Progress<int>(done => { if (done % 1_000 == 0) { say($"  {done:N0} rows"); } }));
            return (stopwatch.Elapsed.TotalSeconds, report);
        }

        say($"Importing {rows:N0} generated rows...");
        var (first, report) = await ImportAsync();
        say("Importing the same file again...");
        var (again, repeat) = await ImportAsync();
        string Rate(double seconds) => $"{rows / seconds:N1}";
        return $"""
            ## Tracker import, {provider}, {rows:N0} rows

            | step | seconds | rows per second | outcome |
            | --- | ---: | ---: | --- |
            | read the CSV (`TrackerFile.Read`) | {readSeconds:N2} | {rows / readSeconds:N0} | {tracker.Count:N0} rows |
            | import into an empty register | {first:N1} | {Rate(first)} | {report.Count(TrackerRowOutcome.Create):N0} created, {report.Count(TrackerRowOutcome.BreaksRule):N0} breaking a rule |
            | the same file again | {again:N1} | {Rate(again)} | {repeat.Count(TrackerRowOutcome.AlreadyImported):N0} already imported |

            At this rate 1,000,000 rows take {1_000_000 / (rows / first) / 3600:N1} hours (target: 15 s on PostgreSQL, 60 s on SQLite).

            """;
    }
}
