using System.Text;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Import;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Import;

public class TrackerImportServiceTests
{
    private static readonly DateOnly _today = new(2026, 6, 1);

    private const string Header =
        "Order reference,Respondent family name,Respondent given names,Respondent date of birth,PNC ID,Protected persons,Applicant force,Application date,Hearing date,Court,Interim or full,Made on,Served on,Last day,Conditions,Notification dates,Breaches,Variations,Discharged on,Officer in charge";

    private const string FullRow =
        "WM-1,Ashworth,Darren James,14/02/1979,79/183452K,Kirsty Ellam,West Midlands,03/04/2025,11/04/2025,Coventry Magistrates' Court,Full,11/04/2025,12/04/2025,10/04/2027,Must not contact Kirsty Ellam directly or indirectly; Must not post about Kirsty Ellam on social media,,,,,DC Helen Rudd";

    private const string InterimRow =
        "WM-2,Haworth,Jamie,21/10/1999,99/117345W,Chloe Barrington,West Midlands,15/05/2026,,Dudley Magistrates' Court,Interim,22/05/2026,23/05/2026,19/06/2026,Must not contact Chloe Barrington directly or indirectly; Must keep away from her mother's house,,,,,PC Omar Siddiqui";

    private const string UntilFurtherOrderRow =
        "WM-3,Brennan,Liam,02/09/1990,,Sophie Marsh; Ava Marsh,WestMidlands,18/08/2025,,Birmingham Magistrates' Court,Full,01/09/2025,01/09/2025,until further order,Must not contact Sophie Marsh or Ava Marsh directly or indirectly,,14/01/2026 sent a message through a friend,,,PC Omar Siddiqui";

