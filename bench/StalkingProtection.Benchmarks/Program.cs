using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Benchmarks;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Data.Migrations;
using StalkingProtection.Core.Lookup;
using StalkingProtection.Core.Lists;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Search;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Statistics;
using StalkingProtection.Core.Time;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var today = TimeProvider.System.UkToday;
var provider = options.Provider;
var connection = options.Connection;
StalkingProtectionDbContext CreateContext() => DatabaseSetup.CreateContext(provider, connection);
void Say(string line) => Console.WriteLine(line);

Say($"Stalking Protection benchmarks: {provider}, {(options.Reuse ? "the orders of a database seeded before" : $"{options.Orders:N0} orders")}, today {today:yyyy-MM-dd}");

// The schema is the real one: the service's own migrations, with every index they create. A reused database gets only the
// migrations it lacks, so a new index can be measured on data seeded before it existed.
var setup = Stopwatch.StartNew();
await using (var context = CreateContext())
{
    if (options.Reuse)
    {
        if (!await context.Database.CanConnectAsync() || !(await context.Database.GetAppliedMigrationsAsync()).Any())
        {
            Console.Error.WriteLine("--reuse needs a database this runner has seeded before.");
            return 1;
        }
    }
    else if (provider == DatabaseProvider.Sqlite)
    {
        var file = new SqliteConnectionStringBuilder(connection).DataSource;
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }
    else
    {
        await context.Database.EnsureDeletedAsync();
    }

    await context.Database.MigrateAsync();

    // As `migrate` does after the migrations: the search's name words and reference keys for rows kept before them, once.
    var migrated = Stopwatch.StartNew();
    var backfills = await DataBackfills.RunPendingAsync(context, TimeProvider.System);
    Say($"Data backfills run: {(backfills.Count == 0 ? "none, all finished before" : string.Join(", ", backfills))}, in {migrated.Elapsed.TotalSeconds:N1} s");
}

if (options.ImportRows > 0)
{
    var imported = await ImportBench.RunAsync(counter => DatabaseSetup.CreateContext(provider, connection, counter), provider, options.ImportRows,
        options.ImportPerRow, options.ImportCreateOnly, Say);
    Say(imported);
    if (options.Output is { } importOutput)
    {
        await File.WriteAllTextAsync(importOutput, imported);
    }

    return 0;
}

if (options.ServeBaseline is { } baselineUrl)
{
    await HttpLoad.ServeBaselineAsync(CreateContext, baselineUrl);
    return 0;
}

Say($"Schema migrated in {setup.Elapsed.TotalSeconds:N1} s; {(options.Reuse ? "reading the seeded data" : "seeding")}...");
var seeded = options.Reuse ? await Seeder.ReadBackAsync(CreateContext, today) : await new Seeder(provider, connection, today).SeedAsync(options.Orders, Say);
Say(options.Reuse ? $"Reusing {seeded.Orders:N0} orders" : $"Seeded {seeded.Orders:N0} orders ({seeded.Rows:N0} rows) in {seeded.Elapsed.TotalSeconds:N1} s");
var auditSeeding = TimeSpan.Zero;
if (!options.Reuse && options.AuditEntries > 0)
{
    Say($"Seeding {options.AuditEntries:N0} audit entries...");
    (_, auditSeeding) = await new Seeder(provider, connection, today).SeedAuditAsync(options.AuditEntries, seeded.CaseIds, seeded.Subjects, Say);
}

// S3: the seeded audit log is sealed once, as the sealing job would have sealed it entry by entry, before the maintenance
// below, so the measured verifications read settled tables.
Say("Sealing the audit log into its hash chain...");
var sealing = Stopwatch.StartNew();
AuditSealResult sealedAudit;
long chainLength;
await using (var context = CreateContext())
{
    sealedAudit = await new AuditChain(context).SealAsync(DateTimeOffset.UtcNow.AddHours(1));

    // With --reuse the chain also holds the entries an earlier run sealed.
    chainLength = await context.AuditSeals.LongCountAsync();
}

