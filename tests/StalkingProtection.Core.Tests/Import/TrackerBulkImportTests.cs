using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Import;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Import;

/// <summary>
/// The bulk path of the tracker import (TrackerBulkRows) against the per-row path through the services: the same file leaves
/// the same register, table by table, and the same report.
/// </summary>
public partial class TrackerBulkImportTests
{
    private static readonly DateOnly _today = new(2026, 6, 1);

    // Ids and victim references are drawn afresh in each database; a version counts the saves that wrote a row, and the bulk path writes each row once.
    private static readonly HashSet<string> _notCompared = ["id", "version", "order_version", "victim_reference"];

    private static IReadOnlyList<TrackerRow> Generated(int rows, int seed) =>
        TrackerFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(TrackerGenerator.Csv(rows, seed))), "tracker.csv");

    private static async Task<TrackerImportReport> RunAsync(TestDatabase db, IReadOnlyList<TrackerRow> rows, bool bulk, int chunk = 7)
    {
        await using var context = db.CreateContext();
        var clock = TestClock.At(_today);
        return await new TrackerImportService(context, new AuditLog(context, clock), clock,
            Options.Create(new TrackerImportOptions { Bulk = bulk, BulkChunkSize = chunk })).RunAsync(rows, false, TestData.Coordinator);
    }

    [Fact]
    public async Task BulkImport_LeavesEveryTableAsTheImportThroughTheServicesDoes_WithNotificationsBreachesVariationsAndDischarges_R25_R35_R22()
    {
        var rows = Generated(60, seed: 7);
        await using var services = await TestDatabase.CreateAsync();
        await using var oneChunk = await TestDatabase.CreateAsync();
        await using var chunked = await TestDatabase.CreateAsync();

        var throughServices = await RunAsync(services, rows, bulk: false);
        var inOneChunk = await RunAsync(oneChunk, rows, bulk: true, chunk: rows.Count);
        var inChunks = await RunAsync(chunked, rows, bulk: true, chunk: 7);

        Assert.Equal(0, throughServices.BulkRows);
        // Every row goes in bulk, with its notifications, breaches, variations and discharge, those naming the respondent of an earlier
        // row too, in the same chunk or an earlier one.
        Assert.Equal(rows.Count, inOneChunk.BulkRows);
        Assert.Equal(rows.Count, inChunks.BulkRows);
        Assert.True(throughServices.MatchingExistingPeople >= 5, $"{throughServices.MatchingExistingPeople} rows name the respondent of an earlier row");
        Assert.Contains(rows, r => r[TrackerColumn.Variations].Length > 0);
        var expected = await TablesAsync(services);
        Assert.All(new[] { "orders", "conditions", "hearings", "notification_obligations", "notification_events", "breaches", "order_changes", "staff_tasks",
            "audit_entries", "tracker_imported_rows" }, table => Assert.NotEmpty(expected[table]));
        Assert.All(new[] { "Obligation.Met", "Breach.Recorded", "Order.Discharged", "Task.Replaced", "Task.Cancelled", "Case.RespondentLinked" },
            action => Assert.Contains(expected["audit_entries"], e => e.Contains($"action={action};", StringComparison.Ordinal)));
        foreach (var (inBulk, bulk) in new[] { (inOneChunk, oneChunk), (inChunks, chunked) })
        {
            Assert.Equal(Reported(throughServices), Reported(inBulk));
            var actual = await TablesAsync(bulk);
            Assert.Equal(expected.Keys, actual.Keys);
            foreach (var (table, tableRows) in expected)
            {
                Assert.True(tableRows.SequenceEqual(actual[table]), $"{table} differs: {Difference(tableRows, actual[table])}");
            }
        }
    }

    [Fact]
    public async Task BulkImport_RowOfARespondentOfAnEarlierChunk_MeetsTheirEarlierOrdersDutyAndDischargesAsThroughTheServices_R25_R22()
    {
        // SPA 2019 s.9(1), R25: WM-1's order is served and not notified; WM-2, a chunk later, names the same respondent and gives the
        // notification that meets WM-1's duty. WM-3, later still, names them with a discharged order.
        var rows = TrackerFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(
            string.Join(",", TrackerColumns.All.Select(c => c.Header)) + "\r\n" +
            "WM-1,Ashworth,Darren James,14/02/1979,79/183452K,Kirsty Ellam,West Midlands,03/04/2025,,Coventry Magistrates' Court,Full,11/04/2025,12/04/2025,10/04/2027,Must not contact Kirsty Ellam directly or indirectly,,,,,DC Helen Rudd\r\n" +
            "WM-2,Ashworth,Darren James,14/02/1979,79/183452K,Sophie Marsh,West Midlands,03/05/2025,,Coventry Magistrates' Court,Full,11/05/2025,12/05/2025,10/05/2027,Must not contact Sophie Marsh,14/04/2025; 13/05/2025,,,,DC Helen Rudd\r\n" +
            "WM-3,Ashworth,Darren James,14/02/1979,79/183452K,Megan Foulkes,West Midlands,03/01/2023,,Coventry Magistrates' Court,Full,11/01/2023,12/01/2023,until further order,Must not contact Megan Foulkes,,,,10/02/2025,DC Helen Rudd\r\n")),
            "tracker.csv");
        await using var services = await TestDatabase.CreateAsync();
        await using var bulk = await TestDatabase.CreateAsync();

        var throughServices = await RunAsync(services, rows, bulk: false);
        var inBulk = await RunAsync(bulk, rows, bulk: true, chunk: 1);

        Assert.Equal(3, inBulk.BulkRows);
        Assert.Equal(Reported(throughServices), Reported(inBulk));
        var expected = await TablesAsync(services);
        Assert.True(expected["notification_obligations"].Count(o => o.Contains("status=Met", StringComparison.Ordinal)) >= 2);
        Assert.Contains(expected["audit_entries"], e => e.Contains("action=Order.Discharged;", StringComparison.Ordinal));
        var actual = await TablesAsync(bulk);
        foreach (var (table, tableRows) in expected)
        {
            Assert.True(tableRows.SequenceEqual(actual[table]), $"{table} differs: {Difference(tableRows, actual[table])}");
        }
    }

    [Fact]
    public async Task BulkImport_RowOfAnEarlierRowsRespondentBreakingARule_SendsAllTheirRowsThroughTheServices_R14()
    {
        // WM-2 names WM-1's respondent (the same PNC ID) and breaks SPA 2019 s.3(2), R14; WM-4 names them again.
        var rows = TrackerFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(
            string.Join(",", TrackerColumns.All.Select(c => c.Header)) + "\r\n" +
            "WM-1,Ashworth,Darren James,14/02/1979,79/183452K,Kirsty Ellam,West Midlands,03/04/2025,,Coventry Magistrates' Court,Full,11/04/2025,12/04/2025,10/04/2027,Must not contact Kirsty Ellam directly or indirectly,14/04/2025,,,,DC Helen Rudd\r\n" +
            "WM-2,Ashworth,Darren James,14/02/1979,79/183452K,Sophie Marsh,West Midlands,03/05/2025,,Coventry Magistrates' Court,Full,11/05/2025,12/05/2025,10/10/2025,Must not contact Sophie Marsh,,,,,DC Helen Rudd\r\n" +
            "WM-3,Brennan,Liam,02/09/1990,,Sophie Marsh,West Midlands,18/08/2025,,Birmingham Magistrates' Court,Full,01/09/2025,01/09/2025,until further order,Must not contact Sophie Marsh,,,,,PC Omar Siddiqui\r\n" +
            "WM-4,Ashworth,Darren,14/02/1979,79/183452K,Megan Foulkes,West Midlands,03/06/2025,,Coventry Magistrates' Court,Full,11/06/2025,12/06/2025,10/06/2027,Must not contact Megan Foulkes,14/04/2025; 13/06/2025,,,,DC Helen Rudd\r\n")),
            "tracker.csv");
        await using var services = await TestDatabase.CreateAsync();
        await using var bulk = await TestDatabase.CreateAsync();

        var throughServices = await RunAsync(services, rows, bulk: false);
        var inBulk = await RunAsync(bulk, rows, bulk: true);

        Assert.Equal(1, inBulk.BulkRows);
        var broken = Assert.Single(inBulk.Rows, r => r.Outcome == TrackerRowOutcome.BreaksRule);
        Assert.Equal("WM-2", broken.OrderReference);
        Assert.Contains(broken.Problems, p => p.RuleId == "R14");
        Assert.True(inBulk.Rows.Single(r => r.OrderReference == "WM-4").MatchesExistingPerson);
        Assert.Equal(Reported(throughServices), Reported(inBulk));
        var expected = await TablesAsync(services);
        var actual = await TablesAsync(bulk);
        foreach (var (table, tableRows) in expected)
        {
            Assert.True(tableRows.SequenceEqual(actual[table]), $"{table} differs: {Difference(tableRows, actual[table])}");
        }
    }

    [Fact]
    public async Task BulkImport_RowBreakingARuleOfTheOrder_IsReportedAsThroughTheServices_R14()
    {
        // SPA 2019 s.3(2), R14: a fixed period of less than two years; the tracker's parsing accepts the date, the order refuses it.
        var rows = TrackerFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(
            string.Join(",", TrackerColumns.All.Select(c => c.Header)) + "\r\n" +
            "WM-1,Ashworth,Darren James,14/02/1979,79/183452K,Kirsty Ellam,West Midlands,03/04/2025,,Coventry Magistrates' Court,Full,11/04/2025,12/04/2025,10/10/2025,Must not contact Kirsty Ellam directly or indirectly,,,,,DC Helen Rudd\r\n" +
            "WM-2,Brennan,Liam,02/09/1990,,Sophie Marsh,West Midlands,18/08/2025,,Birmingham Magistrates' Court,Full,01/09/2025,01/09/2025,until further order,Must not contact Sophie Marsh,,,,,PC Omar Siddiqui\r\n")),
            "tracker.csv");
        await using var services = await TestDatabase.CreateAsync();
        await using var bulk = await TestDatabase.CreateAsync();

        var throughServices = await RunAsync(services, rows, bulk: false);
        var inBulk = await RunAsync(bulk, rows, bulk: true);

        Assert.Equal(1, inBulk.BulkRows);
        var broken = Assert.Single(inBulk.Rows, r => r.Outcome == TrackerRowOutcome.BreaksRule);
        Assert.Contains(broken.Problems, p => p.RuleId == "R14");
        Assert.Equal(Reported(throughServices), Reported(inBulk));
        await using var ctx = bulk.CreateContext();
        Assert.Equal(1, await ctx.Orders.CountAsync());
        Assert.Equal(1, await ctx.Cases.CountAsync());
    }

    [Fact]
    public async Task BulkImport_SameFileAgain_AddsNothing_AndAnInterruptedRunEndsAsACleanRun()
    {
        var rows = Generated(30, seed: 11);
        await using var clean = await TestDatabase.CreateAsync();
        await using var resumed = await TestDatabase.CreateAsync();
        await RunAsync(clean, rows, bulk: true, chunk: 4);

        // A run stopped after its first chunks: what committed stays, the rest is imported by the next run.
        await RunAsync(resumed, rows.Take(9).ToList(), bulk: true, chunk: 4);
        var again = await RunAsync(resumed, rows, bulk: true, chunk: 4);
        var third = await RunAsync(resumed, rows, bulk: true, chunk: 4);

        Assert.True(again.Count(TrackerRowOutcome.AlreadyImported) > 0);
        Assert.All(third.Rows, r => Assert.Equal(TrackerRowOutcome.AlreadyImported, r.Outcome));
        var expected = await TablesAsync(clean);
        var actual = await TablesAsync(resumed);
        foreach (var (table, tableRows) in expected.Where(t => t.Key != "audit_entries"))
        {
            Assert.True(tableRows.SequenceEqual(actual[table]), $"{table} differs: {Difference(tableRows, actual[table])}");
        }
    }

    private static List<string> Reported(TrackerImportReport report) =>
        [.. report.Rows.Select(r => $"{r.RowNumber} {r.OrderReference} {r.Outcome} {r.MatchesExistingPerson} {r.NeedsReview} " +
            string.Join(" / ", r.Problems.Select(p => $"{p.Column}|{p.RuleId}|{p.Message}")) + " " + string.Join(" / ", r.Notes))];

    private static string Difference(List<string> expected, List<string> actual) =>
        $"{expected.Count} rows against {actual.Count}; only through the services: {string.Join(" || ", expected.Except(actual).Take(3))}; only in bulk: {string.Join(" || ", actual.Except(expected).Take(3))}";

    /// <summary>Every table of the model, each row as text with its ids (and the ids inside its text and issued references) blanked, rows sorted.</summary>
    private static async Task<SortedDictionary<string, List<string>>> TablesAsync(TestDatabase db)
    {
        await using var ctx = db.CreateContext();
        var connection = ctx.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in ctx.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var cells = new List<string>();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var name = reader.GetName(i);
                    if (_notCompared.Contains(name) || name.EndsWith("_version", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var value = reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
                    cells.Add($"{name}={Ids().Replace(IssuedReferences().Replace(value, "SPA-ACK-$1-<id>"), "<id>")}");
                }

                rows.Add(string.Join("; ", cells));
            }

            // A change to a month's statistics is written once for each save that makes it, and the bulk path saves a chunk at
            // once: which months are named is what must be the same.
            if (table == "statistics_month_changes")
            {
                rows = [.. rows.Distinct(StringComparer.Ordinal)];
            }

            rows.Sort(StringComparer.Ordinal);
            tables[table] = rows;
        }

        return tables;
    }

    // SPA 2019 s.10(4), R31: the acknowledgement reference the service issues holds a new identifier after the day's date.
    [GeneratedRegex("SPA-ACK-([0-9]{8})-[0-9A-F]{32}")]
    private static partial Regex IssuedReferences();

    [GeneratedRegex("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")]
    private static partial Regex Ids();
}
