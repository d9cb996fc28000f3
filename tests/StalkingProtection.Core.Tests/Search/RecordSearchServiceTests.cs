using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Data.Migrations;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Search;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Search;

/// <summary>P1: the workspace search finds names in the database through an index, in a fixed number of statements.</summary>
public sealed class RecordSearchServiceTests : IAsyncLifetime
{
    private static readonly DateOnly _today = new(2026, 11, 28);
    private TestDatabase _database = null!;

    private TestData TestData => new(_database);

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    /// <summary>The cases of the officer's team, as need-to-know narrows them (every test case has the same officer in charge).</summary>
    private static IQueryable<StalkingCase> TeamCases(StalkingProtectionDbContext db) => db.Cases.Where(c => c.Team == TestData.Officer.Team);

    private async Task<Guid> RespondentNamedAsync(string given, string family, string team = "Stalking Team")
    {
        var created = await TestData.CreateCaseAsync(c => c.InTeam(team));
        var respondentId = (await TestData.WithServicesAsync(_today, s => s.Cases.AddRespondentAsync(
            new AddRespondentOptions(created.CaseId, new PersonDetails(given, family, new DateOnly(1988, 7, 14)), null, null, null), TestData.Officer))).RecordId;
        await using var db = _database.CreateContext();
        return await db.Respondents.Where(r => r.Id == respondentId).Select(r => r.PersonId).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<(SearchResults Results, IReadOnlyList<string> Statements)> SearchCountingAsync(string text)
    {
        var counter = new StatementCounter();
        await using var db = _database.CreateContext(counter);
        using var count = counter.Start();
        var results = await new RecordSearchService(db, new AuditLog(db, TimeProvider.System)).SearchAsync(text, TeamCases(db), _today, TestData.Officer,
            TestContext.Current.CancellationToken);
        return (results, count.Statements);
    }

    [Fact]
    public async Task P1_NameSearch_FindingOnePersonOrTwelve_TakesTheSameStatements()
    {
        // Arrange
        await RespondentNamedAsync("Zoë", "Okafor");
        var (one, few) = await SearchCountingAsync("zoe okafor");
        for (var i = 0; i < 11; i++)
        {
            await RespondentNamedAsync("ZOE", "OKAFOR");
        }

        // Act
        var (twelve, many) = await SearchCountingAsync("zoe okafor");

        // Assert
        Assert.Single(one.People);
        Assert.Equal(12, twelve.People.Count);
        Assert.Equal(12, twelve.Cases.Count);
        Assert.True(few.Count == many.Count, $"One person: {few.Count} statements; twelve: {many.Count}:\n{string.Join("\n\n", many)}");
        Assert.Equal(SearchStatements, many.Count);
    }

    /// <summary>One to find the names, five for the cases, applications and orders of the people found, nine to describe them and one for the audit entry.</summary>
    private const int SearchStatements = 16;

    [Fact]
    public async Task S4_NameSearch_AnotherTeamsPersonOfTheSameName_IsNotFound()
    {
        // Arrange
        var ours = await RespondentNamedAsync("Zoë", "Okafor");
        await RespondentNamedAsync("Zoë", "Okafor", team: "Elsewhere");

        // Act
        var (results, _) = await SearchCountingAsync("ZOË OKAFOR");

        // Assert
        Assert.Equal([ours], results.People.Select(p => p.PersonId));
    }

    [Theory]
    [InlineData("zoe obrien smith")]
    [InlineData("Z O Brien")]
    [InlineData("obriensmith")]
    public async Task P1_NameSearch_FindsTheNamesThroughTheWordIndexes_WithoutReadingATableOrIndexThrough(string text)
    {
        // Arrange
        var personId = await RespondentNamedAsync("Zoë", "O'Brien-Smith");
        await RespondentNamedAsync("Zoë", "Brien");
        var recorder = new QueryPlanRecorder(_database.Provider);
        await using var db = _database.CreateContext(recorder);

        // Act
        var results = await new RecordSearchService(db, new AuditLog(db, TimeProvider.System)).SearchAsync(text, TeamCases(db), _today, TestData.Officer,
            TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal([personId], results.People.Select(p => p.PersonId));
        var (sql, plan) = Assert.Single(recorder.Plans, p => p.Sql.Contains("person_name_words", StringComparison.Ordinal));
        // The database may start from the words (their word or joined index) or, for a team with few cases, from the team's
        // cases and then each name's words (their primary key); either way through an index.
        var indexes = QueryPlanRecorder.IndexesUsed(plan, _database.Provider);
        Assert.True(indexes.Overlaps(["ix_person_name_words_word", "ix_person_name_words_joined", "pk_person_name_words", "sqlite_autoindex_person_name_words_1"]),
            $"Words not read by an index in plan:\n{plan}\nfor:\n{sql}");
        Assert.True(QueryPlanRecorder.FullScans(plan, _database.Provider).Count == 0, $"Full scan in plan:\n{plan}\nfor:\n{sql}");
        Assert.True(QueryPlanRecorder.FullIndexScans(plan, _database.Provider).Count == 0, $"Full index scan in plan:\n{plan}\nfor:\n{sql}");

        // On SQLite, which plans by its indexes alone, each name's respondent's cases are found by respondent and team, never by
        // reading the team's cases for each name. PostgreSQL chooses by its statistics, and may read a small team's cases once.
        Assert.True(_database.Provider != DatabaseProvider.Sqlite || (indexes.Contains("ix_cases_respondent_id_team") && !indexes.Contains("ix_cases_team_status")),
            $"The team's cases read for each name in plan:\n{plan}\nfor:\n{sql}");
    }

    // The follow-up statements (the cases, applications and orders of the people found, then their descriptions) are bound by
    // the ids found and checked against the visible cases row by row through the cases' primary key. Matched as a list of
    // every visible case instead, a coordinator's search would read every case at each step.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task P1_S4_NameSearch_FollowUpStatements_ReadEveryTableThroughAnIndex(bool teamOnly)
    {
        // Arrange
        var order = await TestData.CreateOrderAsync();
        await TestData.CreateOrderAsync();
        var ct = TestContext.Current.CancellationToken;
        string name;
        await using (var setup = _database.CreateContext())
        {
            var personId = await setup.Respondents.Where(r => r.Id == order.Case.RespondentId).Select(r => r.PersonId).SingleAsync(ct);
            name = await setup.Set<PersonName>().Where(n => n.PersonId == personId && !n.IsAlias).Select(n => n.GivenNames + " " + n.FamilyName).FirstAsync(ct);
        }

        var recorder = new QueryPlanRecorder(_database.Provider);
        await using var db = _database.CreateContext(recorder);

        // Act
        var results = await new RecordSearchService(db, new AuditLog(db, TimeProvider.System))
            .SearchAsync(name, teamOnly ? TeamCases(db) : db.Cases, _today, TestData.Officer, ct);

        // Assert
        Assert.Contains(results.Cases, c => c.CaseId == order.Case.CaseId);
        Assert.Contains(results.Applications, a => a.ApplicationId == order.Application.ApplicationId);
        Assert.Contains(results.Orders, o => o.OrderId == order.OrderId);
        // A statement for an empty list of ids is WHERE 0, which reads nothing whatever its plan says.
        var followUps = recorder.Plans.Where(p => p.Sql.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            && !p.Sql.Contains("person_name_words", StringComparison.Ordinal) && !p.Sql.TrimEnd().EndsWith("WHERE 0", StringComparison.Ordinal)).ToList();
        // All but the words statement, the audit entry and, on SQLite, a statement for an empty list.
        Assert.True(followUps.Count >= SearchStatements - 3, $"{followUps.Count} statements");
        Assert.All(followUps, p =>
        {
            var because = $"plan:\n{p.Plan}\nfor:\n{p.Sql}";
            Assert.True(QueryPlanRecorder.FullScans(p.Plan, _database.Provider).Count == 0, because);
            Assert.True(QueryPlanRecorder.FullIndexScans(p.Plan, _database.Provider).Count == 0, because);
        });
    }

    // A family name many people share, as at 1,000,000 orders, so each follow-up statement lists dozens of ids. SQLite, which
    // plans by its indexes alone, then judged the team's cases cheaper to read than the ids: 630 ms for the respondents' cases and
    // 170 ms for the cases' descriptions at that scale, for 29 and 45 rows.
    [Fact]
    public async Task P1_S4_FamilyNameSharedByMany_TeamSearch_FindsTheTeamsPeople_WithoutReadingTheTeamsCases()
    {
        // Arrange
        var inTeam = new List<Guid>();
        for (var i = 0; i < 32; i++)
        {
            inTeam.Add(await RespondentNamedAsync($"Given{i}", "Holmbydale"));
        }

        await RespondentNamedAsync("Other", "Holmbydale", "North Public Protection");
        var recorder = new QueryPlanRecorder(_database.Provider);
        await using var db = _database.CreateContext(recorder);

        // Act
        var results = await new RecordSearchService(db, new AuditLog(db, TimeProvider.System)).SearchAsync("Holmbydale", TeamCases(db), _today, TestData.Officer,
            TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(inTeam.Order(), results.People.Select(p => p.PersonId).Order());
        Assert.Equal(32, results.Cases.Count);
        Assert.All(results.People, p => Assert.Single(p.Roles));
        var statements = recorder.Plans.Where(p => p.Sql.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            && !p.Sql.TrimEnd().EndsWith("WHERE 0", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(statements);
        Assert.All(statements, p =>
        {
            var because = $"plan:\n{p.Plan}\nfor:\n{p.Sql}";
            Assert.Empty(QueryPlanRecorder.FullScans(p.Plan, _database.Provider));
            Assert.False(_database.Provider == DatabaseProvider.Sqlite && QueryPlanRecorder.IndexesUsed(p.Plan, _database.Provider).Contains("ix_cases_team_status"),
                because);
        });
    }

    [Fact]
    public async Task NameSearch_InitialsAlone_FindNoOneByName()
    {
        // Arrange
        await RespondentNamedAsync("Zoë", "Okafor");

        // Act
        var (results, _) = await SearchCountingAsync("Z O");

        // Assert
        Assert.Empty(results.People);
    }

    /// <summary>A case of the officer's team with two crime references, and a respondent with a PNC ID.</summary>
    private async Task<(Guid CaseId, Guid PersonId)> CaseWithReferencesAsync(string pncId, params string[] crimeReferences) =>
        await TestData.WithServicesAsync(_today, async s =>
        {
            var caseId = (await s.Cases.OpenCaseAsync(new OpenCaseOptions(crimeReferences, OffencesConsidered.StalkingPha2A, _today,
                TestData.Officer.Name, "Stalking Team"), TestData.Officer)).RecordId;
            var respondentId = (await s.Cases.AddRespondentAsync(new AddRespondentOptions(caseId,
                new PersonDetails("Zoë", "Okafor", new DateOnly(1988, 7, 14), PncId: pncId), null, null, null), TestData.Officer)).RecordId;
            return (caseId, await s.Context.Respondents.Where(r => r.Id == respondentId).Select(r => r.PersonId).SingleAsync());
        });

    [Theory]
    [InlineData("12/0034567A")]
    [InlineData("12/34567a")]
    [InlineData("2012/0034567A")]
    [InlineData("120034567A")]
    [InlineData(" 12 / 34567A")]
    public async Task P1_PncIdSearch_TheIdWithOrWithoutItsZerosSlashOrCapitals_FindsThePersonAndCase(string text)
    {
        // Arrange
        var (caseId, personId) = await CaseWithReferencesAsync("12/0034567A", "13/000123/24");
        await CaseWithReferencesAsync("12/0034568A", "13/000124/24");

        // Act
        var (results, _) = await SearchCountingAsync(text);

        // Assert
        Assert.Equal([personId], results.People.Select(p => p.PersonId));
        Assert.Equal([caseId], results.Cases.Select(c => c.CaseId));
    }

    [Theory]
    [InlineData("13/000123/24")]
    [InlineData("wy-2026-55")]
    [InlineData(" WY-2026-55 ")]
    [InlineData("WY-2026- 55")]
    public async Task P1_CrimeReferenceSearch_AnyOfTheCasesReferencesInAnyCase_FindsTheCase(string text)
    {
        // Arrange
        var (caseId, _) = await CaseWithReferencesAsync("12/34567A", "13/000123/24", "WY-2026-55");
        await CaseWithReferencesAsync("12/34568A", "13/000123/25", "WY-2026-56");

        // Act
        var (results, _) = await SearchCountingAsync(text);

        // Assert
        Assert.Equal([caseId], results.Cases.Select(c => c.CaseId));
    }

    [Theory]
    [InlineData("13/000123")]
    [InlineData("000123/24")]
    [InlineData("13/0000123/24")]
    public async Task CrimeReferenceSearch_PartOfAReferenceOrItWithAnotherZero_FindsNothing(string text)
    {
        // Arrange
        await CaseWithReferencesAsync("12/34567A", "13/000123/24");

        // Act
        var (results, _) = await SearchCountingAsync(text);

        // Assert
        Assert.Empty(results.Cases);
    }

    [Theory]
    [InlineData("pnc-entry-77")]
    [InlineData("PNC-ENTRY-77")]
    public async Task R42_OrderPncReferenceSearch_InAnyCase_FindsTheOrder(string text)
    {
        // Arrange
        var order = await TestData.CreateOrderAsync();
        await TestData.CreateOrderAsync();
        await TestData.WithServicesAsync(_today, s => s.Orders.RecordPncEntryAsync(new RecordPncEntryOptions(order.OrderId, "PNC-ENTRY-77"), TestData.Officer));

        // Act
        var (results, _) = await SearchCountingAsync(text);

        // Assert
        Assert.Equal([order.OrderId], results.Orders.Select(o => o.OrderId));
    }

    [Fact]
    public async Task S4_ReferenceSearch_AnotherTeamsCaseByPncIdOrCrimeReference_IsNotFound()
    {
        // Arrange
        var theirs = await TestData.WithServicesAsync(_today, s => s.Cases.OpenCaseAsync(
            new OpenCaseOptions(["13/000999/24"], OffencesConsidered.StalkingPha2A, _today, TestData.Officer.Name, "Elsewhere"), TestData.Officer));

        // Act
        var (results, _) = await SearchCountingAsync("13/000999/24");

        // Assert
        Assert.NotEqual(Guid.Empty, theirs.RecordId);
        Assert.Empty(results.Cases);
    }

    /// <summary>Four lookups by reference (cases, orders by PNC reference, people by PNC ID, orders by acknowledgement) in place of the name lookup, then the follow-ups, descriptions and audit entry.</summary>
    private const int ReferenceSearchStatements = 19;

    [Fact]
    public async Task P1_ReferenceSearch_FindingOneCaseOrTwelve_TakesTheSameStatements()
    {
        // Arrange
        await CaseWithReferencesAsync("12/34567A", "13/000123/24");
        var (one, few) = await SearchCountingAsync("12/34567A");
        for (var i = 0; i < 11; i++)
        {
            await CaseWithReferencesAsync("12/34567A", "13/000123/24");
        }

        // Act
        var (twelve, many) = await SearchCountingAsync("12/34567A");
        var (byReference, byReferenceStatements) = await SearchCountingAsync("13/000123/24");

        // Assert
        Assert.Single(one.Cases);
        Assert.Equal(12, twelve.Cases.Count);
        Assert.Equal(12, byReference.Cases.Count);
        Assert.True(few.Count == many.Count, $"One case: {few.Count} statements; twelve: {many.Count}:\n{string.Join("\n\n", many)}");
        Assert.Equal(ReferenceSearchStatements, many.Count);
        // Twelve cases by crime reference and no person: at most as many statements as twelve people by PNC ID.
        Assert.True(byReferenceStatements.Count <= ReferenceSearchStatements, $"{byReferenceStatements.Count} statements");
    }

    // A PNC ID, crime reference or PNC reference is looked up by equality on the index of its stored key; compared through
    // upper() or inside the comma-joined references, every person, order or case would be read (1.5 s at 200,000 people).
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task P1_S4_ReferenceSearch_ReadsThePncIdAndCrimeReferenceKeysAndEveryTableThroughAnIndex(bool teamOnly)
    {
        // Arrange
        await CaseWithReferencesAsync("12/34567A", "13/000123/24");
        await CaseWithReferencesAsync("12/34568A", "13/000124/24");
        var recorder = new QueryPlanRecorder(_database.Provider);
        await using var db = _database.CreateContext(recorder);
        var ct = TestContext.Current.CancellationToken;

        // Act
        var byPnc = await new RecordSearchService(db, new AuditLog(db, TimeProvider.System))
            .SearchAsync("12/0034567a", teamOnly ? TeamCases(db) : db.Cases, _today, TestData.Officer, ct);
        var byReference = await new RecordSearchService(db, new AuditLog(db, TimeProvider.System))
            .SearchAsync("13/000123/24", teamOnly ? TeamCases(db) : db.Cases, _today, TestData.Officer, ct);

        // Assert
        Assert.Single(byPnc.People);
        Assert.Single(byReference.Cases);
        // A statement for an empty list of ids is WHERE 0, which reads nothing whatever its plan says.
        var reads = recorder.Plans.Where(p => p.Sql.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            && !Regex.IsMatch(p.Sql, @"WHERE 0(\s|$)")).ToList();
        string IndexOf(string sqlPart)
        {
            var (sql, plan) = reads.First(p => p.Sql.Contains(sqlPart, StringComparison.Ordinal));
            var indexes = QueryPlanRecorder.IndexesUsed(plan, _database.Provider);
            return string.Join(",", indexes);
        }

        Assert.Contains("ix_people_pnc_id_key", IndexOf("pnc_id_key"), StringComparison.Ordinal);
        Assert.Contains("ix_orders_pnc_reference_key", IndexOf("pnc_reference_key"), StringComparison.Ordinal);
        var crimeReferenceIndexes = IndexOf("case_crime_references");
        Assert.True(crimeReferenceIndexes.Contains("pk_case_crime_references", StringComparison.Ordinal)
            || crimeReferenceIndexes.Contains("sqlite_autoindex_case_crime_references_1", StringComparison.Ordinal), crimeReferenceIndexes);
        Assert.All(reads, p =>
        {
            var because = $"plan:\n{p.Plan}\nfor:\n{p.Sql}";
            Assert.True(QueryPlanRecorder.FullScans(p.Plan, _database.Provider).Count == 0, because);
            Assert.True(QueryPlanRecorder.FullIndexScans(p.Plan, _database.Provider).Count == 0, because);
        });
    }

    [Fact]
    public async Task Backfill_RecordsKeptBeforeTheKeys_AreGivenThemAndFoundByReference()
    {
        // Arrange
        var (caseId, personId) = await CaseWithReferencesAsync("12/0034567A", "13/000123/24", "WY-2026-55");
        var order = await TestData.CreateOrderAsync();
        await TestData.WithServicesAsync(_today, s => s.Orders.RecordPncEntryAsync(new RecordPncEntryOptions(order.OrderId, "PNC-ENTRY-77"), TestData.Officer));
        var ct = TestContext.Current.CancellationToken;
        await using (var db = _database.CreateContext())
        {
            await db.Set<CaseCrimeReference>().ExecuteDeleteAsync(ct);
            await db.People.ExecuteUpdateAsync(s => s.SetProperty(p => p.PncIdKey, (string?)null), ct);
            await db.Orders.ExecuteUpdateAsync(s => s.SetProperty(o => o.PncReferenceKey, (string?)null), ct);
        }

        var (before, _) = await SearchCountingAsync("wy-2026-55");

        // Act
        int filled, again;
        await using (var db = _database.CreateContext())
        {
            filled = await SearchReferenceBackfill.RunAsync(db, ct);
            again = await SearchReferenceBackfill.RunAsync(db, ct);
        }

        // Assert
        Assert.Empty(before.Cases);
        Assert.True(filled >= 5, $"{filled} filled");
        Assert.Equal(0, again);
        Assert.Equal([caseId], (await SearchCountingAsync("wy-2026-55")).Results.Cases.Select(c => c.CaseId));
        Assert.Equal([caseId], (await SearchCountingAsync("13/000123/24")).Results.Cases.Select(c => c.CaseId));
        Assert.Equal([personId], (await SearchCountingAsync("12/34567a")).Results.People.Select(p => p.PersonId));
        Assert.Equal([order.OrderId], (await SearchCountingAsync("pnc-entry-77")).Results.Orders.Select(o => o.OrderId));
    }

    // Start-up fills in the keys before it listens: a statement a person was a round trip a person on PostgreSQL.
    [Fact]
    public async Task P1_Backfill_ManyPeopleAndOrders_AreGivenTheirKeysInOneStatementABatch()
    {
        // Arrange
        var people = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            people.Add((await CaseWithReferencesAsync($"{10 + i}/00{i}4567A", $"13/00012{i}/24")).PersonId);
        }

        var ct = TestContext.Current.CancellationToken;
        await using (var db = _database.CreateContext())
        {
            await db.People.ExecuteUpdateAsync(s => s.SetProperty(p => p.PncIdKey, (string?)null), ct);
        }

        var counter = new StatementCounter();
        IReadOnlyList<string> statements;

        // Act
        await using (var db = _database.CreateContext(counter))
        {
            using var count = counter.Start();
            await SearchReferenceBackfill.RunAsync(db, ct);
            statements = count.Statements;
        }

        // Assert
        Assert.Single(statements, s => s.StartsWith("UPDATE people", StringComparison.OrdinalIgnoreCase));
        await using var check = _database.CreateContext();
        var keys = await check.People.Where(p => people.Contains(p.Id)).OrderBy(p => p.PncIdKey).Select(p => p.PncIdKey).ToListAsync(ct);
        Assert.Equal(["10/4567A", "11/14567A", "12/24567A", "13/34567A", "14/44567A", "15/54567A"], keys);
    }

    [Fact]
    public async Task Backfill_ACaseKeptWithOnlyBlankReferences_IsLeftWithoutKeys_AndTheBackfillFinishes()
    {
        // Arrange: a row written around the entity, whose references have no key to find them by.
        var (caseId, _) = await CaseWithReferencesAsync("12/0034567A", "WY-2026-56");
        var ct = TestContext.Current.CancellationToken;
        await using (var db = _database.CreateContext())
        {
            await db.Set<CaseCrimeReference>().Where(k => k.CaseId == caseId).ExecuteDeleteAsync(ct);
            await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.CrimeReferences, " , "), ct);
        }

        // Act
        await using var check = _database.CreateContext();
        await using (var db = _database.CreateContext())
        {
            // Start-up runs this before it listens: a wait here would be a service that never starts.
            await Task.Run(() => SearchReferenceBackfill.RunAsync(db, ct), ct).WaitAsync(TimeSpan.FromMinutes(2), ct);
        }

        // Assert
        Assert.False(await check.Set<CaseCrimeReference>().AnyAsync(k => k.CaseId == caseId, ct));
        Assert.Equal(" , ", await check.Cases.Where(c => c.Id == caseId).Select(c => c.CrimeReferences).SingleAsync(ct));
    }

    [Fact]
    public void Words_OfAName_AreItsNormalisedWordsEachWithTheNextJoinedOn()
    {
        // Act
        var words = PersonNameWord.Of(Guid.Empty, "Zoë", "O'Brien-Smith").ToList();

        // Assert
        Assert.Equal(["zoe", "obrien", "smith"], words.Select(w => w.Word));
        Assert.Equal(["zoeobrien", "obriensmith", null], words.Select(w => w.Joined));
        Assert.Equal([0, 1, 2], words.Select(w => w.Position));
    }
}