var sealingSeconds = sealing.Elapsed.TotalSeconds;
Say($"Sealed {sealedAudit.Sealed:N0} audit entries in {sealingSeconds:N1} s");

// PostgreSQL's autovacuum would analyse the tables and set the visibility map after a bulk load; do it now rather than
// race it. SQLite is left as the service leaves it: the service never runs ANALYZE.
var maintenance = Stopwatch.StartNew();
if (provider == DatabaseProvider.Postgres)
{
    await using var context = CreateContext();
    await context.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
}

var maintenanceSeconds = maintenance.Elapsed.TotalSeconds;
if (options.HttpFixture is { } fixture)
{
    await HttpLoad.WriteFixtureAsync(CreateContext, seeded.Subjects, fixture);
    Say($"Wrote what the HTTP load sends to {fixture}");
    return 0;
}

var scale = await CountRowsAsync(CreateContext);
var versions = await VersionsAsync(CreateContext, provider);

var actor = new Actor("bench-user", "Bench User", StaffRoles.Coordinator, "Stalking Team");
var subjects = seeded.Subjects;
var caseIds = seeded.CaseIds;
if (subjects.Count == 0)
{
    Console.Error.WriteLine("No order in force today was seeded; use more orders.");
    return 1;
}

Subject SubjectFor(int i) => subjects[(int)((uint)(i * 7919) % (uint)subjects.Count)];
Guid CaseFor(int i) => caseIds[(int)((uint)(i * 104729) % (uint)caseIds.Count)];
var time = TimeProvider.System;
var year = new StatisticsPeriod(today.AddYears(-1).AddDays(1), today);
var allTime = Seeder.AllTime(seeded.Earliest, today);

// The period whose return counts the most days from the records: it starts and ends half way through months that have ended.
var thisMonth = new DateOnly(today.Year, today.Month, 1);
var midMonths = new StatisticsPeriod(thisMonth.AddMonths(-13).AddDays(15), thisMonth.AddMonths(-1).AddDays(14));

var pk = new Operation("Baseline: one order by primary key (EF Core)", "", options.Iterations, options.Warmup, async (db, i) =>
{
    var id = SubjectFor(i).OrderId;
    Check(await db.Orders.IgnoreAutoIncludes().AsNoTracking().SingleOrDefaultAsync(o => o.Id == id));
});
var keyset = new Operation("Baseline: keyset page of 25 cases (EF Core)", "", options.Iterations, options.Warmup, async (db, i) =>
{
    var after = CaseFor(i);
    Check(await db.Cases.AsNoTracking().Where(c => c.Id.CompareTo(after) < 0).OrderByDescending(c => c.Id).Take(25).ToListAsync());
});
var audit = new Operation("Baseline: one consultation audit entry, durably committed", "", options.Iterations, options.Warmup, (db, i) =>
    new AuditLog(db, time).RecordConsultationAsync(actor, new AuditEvent(AuditKind.Consultation, "Bench.Read", nameof(StalkingProtectionOrder), SubjectFor(i).OrderId) { Justification = "Benchmark baseline" }));
var dashboard = new Operation("Dashboard figures (DashboardQueries.GetAsync)", "P3: p99 ≤ 20 ms", options.Iterations, options.Warmup, (db, _) =>
    new DashboardQueries(db).GetAsync(today));