    private static IReadOnlyList<TrackerRow> Csv(params string[] rows) =>
        TrackerFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]))), "tracker.csv");

    private static Task<TrackerImportReport> RunAsync(TestDatabase db, IReadOnlyList<TrackerRow> rows, bool dryRun)
    {
        var context = db.CreateContext();
        var clock = TestClock.At(_today);
        return new TrackerImportService(context, new AuditLog(context, clock), clock).RunAsync(rows, dryRun, TestData.Coordinator);
    }

    [Fact]
    public async Task DryRun_ReportsEachRowAndRecordsNothing()
    {
        await using var db = await TestDatabase.CreateAsync();

        var report = await RunAsync(db, Csv(FullRow, InterimRow, UntilFurtherOrderRow), dryRun: true);

        Assert.All(report.Rows, r => Assert.Equal(TrackerRowOutcome.Create, r.Outcome));
        Assert.Contains(report.Rows[1].Notes, n => n.Contains("her mother's house", StringComparison.Ordinal));
        await using var ctx = db.CreateContext();
        Assert.Equal(0, await ctx.Orders.CountAsync());
        Assert.Equal(0, await ctx.Cases.CountAsync());
        Assert.Equal(0, await ctx.TrackerImportedRows.CountAsync());
    }

    [Fact]
    public async Task Import_RecordsOrdersWithTheirRealDatesConditionsServiceAndBreaches()
    {
        await using var db = await TestDatabase.CreateAsync();

        var report = await RunAsync(db, Csv(FullRow, InterimRow, UntilFurtherOrderRow), dryRun: false);

        Assert.All(report.Rows, r => Assert.Equal(TrackerRowOutcome.Create, r.Outcome));
        await using var ctx = db.CreateContext();
        var orders = await ctx.Orders.Include(o => o.ConditionSets).ToListAsync();
        Assert.Equal(3, orders.Count);
        var full = orders.Single(o => o.MadeOn == new DateOnly(2025, 4, 11));
        Assert.Equal(new DateOnly(2027, 4, 10), full.LastInForceDay);
        Assert.Equal(new DateOnly(2025, 4, 12), full.ServedOn);
        Assert.Equal([ConditionCategory.NoContact, ConditionCategory.OnlineOrSocialMedia],
            full.CurrentConditionSet.Conditions.OrderBy(c => c.Sequence).Select(c => c.Category));
        var interim = orders.Single(o => o.Kind == OrderKind.Interim);
        Assert.Equal(ConditionCategory.Other, interim.CurrentConditionSet.Conditions.OrderBy(c => c.Sequence).Last().Category);
        var untilFurtherOrder = orders.Single(o => o.DurationType == DurationType.UntilFurtherOrder);
        Assert.Equal(2, await ctx.Victims.CountAsync(v => v.CaseId == untilFurtherOrder.CaseId));
        Assert.Equal("sent a message through a friend", (await ctx.Breaches.SingleAsync()).Description);
        var collected = await ctx.AuditEntries.Where(a => a.Kind == AuditKind.Collection && a.Action == "Order.Made").ToListAsync();
        Assert.Equal(3, collected.Count);
        Assert.All(collected, a => Assert.Equal($"tracker-import:{report.ImportId}", a.ActorId));
    }

    [Fact]
    public async Task Import_SameFileAgain_AddsNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        await RunAsync(db, Csv(FullRow, UntilFurtherOrderRow), dryRun: false);
        int Count(Microsoft.EntityFrameworkCore.DbSet<AuditEntry> audit) => audit.Count();
        int before;
        await using (var ctx = db.CreateContext())
        {
            before = Count(ctx.AuditEntries);
        }

        var again = await RunAsync(db, Csv(FullRow, UntilFurtherOrderRow), dryRun: false);

        Assert.All(again.Rows, r => Assert.Equal(TrackerRowOutcome.AlreadyImported, r.Outcome));
        await using var after = db.CreateContext();
        Assert.Equal(2, await after.Orders.CountAsync());
        Assert.Equal(before + 1, Count(after.AuditEntries));
    }

    /// <summary>Stopped once its first row has committed, through the services one row at a time or through the bulk path a row to a chunk.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_AfterAnInterruptedRun_EndsAsACleanRunDoes(bool bulk)
    {
        await using var db = await TestDatabase.CreateAsync();
        using var cancel = new CancellationTokenSource();
        var rows = Csv(FullRow, InterimRow, UntilFurtherOrderRow);
        var context = db.CreateContext();
        var clock = TestClock.At(_today);
        var options = Microsoft.Extensions.Options.Options.Create(new TrackerImportOptions { Bulk = bulk, BulkChunkSize = 1 });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new TrackerImportService(context, new AuditLog(context, clock), clock, options)
                .RunAsync(rows, false, TestData.Coordinator, new Progress(done => cancel.Cancel()), cancel.Token));

        var resumed = await RunAsync(db, rows, dryRun: false);

        Assert.Equal(1, resumed.Count(TrackerRowOutcome.AlreadyImported));
        Assert.Equal(2, resumed.Count(TrackerRowOutcome.Create));
        await using var ctx = db.CreateContext();
        Assert.Equal(3, await ctx.Orders.CountAsync());
        Assert.Equal(3, await ctx.Cases.CountAsync());
    }

    [Fact]
    public async Task Import_ChangedRowWithNewServiceDate_RecordsServiceOnTheSameOrder()
    {
        await using var db = await TestDatabase.CreateAsync();
        var unserved = FullRow.Replace(",12/04/2025,10/04/2027", ",,10/04/2027", StringComparison.Ordinal);
        await RunAsync(db, Csv(unserved), dryRun: false);

        var report = await RunAsync(db, Csv(FullRow), dryRun: false);

        Assert.Equal(TrackerRowOutcome.Updated, report.Rows.Single().Outcome);
        await using var ctx = db.CreateContext();
        var order = await ctx.Orders.SingleAsync();
        Assert.Equal(new DateOnly(2025, 4, 12), order.ServedOn);
    }

    [Fact]
    public async Task Import_ChangedRowOfAnOrderChangedInTheServiceSince_IsAConflict()
    {
        await using var db = await TestDatabase.CreateAsync();
        var unserved = FullRow.Replace(",12/04/2025,10/04/2027", ",,10/04/2027", StringComparison.Ordinal);
        var first = await RunAsync(db, Csv(unserved), dryRun: false);
        await new TestData(db).WithServicesAsync(new DateOnly(2025, 4, 20), s => s.Orders.RecordPncEntryAsync(
            new RecordPncEntryOptions(first.Rows.Single().OrderId!.Value, "PNC/123"), TestData.Officer));

        var report = await RunAsync(db, Csv(FullRow), dryRun: false);

        Assert.Equal(TrackerRowOutcome.Conflict, report.Rows.Single().Outcome);
        await using var ctx = db.CreateContext();
        Assert.Null((await ctx.Orders.SingleAsync()).ServedOn);
    }

    [Fact]
    public async Task Import_RowMatchingAnExistingRespondentByPncId_AddsTheOrderToThatPerson()
    {
        await using var db = await TestDatabase.CreateAsync();
        await RunAsync(db, Csv(FullRow), dryRun: false);
        var second = "WM-9,ASHWORTH,Darren,,79/183452K,Kirsty Ellam,West Midlands,03/04/2026,,Coventry Magistrates' Court,Interim,10/04/2026,,30/04/2026,Must not contact Kirsty Ellam directly or indirectly,,,,,DC Helen Rudd";

        var report = await RunAsync(db, Csv(second), dryRun: false);

        Assert.True(report.Rows.Single().MatchesExistingPerson);
        await using var ctx = db.CreateContext();
        Assert.Equal(1, await ctx.Respondents.CountAsync());
        Assert.Equal(2, await ctx.Orders.CountAsync());
    }

    // The PNC writes one ID in several forms; the person is matched by the key of any of them (ReferenceKeys.PncId).
    [Theory]
    [InlineData("1979/0183452K")]
    [InlineData("79/0183452k")]
    [InlineData(" 79 / 183452K")]
    [InlineData("79183452K")]
    public async Task Import_RowWithTheRespondentsPncIdWrittenAnotherWay_AddsTheOrderToThatPerson(string pncId)
    {
        await using var db = await TestDatabase.CreateAsync();
        await RunAsync(db, Csv(FullRow), dryRun: false);
        var second = $"WM-9,ASHWORTH,Darren,,{pncId},Kirsty Ellam,West Midlands,03/04/2026,,Coventry Magistrates' Court,Interim,10/04/2026,,30/04/2026,Must not contact Kirsty Ellam directly or indirectly,,,,,DC Helen Rudd";

        var report = await RunAsync(db, Csv(second), dryRun: false);

        Assert.True(report.Rows.Single().MatchesExistingPerson);
        await using var ctx = db.CreateContext();
        Assert.Equal(1, await ctx.Respondents.CountAsync());
        Assert.Equal(2, await ctx.Orders.CountAsync());
    }

    [Theory]
    [InlineData("Last day", "10/04/2026", "R14")]
    [InlineData("Last day", "until further order,Interim", "R16")]
    [InlineData("Applicant force", "Crown Prosecution Service", "R1")]
    [InlineData("Made on", "31/02/2025", "Input")]
    [InlineData("Made on", "01/01/2027", "Input")]
    [InlineData("Conditions", "", "R12")]
    [InlineData("Respondent date of birth", "", "R7")]
    public async Task DryRun_RowBreakingARule_NamesTheColumnAndRule(string column, string value, string ruleId)
    {
        await using var db = await TestDatabase.CreateAsync();
        var cells = FullRow.Split(',');
        var headers = Header.Split(',');
        if (value.Contains(',', StringComparison.Ordinal))
        {
            // A full order's last day and its kind together: an interim order "until further order" (SPA 2019 s.5(6)(a), R16).
            cells[Array.IndexOf(headers, column)] = value.Split(',')[0];
            cells[Array.IndexOf(headers, "Interim or full")] = value.Split(',')[1];
        }
        else
        {
            cells[Array.IndexOf(headers, column)] = value;
        }

        var report = await RunAsync(db, Csv(string.Join(',', cells)), dryRun: true);

        var row = report.Rows.Single();
        Assert.Equal(TrackerRowOutcome.BreaksRule, row.Outcome);
        Assert.Contains(row.Problems, p => p.Column == column && p.RuleId == ruleId);
    }

    [Fact]
    public async Task DryRun_SameOrderReferenceTwice_IsReportedOnBothRows()
    {
        await using var db = await TestDatabase.CreateAsync();

        var report = await RunAsync(db, Csv(FullRow, FullRow), dryRun: true);

        Assert.All(report.Rows, r => Assert.Equal(TrackerRowOutcome.BreaksRule, r.Outcome));
    }

    [Fact]
    public async Task Export_ThenImportIntoAnEmptyDatabase_GivesTheSameRegister()
    {
        await using var source = await TestDatabase.CreateAsync();
        await RunAsync(source, Csv(FullRow, InterimRow, UntilFurtherOrderRow), dryRun: false);
        foreach (var format in new[] { TrackerFormat.Csv, TrackerFormat.Xlsx })
        {
            using var file = new MemoryStream();
            await using (var ctx = source.CreateContext())
            {
                await new TrackerExport(ctx, new AuditLog(ctx, TestClock.At(_today))).WriteAsync(file, format, TestData.Coordinator);
            }

            await using var target = await TestDatabase.CreateAsync();
            var rows = TrackerFile.Read(new MemoryStream(file.ToArray()), format == TrackerFormat.Csv ? "register.csv" : "register.xlsx");
            var report = await RunAsync(target, rows, dryRun: false);

            Assert.All(report.Rows, r => Assert.Equal(TrackerRowOutcome.Create, r.Outcome));
            Assert.Equal(await RegisterAsync(source), await RegisterAsync(target));
        }
    }

    [Fact]
    public async Task Export_ThenImportIntoAnEmptyDatabase_GivesTheSameRegister_ForAGeneratedTrackerWithBreachesDischargesAndSharedRespondents()
    {
        await using var source = await TestDatabase.CreateAsync();
        var generated = TrackerFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(TrackerGenerator.Csv(40, seed: 13))), "tracker.csv");
        var imported = await RunAsync(source, generated, dryRun: false);
        using var file = new MemoryStream();
        await using (var ctx = source.CreateContext())
        {
            await new TrackerExport(ctx, new AuditLog(ctx, TestClock.At(_today))).WriteAsync(file, TrackerFormat.Csv, TestData.Coordinator);
        }

        await using var target = await TestDatabase.CreateAsync();
        var report = await RunAsync(target, TrackerFile.Read(new MemoryStream(file.ToArray()), "register.csv"), dryRun: false);

        Assert.All(imported.Rows.Concat(report.Rows), r => Assert.Equal(TrackerRowOutcome.Create, r.Outcome));
        Assert.True(report.MatchingExistingPeople > 0, "No row named a respondent of an earlier row.");
        var register = await RegisterAsync(source);
        Assert.Contains(register, r => r.Contains("sent a message through a friend", StringComparison.Ordinal));
        Assert.Equal(register, await RegisterAsync(target));
        await using var sourceContext = source.CreateContext();
        await using var targetContext = target.CreateContext();
        Assert.Equal(await sourceContext.Respondents.CountAsync(), await targetContext.Respondents.CountAsync());
        Assert.Equal(await sourceContext.Orders.CountAsync(o => o.Ending == OrderEnding.Discharged), await targetContext.Orders.CountAsync(o => o.Ending == OrderEnding.Discharged));
    }

    [Fact]
    public async Task Export_IsAuditedAsDisclosure()
    {
        await using var db = await TestDatabase.CreateAsync();
        await RunAsync(db, Csv(FullRow), dryRun: false);
        await using var ctx = db.CreateContext();

        await new TrackerExport(ctx, new AuditLog(ctx, TestClock.At(_today))).WriteAsync(new MemoryStream(), TrackerFormat.Csv, TestData.Coordinator);

        Assert.Equal(1, await ctx.AuditEntries.CountAsync(a => a.Kind == AuditKind.Disclosure && a.Action == "Register.Exported"));
    }

    private static async Task<List<string>> RegisterAsync(TestDatabase db)
    {
        await using var ctx = db.CreateContext();
        var ids = await ctx.Orders.Select(o => o.Id).ToListAsync();
        return (await TrackerExport.RowsAsync(ctx, ids, CancellationToken.None))
            .Select(r => string.Join("|", Enum.GetValues<TrackerColumn>().Select(c => r[c])))
            .Order(StringComparer.Ordinal).ToList();
    }

    private sealed class Progress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    private static readonly string _notifiedAndVariedRow = FullRow.Replace(",,,,,DC Helen Rudd",
        ",13/04/2025,,01/03/2026 added a condition not to go to her street,,DC Helen Rudd", StringComparison.Ordinal);

    [Fact]
    public async Task Import_NotificationDate_IsRecordedAsTheInitialNotification_SoTheDutyIsMetNotOverdue_R25()
    {
        await using var db = await TestDatabase.CreateAsync();

        var report = await RunAsync(db, Csv(_notifiedAndVariedRow), dryRun: false);

        var row = report.Rows.Single();
        Assert.Equal(TrackerRowOutcome.Create, row.Outcome);
        Assert.True(row.NeedsReview);
        await using var ctx = db.CreateContext();
        var notification = await ctx.NotificationEvents.SingleAsync();
        Assert.Equal(new DateOnly(2025, 4, 13), notification.NotifiedOn);
        Assert.Equal("Not recorded in the tracker", notification.StationName);
        Assert.Equal("Not recorded in the tracker", notification.ReceivedBy);
        Assert.Equal(NotificationMode.InPersonOral, notification.Mode);
        Assert.Equal(PoliceForce.WestMidlands, notification.StationPoliceArea);
        Assert.False(string.IsNullOrWhiteSpace(notification.AcknowledgementReference));
        var duty = await ctx.NotificationObligations.SingleAsync();
        Assert.Equal(ObligationStatus.Met, duty.Status);
        Assert.Equal(new DateOnly(2025, 4, 13), duty.MetOn);
        Assert.Equal(notification.Id, duty.MetByEventId);
        Assert.Contains(row.Notes, n => n.Contains("Notification of 13/04/2025", StringComparison.Ordinal));
        Assert.Contains(await ctx.AuditEntries.Where(a => a.Action == "Notification.Recorded").Select(a => a.ActorId).ToListAsync(),
            a => a == $"tracker-import:{report.ImportId}");
    }

    [Fact]
    public async Task Import_NotificationDateBeforeService_DoesNotMeetTheInitialDuty_R25()
    {
        await using var db = await TestDatabase.CreateAsync();

        await RunAsync(db, Csv(_notifiedAndVariedRow.Replace(",13/04/2025,", ",10/04/2025,", StringComparison.Ordinal)), dryRun: false);

        await using var ctx = db.CreateContext();
        Assert.Equal(1, await ctx.NotificationEvents.CountAsync());
        Assert.NotEqual(ObligationStatus.Met, (await ctx.NotificationObligations.SingleAsync()).Status);
    }

    [Fact]
    public async Task Import_Variation_IsKeptWithItsDateForReview_NotRecordedAsAChangeWithInventedConditions()
    {
        await using var db = await TestDatabase.CreateAsync();

        var report = await RunAsync(db, Csv(_notifiedAndVariedRow), dryRun: false);

        Assert.Contains(report.Rows.Single().Notes, n => n.StartsWith("Variation of 01/03/2026", StringComparison.Ordinal));
        await using var ctx = db.CreateContext();
        Assert.Equal(0, await ctx.OrderChanges.CountAsync());
    }

    [Fact]
    public async Task Import_SameFileWithNotificationsAgain_AddsNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        await RunAsync(db, Csv(_notifiedAndVariedRow), dryRun: false);

        var again = await RunAsync(db, Csv(_notifiedAndVariedRow), dryRun: false);

        Assert.Equal(TrackerRowOutcome.AlreadyImported, again.Rows.Single().Outcome);
        await using var ctx = db.CreateContext();
        Assert.Equal(1, await ctx.NotificationEvents.CountAsync());
        Assert.Equal(1, await ctx.NotificationObligations.CountAsync());
    }

    [Fact]
    public async Task DryRun_NotificationDate_RecordsNothing()
    {
        await using var db = await TestDatabase.CreateAsync();

        var report = await RunAsync(db, Csv(_notifiedAndVariedRow), dryRun: true);

        Assert.Equal(TrackerRowOutcome.Create, report.Rows.Single().Outcome);
        await using var ctx = db.CreateContext();
        Assert.Equal(0, await ctx.NotificationEvents.CountAsync());
    }

    [Fact]
    public async Task Import_SameRespondentsNotificationInTwoRows_IsOneNotificationMeetingBothOrdersDuties_R25()
    {
        await using var db = await TestDatabase.CreateAsync();
        var second = "WM-9,Ashworth,Darren James,14/02/1979,79/183452K,Lucy Ellam,West Midlands,03/04/2025,,Coventry Magistrates' Court,Full,11/04/2025,12/04/2025,10/04/2027,Must not contact Lucy Ellam directly or indirectly,13/04/2025,,,,DC Helen Rudd";

        var report = await RunAsync(db, Csv(_notifiedAndVariedRow, second), dryRun: false);

        Assert.All(report.Rows, r => Assert.Equal(TrackerRowOutcome.Create, r.Outcome));
        await using var ctx = db.CreateContext();
        Assert.Equal(1, await ctx.NotificationEvents.CountAsync());
        var duties = await ctx.NotificationObligations.ToListAsync();
        Assert.Equal(2, duties.Count);
        Assert.All(duties, d => Assert.Equal(new DateOnly(2025, 4, 13), d.MetOn));
    }
}
