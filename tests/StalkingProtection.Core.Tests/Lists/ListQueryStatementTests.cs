using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.Lists;
using StalkingProtection.Core.Orders;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Lists;

/// <summary>
/// P1: a page of a list is a fixed number of statements, however many rows it shows (no statement per row), and each
/// statement reads every table through an index.
/// </summary>
public class ListQueryStatementTests
{
    private static readonly DateOnly _today = new(2026, 11, 28);

    [Fact]
    public async Task CaseList_PageOfThreeAndPageOfTwentyFive_TakeTheSameTwoStatements()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        for (var i = 0; i < 3; i++)
        {
            await testData.CreateCaseAsync(c => c.WithProxyProtectedPerson());
        }

        var few = await CountCaseStatementsAsync(database);
        for (var i = 0; i < 25; i++)
        {
            await testData.CreateCaseAsync(c => c.WithProxyProtectedPerson());
        }

        // Act
        var many = await CountCaseStatementsAsync(database);

        // Assert
        Assert.Equal((3, 2), few);
        Assert.Equal((25, 2), many);
    }

    [Fact]
    public async Task ApplicationList_PageOfThreeAndPageOfTwentyFive_TakeOneStatement()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        for (var i = 0; i < 3; i++)
        {
            await testData.CreateApplicationAsync();
        }

        var few = await CountApplicationStatementsAsync(database);
        for (var i = 0; i < 25; i++)
        {
            await testData.CreateApplicationAsync();
        }

        // Act
        var many = await CountApplicationStatementsAsync(database);

        // Assert
        Assert.Equal((3, 1), few);
        Assert.Equal((25, 1), many);
    }

    // GET /api/v1/cases and the cases list by date reported: the cases are read in that order through their index and the
    // page stops after its rows, so each row's keys (respondent, decision, deadlines) are looked up for that row alone, by
    // index. The list once sorted every case after looking up its keys by reading whole tables: seconds at 2,000 orders.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task P1_ApiCaseList_FirstAndNextPage_ReadCasesByDateReportedAndEveryOtherTableThroughAnIndex(bool teamOnly)
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        for (var i = 0; i < 3; i++)
        {
            await testData.CreateOrderAsync(o => o.WithCase(c => c.Reported(new DateOnly(2026, 1, 5).AddDays(i))));
            await testData.CreateCaseAsync(c => c.Reported(new DateOnly(2026, 2, 5).AddDays(i)).InTeam(i == 0 ? "Elsewhere" : "Stalking Team"));
        }

        var recorder = new QueryPlanRecorder(database.Provider);
        await using var db = database.CreateContext(recorder);
        var ct = TestContext.Current.CancellationToken;
        IQueryable<CaseListRow> Rows() =>
            CaseListQuery.Rows(db, teamOnly ? db.Cases.AsNoTracking().Where(c => c.Team == "Stalking Team") : db.Cases.AsNoTracking(), _today, new CaseListFilter());

        // Act
        var first = await CaseListQuery.SeekBy(Rows(), CaseListSort.Reported, SortDirection.Ascending, null, null, false, database.Provider).Take(3).ToListAsync(ct);
        var last = first[^1];
        var next = await CaseListQuery.SeekBy(Rows(), CaseListSort.Reported, SortDirection.Ascending, Keyset.Format(last.ReportedOn), last.Id, false, database.Provider)
            .Take(3).ToListAsync(ct);

        // Assert
        var expected = await db.Cases.AsNoTracking().Where(c => !teamOnly || c.Team == "Stalking Team").OrderBy(c => c.ReportedOn).ThenBy(c => c.Id)
            .Select(c => c.Id).ToListAsync(ct);
        Assert.Equal(expected.Take(6), first.Concat(next).Select(r => r.Id));
        Assert.Contains(first, r => r.NextDeadline is not null && r.RespondentName.Length > 0);
        // A team's cases SQLite may instead find by team and sort: that team's rows, each looked up by index.
        AssertEveryTableReadThroughAnIndex(database.Provider, recorder.Plans.Take(2).ToList(), orderedBy: "ix_cases_reported_on_id", readInOrder: !teamOnly);
    }

    // The cases list sorted by any other column: its key is stored on the case with an index on (key, id), so a page is read
    // in that index's order and stops after its rows, as by date reported, instead of working out every case's key and sorting.
    [Theory]
    [InlineData(CaseListSort.Respondent, "ix_cases_respondent_sort_key_id")]
    [InlineData(CaseListSort.ProtectedPeople, "ix_cases_protected_people_sort_key_id")]
    [InlineData(CaseListSort.Officer, "ix_cases_officer_sort_key_id")]
    [InlineData(CaseListSort.Status, "ix_cases_status_sort_key_id")]
    [InlineData(CaseListSort.SpoDecision, "ix_cases_spo_decision_sort_key_id")]
    [InlineData(CaseListSort.NextDeadline, "ix_cases_next_deadline_on_id")]
    public async Task P1_CaseList_SortedByAStoredKey_FirstAndNextPage_ReadCasesInThatKeysIndexOrder(CaseListSort sort, string index)
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        for (var i = 0; i < 3; i++)
        {
            await testData.CreateOrderAsync(o => o.WithCase(c => c.Reported(new DateOnly(2026, 1, 5).AddDays(i))));
            await testData.CreateCaseAsync(c => c.Reported(new DateOnly(2026, 2, 5).AddDays(i)));
        }

        var recorder = new QueryPlanRecorder(database.Provider);
        await using var db = database.CreateContext(recorder);
        var ct = TestContext.Current.CancellationToken;
        IQueryable<CaseListRow> Rows() => CaseListQuery.Rows(db, db.Cases.AsNoTracking(), _today, new CaseListFilter());

        // Act
        var first = await CaseListQuery.SeekBy(Rows(), sort, SortDirection.Ascending, null, null, false, database.Provider).Take(3).ToListAsync(ct);
        var last = first[^1];
        var next = await CaseListQuery.SeekBy(Rows(), sort, SortDirection.Ascending, Keyset.Format(CaseListQuery.KeyOf(last, sort)), last.Id, false, database.Provider)
            .Take(3).ToListAsync(ct);

        // Assert
        var cases = db.Cases.AsNoTracking();
        var expected = await (sort switch
        {
            CaseListSort.Respondent => cases.OrderBy(c => c.RespondentSortKey),
            CaseListSort.ProtectedPeople => cases.OrderBy(c => c.ProtectedPeopleSortKey),
            CaseListSort.Officer => cases.OrderBy(c => c.OfficerSortKey),
            CaseListSort.Status => cases.OrderBy(c => c.StatusSortKey),
            CaseListSort.SpoDecision => cases.OrderBy(c => c.SpoDecisionSortKey),
            _ => cases.OrderBy(c => c.NextDeadlineOn),
        }).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        Assert.Equal(expected, first.Concat(next).Select(r => r.Id));
        AssertEveryTableReadThroughAnIndex(database.Provider, recorder.Plans.Take(2).ToList(), orderedBy: index, readInOrder: true);
        // The next page starts at the cursor in the index itself, (key, id) > (k, cid), not at the first row with the cursor's
        // key: by a key of few values that was most of the list (0.37-1.09 s a page on PostgreSQL and 22-62 ms on SQLite at
        // 1,000,000 orders).
        var plan = recorder.Plans[1].Plan;
        Assert.Matches(database.Provider == DatabaseProvider.Postgres ? @"Index Cond: [^\n]*ROW\(" : $@"{index} \(\([a-z_]+,id\)>\(\?,\?\)\)", plan);
    }

    // Paged to its end, each sort lists every case once, also when a page ends among the cases that share a key: those with
    // nothing due share "no deadline" (DateOnly.MaxValue), which the keys' own statement writes and a cursor asks for, and
    // on PostgreSQL both must be the same date for the next page to find the rest.
    [Theory]
    [InlineData(CaseListSort.NextDeadline)]
    [InlineData(CaseListSort.SpoDecision)]
    [InlineData(CaseListSort.Status)]
    [InlineData(CaseListSort.Respondent)]
    public async Task P1_CaseList_SortedByAStoredKey_PagedToTheEnd_ListsEveryCaseOnce(CaseListSort sort)
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        await testData.CreateOrderAsync();
        for (var i = 0; i < 5; i++)
        {
            await testData.CreateCaseAsync(c => c.Reported(new DateOnly(2026, 2, 5).AddDays(i)));
        }

        await using var db = database.CreateContext();
        var ct = TestContext.Current.CancellationToken;
        await ListKeys.RefreshAllAsync(db, ct);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            // As a database that had cases when CaseListSortKeys ran holds them (DATE '9999-12-31' for no deadline), then migrated on.
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261206110413_CaseListSortKeys", ct);
            await db.Database.ExecuteSqlRawAsync("UPDATE cases SET next_deadline_on = DATE '9999-12-31' WHERE next_deadline_on = 'infinity'", ct);
            await migrator.MigrateAsync(null, ct);
        }

        IQueryable<CaseListRow> Rows() => CaseListQuery.Rows(db, db.Cases.AsNoTracking(), _today, new CaseListFilter());
        var expected = await CaseListQuery.SeekBy(Rows(), sort, SortDirection.Ascending, null, null, false, database.Provider).Select(r => r.Id).ToListAsync(ct);

        // Act
        var listed = new List<Guid>();
        CaseListRow? last = null;
        for (var page = 0; page < expected.Count; page++)
        {
            var rows = await CaseListQuery.SeekBy(Rows(), sort, SortDirection.Ascending, last is null ? null : Keyset.Format(CaseListQuery.KeyOf(last, sort)),
                last?.Id, false, database.Provider).Take(2).ToListAsync(ct);
            listed.AddRange(rows.Select(r => r.Id));
            if (rows.Count < 2)
            {
                break;
            }

            last = rows[^1];
        }

        // Assert
        Assert.Equal(6, expected.Count);
        Assert.Equal(expected, listed);
    }

    // The orders and applications lists by any column but the date made or started: their keys are stored on the order or
    // application with an index on (key, id), as the cases list's are, so a page is read in that index's order and stops
    // after its rows. Worked out for every row and sorted, a first page at 1,000,000 orders took 0.2-3.6 s (orders) and
    // 0.8-8.4 s (applications) on PostgreSQL and more than 30 s on SQLite.
    [Theory]
    [InlineData(OrderListSort.Respondent, "ix_orders_respondent_sort_key_id")]
    [InlineData(OrderListSort.Kind, "ix_orders_kind_sort_key_id")]
    [InlineData(OrderListSort.LastDay, "ix_orders_last_day_sort_key_id")]
    [InlineData(OrderListSort.Status, "ix_orders_status_sort_key_id")]
    [InlineData(OrderListSort.NextDeadline, "ix_orders_next_deadline_sort_key_id")]
    public async Task P1_OrderList_SortedByAStoredKey_FirstAndNextPage_ReadOrdersInThatKeysIndexOrder(OrderListSort sort, string index)
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        for (var i = 0; i < 3; i++)
        {
            var interim = await testData.CreateOrderAsync(o => o.Interim().MadeOn(_today.AddDays(-40 + i)));
            await testData.CreateOrderAsync(o => o.ReplacingInterim(interim).MadeOn(_today.AddDays(-20 + i)).LastDay(_today.AddYears(2 + i)));
        }

        var recorder = new QueryPlanRecorder(database.Provider);
        await using var db = database.CreateContext(recorder);
        var ct = TestContext.Current.CancellationToken;
        IQueryable<OrderListRow> Rows() => OrderListQuery.Rows(db, db.Cases.AsNoTracking(), _today, OrderListFilter.All, null, null, needsAction: false);

        // Act
        var first = await OrderListQuery.SeekBy(Rows(), OrderListFilter.All, _today, sort, SortDirection.Ascending, null, null, false, database.Provider, 3).Take(3).ToListAsync(ct);
        var last = first[^1];
        var next = await OrderListQuery.SeekBy(Rows(), OrderListFilter.All, _today, sort, SortDirection.Ascending, Keyset.Format(OrderListQuery.KeyOf(last, sort)), last.Id, false,
            database.Provider, 3).Take(3).ToListAsync(ct);

        // Assert
        var orders = db.Orders.IgnoreAutoIncludes().AsNoTracking();
        var expected = await (sort switch
        {
            OrderListSort.Respondent => orders.OrderBy(o => o.RespondentSortKey),
            OrderListSort.Kind => orders.OrderBy(o => o.KindSortKey),
            OrderListSort.LastDay => orders.OrderBy(o => o.LastDaySortKey),
            OrderListSort.Status => orders.OrderBy(o => o.StatusSortKey),
            _ => orders.OrderBy(o => o.NextDeadlineSortKey),
        }).ThenBy(o => o.Id).Select(o => o.Id).ToListAsync(ct);
        Assert.Equal(expected.Take(6), first.Concat(next).Select(r => r.Id));
        AssertEveryTableReadThroughAnIndex(database.Provider, recorder.Plans.Take(2).ToList(), orderedBy: index, readInOrder: true);
        Assert.Matches(database.Provider == DatabaseProvider.Postgres ? @"Index Cond: [^\n]*ROW\(" : $@"{index} \(\([a-z_]+,id\)>\(\?,\?\)\)", recorder.Plans[1].Plan);
    }

    // The orders in force by status, kind or next deadline: a page reads each of today's ranges of keys
    // (OrderListKeys.InForceStatusKeys) from its start or from the cursor, at most a page from each, and never past the orders
    // that expired or ended before; read to the end of the status index, descending, it took 6.1 s at 1,000,000 orders on
    // PostgreSQL.
    [Theory]
    [InlineData(OrderListSort.Status, SortDirection.Descending, "ix_orders_status_sort_key_id")]
    [InlineData(OrderListSort.Status, SortDirection.Ascending, "ix_orders_status_sort_key_id")]
    [InlineData(OrderListSort.Kind, SortDirection.Ascending, "ix_orders_kind_sort_key_id")]
    [InlineData(OrderListSort.Kind, SortDirection.Descending, "ix_orders_kind_sort_key_id")]
    [InlineData(OrderListSort.NextDeadline, SortDirection.Descending, "ix_orders_next_deadline_sort_key_id")]
    public async Task P1_R16_OrderList_InForce_ByStatusKindOrNextDeadline_FirstAndNextPage_ReadTodaysRangesOfTheKeysIndex(OrderListSort sort, SortDirection direction, string index)
    {
        // Arrange: orders in force of both kinds, one with a notification due, expired ones, and two superseded, one of them
        // from a later day.
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        var ct = TestContext.Current.CancellationToken;
        var created = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            created.Add((await testData.CreateOrderAsync(o => o.Interim().MadeOn(_today.AddDays(-10 + i)))).OrderId);
            var served = i == 2;
            created.Add((await testData.CreateOrderAsync(o =>
            {
                o.MadeOn(_today.AddDays(-20 + i)).LastDay(_today.AddYears(2 + i));
                if (served)
                {
                    o.ServedOn(_today.AddDays(-1));
                }
            })).OrderId);
            await testData.CreateOrderAsync(o => o.MadeOn(_today.AddYears(-3)).LastDay(_today.AddDays(-1 - i)));
        }

        await using (var writer = database.CreateContext())
        {
            var clock = TestClock.At(_today).GetUtcNow();
            var loaded = await writer.Orders.Where(o => created.Contains(o.Id)).ToListAsync(ct);
            var orders = created.Select(id => loaded.Single(o => o.Id == id)).ToList();
            orders[0].Supersede(orders[1].Id, _today.AddDays(5), clock);
            orders[1].Supersede(orders[3].Id, _today, clock);
            await writer.SaveChangesAsync(ct);
        }

        var recorder = new QueryPlanRecorder(database.Provider);
        await using var db = database.CreateContext(recorder);
        IQueryable<OrderListRow> Rows() => OrderListQuery.Rows(db, db.Cases.AsNoTracking(), _today, OrderListFilter.InForce, null, null, needsAction: false);

        // Act
        var first = await OrderListQuery.SeekBy(Rows(), OrderListFilter.InForce, _today, sort, direction, null, null, false, database.Provider, 3).Take(3).ToListAsync(ct);
        var last = first[^1];
        var next = await OrderListQuery.SeekBy(Rows(), OrderListFilter.InForce, _today, sort, direction, Keyset.Format(OrderListQuery.KeyOf(last, sort)), last.Id, false,
            database.Provider, 3).Take(3).ToListAsync(ct);

        // Assert: the orders in force in the order of the key, each range of the key read through its index.
        var all = await OrderListQuery.Rows(db, db.Cases.AsNoTracking(), _today, OrderListFilter.All, null, null, needsAction: false).ToListAsync(ct);
        var inForce = all.Where(r => r.StatusOn(_today) == OrderStatus.InForce).ToList();
        var expected = (direction == SortDirection.Ascending
                ? inForce.OrderBy(r => OrderListQuery.KeyOf(r, sort)).ThenBy(r => r.Id)
                : inForce.OrderByDescending(r => OrderListQuery.KeyOf(r, sort)).ThenByDescending(r => r.Id))
            .Select(r => r.Id).ToList();
        Assert.Equal(5, expected.Count);
        Assert.Equal(expected.Take(6), first.Concat(next).Select(r => r.Id));
        var plans = recorder.Plans.Take(2).ToList();
        AssertEveryTableReadThroughAnIndex(database.Provider, plans, orderedBy: index, readInOrder: true);
        var ranges = sort == OrderListSort.Kind ? 10 : sort == OrderListSort.Status ? 5 : 6;
        Assert.True(plans[0].Plan.Split(index).Length - 1 >= ranges, $"{ranges} reads of {index} expected in:\n{plans[0].Plan}");
    }

    [Theory]
    [InlineData(ApplicationListSort.Respondent, "ix_applications_respondent_sort_key_id")]
    [InlineData(ApplicationListSort.Kind, "ix_applications_kind_sort_key_id")]
    [InlineData(ApplicationListSort.Court, "ix_applications_court_name_id")]
    [InlineData(ApplicationListSort.Hearing, "ix_applications_hearing_sort_key_id")]
    [InlineData(ApplicationListSort.Status, "ix_applications_status_sort_key_id")]
    public async Task P1_ApplicationList_SortedByAStoredKey_FirstAndNextPage_ReadApplicationsInThatKeysIndexOrder(ApplicationListSort sort, string index)
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        for (var i = 0; i < 3; i++)
        {
            await testData.CreateApplicationAsync(a => a.Draft());
            var lodged = await testData.CreateApplicationAsync(a => a.Interim().Lodged(_today.AddDays(-5 + i)));
            await testData.WithServicesAsync(_today, s => s.Hearings.ListHearingAsync(
                new ListHearingOptions(lodged.ApplicationId, TestData.NoonOn(_today.AddDays(10 - i)), "Leeds Magistrates' Court"), TestData.Officer));
        }

        var recorder = new QueryPlanRecorder(database.Provider);
        await using var db = database.CreateContext(recorder);
        var ct = TestContext.Current.CancellationToken;
        IQueryable<ApplicationListRow> Rows() =>
            ApplicationListQuery.Rows(db, db.Cases.AsNoTracking(), _today, ApplicationListFilter.All, null, null, needsAction: false);

        // Act
        var first = await ApplicationListQuery.SeekBy(Rows(), sort, SortDirection.Ascending, null, null, false, database.Provider).Take(3).ToListAsync(ct);
        var last = first[^1];
        var next = await ApplicationListQuery.SeekBy(Rows(), sort, SortDirection.Ascending, Keyset.Format(ApplicationListQuery.KeyOf(last, sort)), last.Id,
            false, database.Provider).Take(3).ToListAsync(ct);

        // Assert
        var applications = db.Applications.IgnoreAutoIncludes().AsNoTracking();
        var expected = await (sort switch
        {
            ApplicationListSort.Respondent => applications.OrderBy(a => a.RespondentSortKey),
            ApplicationListSort.Kind => applications.OrderBy(a => a.KindSortKey),
            ApplicationListSort.Court => applications.OrderBy(a => a.CourtName),
            ApplicationListSort.Hearing => applications.OrderBy(a => a.HearingSortKey),
            _ => applications.OrderBy(a => a.StatusSortKey),
        }).ThenBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        Assert.Equal(expected.Take(6), first.Concat(next).Select(r => r.Id));
        AssertEveryTableReadThroughAnIndex(database.Provider, recorder.Plans.Take(2).ToList(), orderedBy: index, readInOrder: true);
        Assert.Matches(database.Provider == DatabaseProvider.Postgres ? @"Index Cond: [^\n]*ROW\(" : $@"{index} \(\([a-z_]+,id\)>\(\?,\?\)\)", recorder.Plans[1].Plan);
    }

    // GET /api/v1/applications by the time each was started, likewise, and the respondent's name found by their person's index.
    [Fact]
    public async Task P1_ApiApplicationList_FirstAndNextPage_ReadApplicationsByStartAndEveryOtherTableThroughAnIndex()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        for (var i = 0; i < 4; i++)
        {
            await testData.CreateApplicationAsync();
        }

        var recorder = new QueryPlanRecorder(database.Provider);
        await using var db = database.CreateContext(recorder);
        var ct = TestContext.Current.CancellationToken;
        IQueryable<ApplicationListRow> Rows() =>
            ApplicationListQuery.Rows(db, db.Cases.AsNoTracking(), _today, ApplicationListFilter.All, null, null, needsAction: false);

        // Act
        var first = await Keyset.Seek(Rows(), r => r.CreatedAt, r => r.Id, SortDirection.Ascending, null, null, false, database.Provider).Take(2).ToListAsync(ct);
        var last = first[^1];
        var next = await Keyset.Seek(Rows(), r => r.CreatedAt, r => r.Id, SortDirection.Ascending, last.CreatedAt, last.Id, false, database.Provider).Take(2).ToListAsync(ct);

        // Assert
        var expected = (await db.Applications.AsNoTracking().IgnoreAutoIncludes().Select(a => new { a.Id, a.CreatedAt }).ToListAsync(ct))
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Select(a => a.Id);
        Assert.Equal(expected, first.Concat(next).Select(r => r.Id));
        Assert.All(first.Concat(next), r => Assert.NotEmpty(r.RespondentName));
        AssertEveryTableReadThroughAnIndex(database.Provider, recorder.Plans.Take(2).ToList(), orderedBy: "ix_applications_created_at_id", readInOrder: true);
        // The respondent joined once, and one lookup of the person's names for each name part (the sort key is stored): a
        // "let" of the respondent and of the name read the respondent seven times a row and the names seven times.
        Assert.All(recorder.Plans.Take(2), p =>
        {
            Assert.Equal(1, TableReads(p.Sql, "respondents"));
            Assert.Equal(2, TableReads(p.Sql, "person_names"));
        });
    }

    /// <summary>
    /// No table read whole, and no index read end to end but the one the list is paged by, which the page's own limit stops.
    /// On SQLite the rows are read through that index even with no bound on it: in its order, so that the page is not a sort
    /// of every row with every row's keys worked out first. (A sort within a row's lookup, such as of its person's names, is
    /// of that row's few.)
    /// </summary>
    private static void AssertEveryTableReadThroughAnIndex(DatabaseProvider provider, IReadOnlyList<(string Sql, string Plan)> plans, string orderedBy,
        bool readInOrder)
    {
        Assert.Equal(2, plans.Count);
        Assert.All(plans, p =>
        {
            var because = $"plan:\n{p.Plan}\nfor:\n{p.Sql}";
            Assert.True(QueryPlanRecorder.FullScans(p.Plan, provider).Count == 0, because);
            Assert.True(QueryPlanRecorder.FullIndexScans(p.Plan, provider).All(index => index == orderedBy), because);
            if (provider == DatabaseProvider.Sqlite && readInOrder)
            {
                Assert.True(QueryPlanRecorder.IndexesUsed(p.Plan, provider).Contains(orderedBy), because);
            }
        });
    }

    // PostgreSQL's SQL names the tables unquoted, SQLite's quoted.
    private static int TableReads(string sql, string table) => sql.Replace("\"", "", StringComparison.Ordinal).Split($" {table} AS ").Length - 1;

    private static async Task<(int Rows, int Statements)> CountCaseStatementsAsync(TestDatabase database)
    {
        var recorder = new QueryPlanRecorder(database.Provider);
        await using var db = database.CreateContext(recorder);
        var ct = TestContext.Current.CancellationToken;
        var rows = await CaseListQuery.SeekBy(CaseListQuery.Rows(db, db.Cases.AsNoTracking(), _today, new CaseListFilter()), CaseListSort.Respondent,
            SortDirection.Ascending, null, null, backwards: false, database.Provider).Take(25).ToListAsync(ct);
        await CaseListQuery.AddProtectedInitialsAsync(db, rows, ct);
        Assert.All(rows, r => Assert.Equal(2, r.ProtectedInitials.Count));
        return (rows.Count, recorder.Plans.Count);
    }

    private static async Task<(int Rows, int Statements)> CountApplicationStatementsAsync(TestDatabase database)
    {
        var recorder = new QueryPlanRecorder(database.Provider);
        await using var db = database.CreateContext(recorder);
        var rows = await ApplicationListQuery.SeekBy(
                ApplicationListQuery.Rows(db, db.Cases.AsNoTracking(), _today, ApplicationListFilter.All, null, null, needsAction: false),
                ApplicationListSort.Hearing, SortDirection.Ascending, null, null, backwards: false, database.Provider)
            .Take(25).ToListAsync(TestContext.Current.CancellationToken);
        return (rows.Count, recorder.Plans.Count);
    }
}