var figures = new (string Name, Func<DashboardQueries, Task<int>> Count)[]
{
    ("live orders by kind", async q => (await q.CountLiveAsync(today)).Full),
    ("applications in progress", q => q.ApplicationsInProgress().CountAsync()),
    ("orders not served", q => q.OrdersNotServed(today).CountAsync()),
    ("notifications overdue", q => q.NotificationsOverdue(today).CountAsync()),
    ("notifications due soon", q => q.NotificationsDueSoon(today).CountAsync()),
    ("breaches this month", q => q.BreachesThisMonth(today).CountAsync()),
    ("orders ending soon", q => q.OrdersEndingSoon(today).CountAsync()),
    ("cases without an SPO decision", q => q.CasesWithoutSpoDecision().CountAsync()),
    ("reports awaiting triage", q => q.ReportsAwaitingTriage().CountAsync()),
}.Select(f => new Operation($"  dashboard figure: {f.Name}", "", options.Iterations, options.Warmup, (db, _) => f.Count(new DashboardQueries(db)))).ToList();
var lookupName = new Operation("Lookup by name and date of birth, with audit (OrderLookupService)", "P1: p99 ≤ 100 ms", options.Iterations, options.Warmup,
    async (db, i) =>
    {
        var subject = SubjectFor(i);
        Check(First(await Lookup(db).SearchAsync(new OrderLookupQuery(subject.FamilyName, null, subject.DateOfBirth, null, null, $"INC-{i}"), today, actor)));
    });
var lookupPnc = new Operation("Lookup by PNC ID, with audit (OrderLookupService)", "P1: p99 ≤ 100 ms", options.Iterations, options.Warmup, async (db, i) =>
    Check(First(await Lookup(db).SearchAsync(new OrderLookupQuery(null, null, null, SubjectFor(i).PncId, null, $"INC-{i}"), today, actor))));
var orderDetail = new Operation("Order detail as the API reads it, with audit (OrderStatusQueries.GetAsAtAsync)", "P2: p99 ≤ 150 ms", options.Iterations,
    options.Warmup, async (db, i) =>
    {
        var id = SubjectFor(i).OrderId;
        Check(await new OrderStatusQueries(db).GetAsAtAsync(id, today));
        await new AuditLog(db, time).RecordConsultationAsync(actor, AuditEvents.Api.Read(nameof(StalkingProtectionOrder)).For(id, "Read through the API"));
    });
// The consultations of concurrent reads committed together by the service's shared writer, beside the same reads each committing its own.
await using var consultations = new ConsultationWriter(async (entries, ct) =>
{
    await using var db = CreateContext();
    db.AuditEntries.AddRange(entries);
    await db.SaveChangesAsync(ct);
}, Microsoft.Extensions.Logging.Abstractions.NullLogger<ConsultationWriter>.Instance);
var auditBatched = new Operation("One consultation audit entry, committed with concurrent ones (ConsultationWriter)", "", options.Iterations, options.Warmup, (db, i) =>
    new AuditLog(db, time, consultations).RecordConsultationAsync(actor, new AuditEvent(AuditKind.Consultation, "Bench.Read", nameof(StalkingProtectionOrder), SubjectFor(i).OrderId) { Justification = "Benchmark baseline" }));
var orderDetailBatched = new Operation("Order detail as the API reads it, its audit entry committed with concurrent ones (ConsultationWriter)", "P2: p99 ≤ 150 ms",
    options.Iterations, options.Warmup, async (db, i) =>
    {
        var id = SubjectFor(i).OrderId;
        Check(await new OrderStatusQueries(db).GetAsAtAsync(id, today));
        await new AuditLog(db, time, consultations).RecordConsultationAsync(actor, AuditEvents.Api.Read(nameof(StalkingProtectionOrder)).For(id, "Read through the API"));
    });
var statisticsYear = new Operation("Statistics return, last 12 months (StatisticsService)", "P4: ≤ 1 s", options.StatisticsIterations, 1, async (db, _) =>
    Check(await new StatisticsService(db, new AuditLog(db, time)).GetAsync(year, today, actor, "bench")));
var statisticsMidMonths = new Operation($"Statistics return, {midMonths.From:d MMM yyyy} to {midMonths.To:d MMM yyyy} (StatisticsService)", "P4: ≤ 1 s",
    options.StatisticsIterations, 1, async (db, _) => Check(await new StatisticsService(db, new AuditLog(db, time)).GetAsync(midMonths, today, actor, "bench")));
var statisticsAll = new Operation($"Statistics return, all time from {allTime.From:yyyy} (StatisticsService)", "P4: ≤ 1 s", options.StatisticsIterations, 1,
    async (db, _) => Check(await new StatisticsService(db, new AuditLog(db, time)).GetAsync(allTime, today, actor, "bench")));

