using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Data.Migrations;
using StalkingProtection.Core.Lookup;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Search;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.People;

/// <summary>Names found whatever their case, accents, hyphens, apostrophes and spaces, on SQLite and PostgreSQL alike.</summary>
public sealed class FamilySearchKeyTests : IAsyncLifetime
{
    private static readonly DateOnly _today = new(2026, 11, 28);
    private static readonly DateOnly _born = new(1988, 7, 14);
    private TestDatabase _database = null!;

    private TestData TestData => new(_database);

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    /// <summary>A case whose respondent is <paramref name="given"/> <paramref name="family"/>, named through the case service as staff would.</summary>
    private async Task<Guid> RespondentNamedAsync(string given, string family)
    {
        var created = await TestData.CreateCaseAsync();
        return (await TestData.WithServicesAsync(_today, s => s.Cases.AddRespondentAsync(
            new AddRespondentOptions(created.CaseId, new PersonDetails(given, family, _born), null, null, null), TestData.Officer))).RecordId;
    }

    private Task<IReadOnlyList<LookupSubject>> LookUpAsync(string family, string? given = null) =>
        TestData.WithServicesAsync(_today, s => s.Lookup.SearchAsync(new OrderLookupQuery(family, given, _born, null, null, "INC-0017"), _today, TestData.Officer));

    [Theory]
    [InlineData("O'Brien-Smith", "obriensmith")]
    [InlineData("o brien smith", "obriensmith")]
    [InlineData("  OBRIEN SMITH ", "obriensmith")]
    [InlineData("O\u2019Brien", "obrien")]
    [InlineData("Brontë", "bronte")]
    [InlineData("ÉLODIE-NÚÑEZ", "elodienunez")]
    public void SearchKey_IgnoresCaseAccentsHyphensApostrophesAndSpaces(string familyName, string key)
    {
        // Act
        var actual = PersonName.SearchKey(familyName);

        // Assert
        Assert.Equal(key, actual);
    }

    [Theory]
    [InlineData("obrien smith", null)]
    [InlineData("O'BRIEN-SMITH", "zoe")]
    [InlineData("Obrien-Smith", "Z")]
    [InlineData("o’brien smith", "ZOË")]
    public async Task Lookup_ZoeOBrienSmith_IsFoundByHerFamilyNameWrittenAnyWay_AndByHerGivenNameOrItsInitial(string family, string? given)
    {
        // Arrange
        var respondentId = await RespondentNamedAsync("Zoë", "O'Brien-Smith");
        await RespondentNamedAsync("Zoë", "Brien-Smith");

        // Act
        var found = await LookUpAsync(family, given);

        // Assert
        Assert.Equal([respondentId], found.Select(s => s.RespondentId));
    }

    [Fact]
    public async Task Lookup_AnAccentedFamilyName_IsFoundWithoutTheAccentAndInCapitals_AndTheOtherWayRound()
    {
        // Arrange
        var accented = await RespondentNamedAsync("Seán", "Ó Súilleabháin");
        var plain = await RespondentNamedAsync("Renee", "Bronte");

        // Act
        var byPlain = await LookUpAsync("O SUILLEABHAIN", "sean");
        var byAccented = await LookUpAsync("Brontë", "Renée");

        // Assert
        Assert.Equal([accented], byPlain.Select(s => s.RespondentId));
        Assert.Equal([plain], byAccented.Select(s => s.RespondentId));
    }

    [Theory]
    [InlineData("zoe obrien smith")]
    [InlineData("O Brien")]
    [InlineData("ZOË O'BRIEN-SMITH")]
    [InlineData("Z O'Brien-Smith")]
    public async Task Search_ZoeOBrienSmith_IsFoundWhateverTheCaseAccentsPunctuationOrInitial(string text)
    {
        // Arrange
        var respondentId = await RespondentNamedAsync("Zoë", "O'Brien-Smith");
        await using var db = _database.CreateContext();
        var personId = await db.Respondents.Where(r => r.Id == respondentId).Select(r => r.PersonId).SingleAsync(TestContext.Current.CancellationToken);

        // Act
        var results = await TestData.WithServicesAsync(_today, s => new RecordSearchService(s.Context, s.Audit).SearchAsync(text, s.Context.Cases, _today, TestData.Officer));

        // Assert
        Assert.Contains(personId, results.People.Select(p => p.PersonId));
    }

    [Fact]
    public async Task Migration_FillsTheKeyOfNamesRecordedBeforeIt_AsTheEntityWould()
    {
        // Arrange: names as they stood before the key existed.
        string[] families = ["O'Brien-Smith", "ZOË", "Brontë", "Ó Súilleabháin", "D\u2019Arcy", "ÉLODIE-NÚÑEZ", "St. John", "MÜLLER", "Łukasz"];
        foreach (var _ in families)
        {
            await TestData.CreateCaseAsync();
        }

        await using var db = _database.CreateContext();
        var ids = await db.Set<PersonName>().OrderBy(n => n.Id).Select(n => n.Id).Take(families.Length).ToListAsync(TestContext.Current.CancellationToken);
        for (var i = 0; i < families.Length; i++)
        {
            await db.Database.ExecuteSqlAsync($"UPDATE person_names SET family_name = {families[i]}, family_search_key = '' WHERE id = {ids[i]}",
                TestContext.Current.CancellationToken);
        }

        // Act
        await db.Database.ExecuteSqlRawAsync(FamilySearchKeyBackfill.Sql(), TestContext.Current.CancellationToken);

        // Assert
        var keys = await db.Set<PersonName>().Where(n => ids.Contains(n.Id)).OrderBy(n => n.Id).Select(n => n.FamilySearchKey).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(families.Select(PersonName.SearchKey), keys);
    }

