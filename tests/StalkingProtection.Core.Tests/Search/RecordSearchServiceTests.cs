using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
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

    /// <summary>One to find the names, five for the cases, applications and orders of the people found, ten to describe them and one for the audit entry.</summary>
    private const int SearchStatements = 17;

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