OrderLookupService Lookup(StalkingProtectionDbContext db) => new(db, new OrderStatusQueries(db), new AuditLog(db, time));

// The workspace search box (P1), over every case as a coordinator sees them, and a team's cases as an officer sees them.
var officer = new Actor("bench-officer", "Bench Officer", StaffRoles.Officer, "Stalking Team");
var searchName = new Operation("Workspace search by name and date of birth, with audit (RecordSearchService)", "P1: p99 ≤ 100 ms", options.Iterations,
    options.Warmup, async (db, i) =>
    {
        var subject = SubjectFor(i);
        Check(First((await Search(db).SearchAsync($"{subject.FamilyName} {subject.DateOfBirth:dd/MM/yyyy}", db.Cases, today, actor)).People));
    });
var searchFamily = new Operation("Workspace search by family name alone, a team's cases, with audit (RecordSearchService)", "P1: p99 ≤ 100 ms",
    options.Iterations, options.Warmup, async (db, i) =>
        Check(await Search(db).SearchAsync(SubjectFor(i).FamilyName, db.Cases.Where(c => c.Team == officer.Team), today, officer)));
var searchPnc = new Operation("Workspace search by PNC ID, with audit (RecordSearchService)", "P1: p99 ≤ 100 ms", options.Iterations, options.Warmup,
    async (db, i) => Check(First((await Search(db).SearchAsync(SubjectFor(i).PncId, db.Cases, today, actor)).People)));

// GET /api/v1/cases as the API reads it: the case list's rows from the first page, 50 and one to know there is a next, and its consultation.
var apiCases = new Operation("API case list, a page of 50, with audit (CaseListQuery as GET /api/v1/cases)", "P1: p99 ≤ 100 ms", options.Iterations,
    options.Warmup, async (db, _) =>
    {
        var rows = CaseListQuery.Rows(db, db.Cases.AsNoTracking(), today, new CaseListFilter());
        Check(First(await CaseListQuery.SeekBy(rows, CaseListSort.Reported, SortDirection.Ascending, null, null, false, db.Provider).Take(51).ToListAsync()));
        await new AuditLog(db, time).RecordConsultationAsync(actor, AuditEvents.Api.CasesListed.For(null, "Listed through the API"));
    });

RecordSearchService Search(StalkingProtectionDbContext db) => new(db, new AuditLog(db, time));

// The workspace cases list (P1) sorted by each key stored on the case: the first page of 25 and one more, and a page from the
// middle of the list, its cursor taken once before measuring.
var listSorts = new[] { CaseListSort.Respondent, CaseListSort.NextDeadline, CaseListSort.Status, CaseListSort.Officer, CaseListSort.SpoDecision, CaseListSort.ProtectedPeople };
var caseListPages = new List<Operation>();
foreach (var sort in listSorts)
{
    IQueryable<CaseListRow> ListRows(StalkingProtectionDbContext db) => CaseListQuery.Rows(db, db.Cases.AsNoTracking(), today, new CaseListFilter());
    CaseListRow middle;
    await using (var db = CreateContext())
    {
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        middle = await CaseListQuery.SeekBy(ListRows(db), sort, SortDirection.Ascending, null, null, false, db.Provider).Skip(caseIds.Count / 2).FirstAsync();
    }

    var cursor = Keyset.Format(CaseListQuery.KeyOf(middle, sort));
    caseListPages.Add(new Operation($"Case list sorted by {sort}, first page of 25 (CaseListQuery)", "P1: p99 ≤ 100 ms", options.Iterations, options.Warmup,
        async (db, _) => Check(First(await CaseListQuery.SeekBy(ListRows(db), sort, SortDirection.Ascending, null, null, false, db.Provider).Take(26).ToListAsync()))));
    caseListPages.Add(new Operation($"Case list sorted by {sort}, a page from the middle (CaseListQuery)", "P1: p99 ≤ 100 ms", options.Iterations, options.Warmup,
        async (db, _) => Check(First(await CaseListQuery.SeekBy(ListRows(db), sort, SortDirection.Ascending, cursor, middle.Id, false, db.Provider).Take(26).ToListAsync()))));
}