    [Fact]
    public async Task Backfill_NamesRecordedBeforeTheSearchWords_GetTheirWordsAndTheKeyOfEveryAlphabetFoldedAsTheEntityWould()
    {
        // Arrange: names as the SQL fill of the key left them (SQLite's lower() folds only ASCII capitals), without words.
        string[] families = ["ΔΗΜΗΤΡΊΟΥ", "ŁUKASZ-NOWAK", "ИВАНОВА", "O'Brien"];
        foreach (var _ in families)
        {
            await TestData.CreateCaseAsync();
        }

        var ct = TestContext.Current.CancellationToken;
        await using var db = _database.CreateContext();
        var ids = await db.Set<PersonName>().OrderBy(n => n.Id).Select(n => n.Id).Take(families.Length).ToListAsync(ct);
        for (var i = 0; i < families.Length; i++)
        {
            await db.Database.ExecuteSqlAsync($"UPDATE person_names SET family_name = {families[i]}, family_search_key = {AsTheSqliteFillLeftIt(families[i])} WHERE id = {ids[i]}", ct);
        }

        await db.Set<PersonNameWord>().Where(w => ids.Contains(w.PersonNameId)).ExecuteDeleteAsync(ct);

        // Act
        var corrected = await PersonNameSearchBackfill.RunAsync(db, ct);
        var again = await PersonNameSearchBackfill.RunAsync(db, ct);

        // Assert
        Assert.Equal(2, corrected);
        Assert.Equal(0, again);
        var keys = await db.Set<PersonName>().Where(n => ids.Contains(n.Id)).OrderBy(n => n.Id).Select(n => n.FamilySearchKey).ToListAsync(ct);
        Assert.Equal(["δημητριου", "łukasznowak", "иванова", "obrien"], keys);
        var words = await db.Set<PersonNameWord>().Where(w => w.PersonNameId == ids[1]).OrderBy(w => w.Position).Select(w => w.Word).ToListAsync(ct);
        Assert.Equal(["łukasz", "nowak"], words.Skip(words.Count - 2));
    }

    /// <summary>The fill folded the Latin letters up to U+024F and left every other letter as it was.</summary>
    private static string AsTheSqliteFillLeftIt(string family) =>
        string.Concat(family.Select(c => c < '\u0250' ? PersonName.SearchKey(c.ToString()) : c.ToString()));

    [Fact]
    public async Task Search_AGreekNameInCapitals_IsFoundInSmallLettersWithoutAccents()
    {
        // Arrange
        var respondentId = await RespondentNamedAsync("ΝΊΚΟΣ", "ΔΗΜΗΤΡΊΟΥ");
        await using var db = _database.CreateContext();
        var personId = await db.Respondents.Where(r => r.Id == respondentId).Select(r => r.PersonId).SingleAsync(TestContext.Current.CancellationToken);

        // Act
        var results = await TestData.WithServicesAsync(_today, s => new RecordSearchService(s.Context, s.Audit).SearchAsync("ΝΙΚΟΣ δημητριου", s.Context.Cases, _today, TestData.Officer));

        // Assert
        Assert.Equal([personId], results.People.Select(p => p.PersonId));
    }

    [Fact]
    public async Task P1_LookupByFamilyNameAndDateOfBirth_FindsTheNamesThroughTheSearchKeyIndex()
    {
        // Arrange
        await RespondentNamedAsync("Zoë", "O'Brien-Smith");
        var recorder = new QueryPlanRecorder(_database.Provider);
        await using var context = _database.CreateContext(recorder);
        var lookup = new OrderLookupService(context, new OrderStatusQueries(context), new AuditLog(context, TimeProvider.System));

        // Act
        await lookup.SearchAsync(new OrderLookupQuery("obrien smith", null, _born, null, null, "INC-0017"), _today, TestData.Officer, TestContext.Current.CancellationToken);

        // Assert
        var (sql, plan) = recorder.Plans.First(p => p.Sql.Contains("family_search_key", StringComparison.Ordinal));
        Assert.Contains("ix_person_names_family_search_key", QueryPlanRecorder.IndexesUsed(plan, _database.Provider));
        // Never every respondent not merged away, each looked up in turn (issue 14: SQLite, which keeps no statistics here,
        // chose that index over the names'). PostgreSQL chooses by its statistics; in a test's few rows either is as cheap.
        Assert.All(recorder.Plans, p => Assert.False(_database.Provider == DatabaseProvider.Sqlite
            && QueryPlanRecorder.IndexesUsed(p.Plan, _database.Provider).Contains("ix_respondents_merged_into_id"), $"plan:\n{p.Plan}\nfor:\n{p.Sql}"));
        Assert.DoesNotContain("person_names", QueryPlanRecorder.FullScans(plan, _database.Provider));
        Assert.True(QueryPlanRecorder.FullIndexScans(plan, _database.Provider).Count == 0, $"Full index scan in plan:\n{plan}\nfor:\n{sql}");
    }
}