// The orders and applications lists (P1, 17) as a coordinator sees them by each column, the first page of 25 and one more and
// a page from the middle, its cursor taken once before measuring: the orders in force, the list's first view, and every
// application (those in progress, its first view, are few in the seed). Their keys are stored on the order or application
// (OrderListKeys, ApplicationListKeys), as the cases list's are.
var orderAndApplicationListPages = new List<Operation>();
foreach (var sort in Enum.GetValues<OrderListSort>())
{
    IQueryable<OrderListRow> OrderRows(StalkingProtectionDbContext db) =>
        OrderListQuery.Rows(db, db.Cases.AsNoTracking(), today, OrderListFilter.InForce, null, null, false);
    foreach (var direction in Enum.GetValues<SortDirection>())
    {
        OrderListRow middle;
        await using (var db = CreateContext())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            middle = await OrderListQuery.SeekBy(OrderRows(db), OrderListFilter.InForce, today, sort, direction, null, null, false, db.Provider, null)
                .Skip(await OrderRows(db).CountAsync() / 2).FirstAsync();
        }

        var cursor = Keyset.Format(OrderListQuery.KeyOf(middle, sort));
        var by = $"{sort}{(direction == SortDirection.Descending ? ", descending" : "")}";
        orderAndApplicationListPages.Add(new Operation($"Orders list, in force, sorted by {by}, first page of 25 (OrderListQuery)", "P1: p99 ≤ 100 ms",
            options.Iterations, options.Warmup, async (db, _) => Check(First(await OrderListQuery.SeekBy(OrderRows(db), OrderListFilter.InForce, today, sort, direction, null, null,
                false, db.Provider, 26).Take(26).ToListAsync()))));
        orderAndApplicationListPages.Add(new Operation($"Orders list, in force, sorted by {by}, a page from the middle (OrderListQuery)", "P1: p99 ≤ 100 ms",
            options.Iterations, options.Warmup, async (db, _) => Check(First(await OrderListQuery.SeekBy(OrderRows(db), OrderListFilter.InForce, today, sort, direction, cursor,
                middle.Id, false, db.Provider, 26).Take(26).ToListAsync()))));
    }
}

foreach (var sort in Enum.GetValues<ApplicationListSort>())
{
    IQueryable<ApplicationListRow> ApplicationRows(StalkingProtectionDbContext db) =>
        ApplicationListQuery.Rows(db, db.Cases.AsNoTracking(), today, ApplicationListFilter.All, null, null, false);
    ApplicationListRow middle;
    await using (var db = CreateContext())
    {
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        middle = await ApplicationListQuery.SeekBy(ApplicationRows(db), sort, SortDirection.Ascending, null, null, false, db.Provider)
            .Skip(await ApplicationRows(db).CountAsync() / 2).FirstAsync();
    }

    var cursor = Keyset.Format(ApplicationListQuery.KeyOf(middle, sort));
    orderAndApplicationListPages.Add(new Operation($"Applications list, all, sorted by {sort}, first page of 25 (ApplicationListQuery)", "P1: p99 ≤ 100 ms",
        options.Iterations, options.Warmup, async (db, _) => Check(First(await ApplicationListQuery.SeekBy(ApplicationRows(db), sort, SortDirection.Ascending, null,
            null, false, db.Provider).Take(26).ToListAsync()))));
    orderAndApplicationListPages.Add(new Operation($"Applications list, all, sorted by {sort}, a page from the middle (ApplicationListQuery)",
        "P1: p99 ≤ 100 ms", options.Iterations, options.Warmup, async (db, _) => Check(First(await ApplicationListQuery.SeekBy(ApplicationRows(db), sort,
            SortDirection.Ascending, cursor, middle.Id, false, db.Provider).Take(26).ToListAsync()))));
}

// S3: the measured calls verify every link of the chain sealed above, beside a bare read of the same rows.
var auditRead = new Operation($"Baseline: read {chainLength:N0} audit entries with their links (EF Core)", "", options.StatisticsIterations, 1, async (db, _) =>
{
    long rows = 0;
    await foreach (var row in db.AuditSeals.AsNoTracking().OrderBy(s => s.EntryId)
        .LeftJoin(db.AuditEntries.AsNoTracking(), s => s.EntryId, e => e.Id, (seal, entry) => new { seal, entry }).AsAsyncEnumerable())
    {
        rows += row.entry is null ? 0 : 1;
    }

    Check(rows >= chainLength ? "" : null);
});
var auditVerify = new Operation($"Audit hash chain verified, {chainLength:N0} entries (AuditChain.VerifyAsync)", "S3: 1M rows ≤ 10 s",
    options.StatisticsIterations, 1, async (db, _) => Check((await new AuditChain(db).VerifyAsync()) is { Intact: true } r ? r : null));

// P4: the service's StatisticsMonthsJob stores each ended month's statistics, and a return reads them. Measured once from nothing
// stored: an all-time return counted from the records alone (what every return cost before), the first fill, and a refresh with
// nothing changed since, as the job runs every interval. The returns measured below read the stored months.
double countedSeconds, fillSeconds, steadyMilliseconds;
StatisticsMonthRefresh fill;
await using (var db = CreateContext())
{
    db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
    await db.Set<StatisticsMonth>().ExecuteDeleteAsync();
    var clock = Stopwatch.StartNew();
    Check(await new StatisticsService(db, new AuditLog(db, time)).GetAsync(allTime, today, actor, "bench"));
    countedSeconds = clock.Elapsed.TotalSeconds;
    clock.Restart();
    fill = await new StatisticsMonthStore(db, time).RefreshAsync();
    fillSeconds = clock.Elapsed.TotalSeconds;
    clock.Restart();
    await new StatisticsMonthStore(db, time).RefreshAsync();
    steadyMilliseconds = clock.Elapsed.TotalMilliseconds;
}

Say($"Statistics: all time counted from the records {countedSeconds:N1} s; {fill.MonthsCounted} months stored in {fillSeconds:N1} s; a refresh with nothing changed {steadyMilliseconds:N0} ms");

Say($"Latency: {options.Iterations} iterations per operation ({options.StatisticsIterations} for statistics), interleaved in {options.Rounds} rounds...");
var timings = await Measure.SideBySideAsync([pk, keyset, audit, dashboard, .. figures, lookupName, lookupPnc, searchName, searchFamily, searchPnc, apiCases,
    .. caseListPages, .. orderAndApplicationListPages,
    orderDetail, orderDetailBatched, statisticsYear, statisticsMidMonths, statisticsAll, auditRead, auditVerify], CreateContext,
    options.Rounds, Say);

var throughputs = new List<Throughput>();
if (options.ThroughputSeconds > 0)
{
    foreach (var operation in new[] { pk, audit, auditBatched, orderDetail, orderDetailBatched, lookupName, lookupPnc, searchName })
    {
        Say($"Throughput: {operation.Name}, {options.Workers} workers, {options.ThroughputSeconds} s...");
        throughputs.Add(await Measure.ThroughputAsync(operation, CreateContext, options.Workers, TimeSpan.FromSeconds(options.ThroughputSeconds)));
    }
}

var report = Report();
Console.WriteLine();
Console.WriteLine(report);
if (options.Output is { } output)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    await File.WriteAllTextAsync(output, report);
    Say($"Written to {output}");
}

return 0;

string Report()
{
    var md = new StringBuilder();
    var baseline = timings[0].Median;
    md.AppendLine(CultureInfo.InvariantCulture, $"## {provider}, {seeded.Orders:N0} orders");
    md.AppendLine();
    md.AppendLine(CultureInfo.InvariantCulture, $"- Run: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; today (London) {today:yyyy-MM-dd}");
    md.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Machine()}");
    md.AppendLine(CultureInfo.InvariantCulture, $"- Software: .NET {Environment.Version}, {versions}, {RuntimeInformation.OSDescription}");
    md.AppendLine(CultureInfo.InvariantCulture, $"- Data: {string.Join(", ", scale.Select(s => $"{s.Value:N0} {s.Key}"))}");
    var vacuum = provider == DatabaseProvider.Postgres ? $", then VACUUM ANALYZE {maintenanceSeconds:N1} s" : "";
    md.AppendLine(options.Reuse
        ? $"- Seeding: none, a database seeded by an earlier run (--reuse), migrated to this commit{vacuum}"
        : $"- Seeding: {seeded.Rows:N0} rows in {seeded.Elapsed.TotalSeconds:N1} s ({seeded.Rows / seeded.Elapsed.TotalSeconds:N0} rows/s){vacuum}");
    md.AppendLine(CultureInfo.InvariantCulture, $"- Audit log: {(options.Reuse ? "as an earlier run left it" : $"{options.AuditEntries:N0} entries seeded in {auditSeeding.TotalSeconds:N1} s")}; " +
        $"{sealedAudit.Sealed:N0} sealed into the hash chain (AuditChain.SealAsync) in {sealingSeconds:N1} s");
    md.AppendLine(CultureInfo.InvariantCulture, $"- Statistics months (P4): with none stored, an all-time return counted from the records took {countedSeconds:N1} s; " +
        $"StatisticsMonthStore.RefreshAsync then stored {fill.MonthsCounted} months in {fillSeconds:N1} s, and a refresh with nothing changed took " +
        $"{steadyMilliseconds:N0} ms. The statistics returns below read the stored months, as the service does once its job has run");
    md.AppendLine(CultureInfo.InvariantCulture, $"- Latency: one caller, a new DbContext per call, {options.Warmup} warm-up calls, samples interleaved over {options.Rounds} rounds");
    md.AppendLine();
    md.AppendLine("| operation | calls | median ms | p99 ms | median ÷ baseline | target |");
    md.AppendLine("| --- | ---: | ---: | ---: | ---: | --- |");
    foreach (var timing in timings)
    {
        md.AppendLine(CultureInfo.InvariantCulture,
            $"| {timing.Operation.Name} | {timing.Milliseconds.Count} | {timing.Median:N2} | {timing.P99:N2} | {timing.Median / baseline:N1}× | {timing.Operation.Target} |");
    }

    if (throughputs.Count > 0)
    {
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Throughput, {options.Workers} concurrent workers in this process, {options.ThroughputSeconds} s each:");
        md.AppendLine();
        md.AppendLine("| operation | requests | requests/s | p99 ms | ÷ baseline requests/s | target |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var t in throughputs)
        {
            var target = t == throughputs[0] ? "" : "P1: ≥ 1,000 req/s at 32 connections";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {t.Name} | {t.Requests:N0} | {t.PerSecond:N0} | {t.P99:N1} | {t.PerSecond / throughputs[0].PerSecond:N2} | {target} |");
        }
    }

    return md.ToString();
}

static T? First<T>(IReadOnlyList<T> found) where T : class => found.Count > 0 ? found[0] : null;

static T Check<T>(T? value)
    where T : class => value ?? throw new InvalidOperationException("The benchmark read nothing: the seeded data and the query disagree.");

static string Machine()
{
    var cpu = File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        : null;
    var memory = File.Exists("/proc/meminfo")
        ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        : null;
    var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
    return $"{Environment.ProcessorCount} logical CPUs ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), {memory ?? "memory unknown"} RAM, " +
        $"load average {load} when the report was written; benchmark and database on the same machine";
}

static async Task<Dictionary<string, long>> CountRowsAsync(Func<StalkingProtectionDbContext> create)
{
    await using var db = create();
    return new Dictionary<string, long>
    {
        ["orders"] = await db.Orders.LongCountAsync(),
        ["conditions"] = await db.Conditions.LongCountAsync(),
        ["cases"] = await db.Cases.LongCountAsync(),
        ["people"] = await db.People.LongCountAsync(),
        ["applications"] = await db.Applications.LongCountAsync(),
        ["notification duties"] = await db.NotificationObligations.LongCountAsync(),
        ["breaches"] = await db.Breaches.LongCountAsync(),
        ["appeals"] = await db.Appeals.LongCountAsync(),
        ["audit entries"] = await db.AuditEntries.LongCountAsync(),
    };
}

static async Task<string> VersionsAsync(Func<StalkingProtectionDbContext> create, DatabaseProvider provider)
{
    await using var db = create();
    var sql = provider == DatabaseProvider.Postgres ? "SELECT 'PostgreSQL ' || current_setting('server_version') AS \"Value\"" : "SELECT 'SQLite ' || sqlite_version() AS \"Value\"";
    return (await db.Database.SqlQueryRaw<string>(sql).ToListAsync()).Single();
}

internal sealed record BenchOptions(DatabaseProvider Provider, string Connection, int Orders, int Iterations, int StatisticsIterations, int Warmup, int Rounds,
    int Workers, int ThroughputSeconds, string? Output, bool Reuse, int AuditEntries, int ImportRows, string? HttpFixture, string? ServeBaseline,
    bool ImportPerRow = false, bool ImportCreateOnly = false)
{
    public const string Usage = """
        usage: StalkingProtection.Benchmarks --provider Sqlite|Postgres --connection "<connection string>" [--orders 100000]
               [--audit-entries 1000000] [--iterations 300] [--statistics-iterations 7] [--warmup 30] [--rounds 5] [--workers 32] [--throughput-seconds 10]
               [--output results.md] [--reuse] [--import-rows 0] [--import-per-row] [--import-create-only] [--http-fixture FILE] [--serve-baseline URL]
        The database named by the connection string is deleted, recreated and seeded; with --reuse it is kept as an earlier run
        seeded it and only migrated. With --import-rows N it seeds nothing and measures the tracker import of N generated rows:
        --import-per-row sends every row through the services (the bulk path off), --import-create-only keeps only the rows for a
        respondent of no earlier row (the go-live case without people named twice).
        With --http-fixture FILE it seeds (or reuses), writes what bench/load sends to FILE and measures nothing; with
        --serve-baseline URL it serves the bare EF Core endpoints bench/load compares with, on a database seeded before.
        """;

    public static BenchOptions? Parse(string[] args)
    {
        string[] flags = ["--reuse", "--import-per-row", "--import-create-only"];
        var reuse = args.Contains("--reuse", StringComparer.OrdinalIgnoreCase);
        var perRow = args.Contains("--import-per-row", StringComparer.OrdinalIgnoreCase);
        var createOnly = args.Contains("--import-create-only", StringComparer.OrdinalIgnoreCase);
        args = args.Where(a => !flags.Contains(a, StringComparer.OrdinalIgnoreCase)).ToArray();
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }

            values[args[i][2..]] = args[i + 1];
        }

        if (args.Length % 2 != 0 || !values.TryGetValue("connection", out var connection)
            || !Enum.TryParse<DatabaseProvider>(values.GetValueOrDefault("provider", "Sqlite"), true, out var provider))
        {
            return null;
        }

        // The baseline serves a database seeded before: it must never delete it.
        reuse |= values.ContainsKey("serve-baseline");
        int Number(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new BenchOptions(provider, connection, Number("orders", 100_000), Number("iterations", 300), Number("statistics-iterations", 7),
            Number("warmup", 30), Number("rounds", 5), Number("workers", 32), Number("throughput-seconds", 10), values.GetValueOrDefault("output"), reuse,
            Number("audit-entries", 1_000_000), Number("import-rows", 0), values.GetValueOrDefault("http-fixture"), values.GetValueOrDefault("serve-baseline"),
            perRow, createOnly);
    }
}
