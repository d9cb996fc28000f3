using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Cases;

/// <summary>
/// A case found by one of its crime references (as triage adds a report to a case), whatever its capitals and spaces, by
/// equality on the index of the reference's key, on SQLite and PostgreSQL alike.
/// </summary>
public sealed class CaseCrimeReferenceTests : IAsyncLifetime
{
    private static readonly DateOnly _today = new(2026, 11, 28);
    private TestDatabase _database = null!;

    private TestData TestData => new(_database);

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task<Guid> CaseWithReferencesAsync(string team, params string[] references) =>
        (await TestData.WithServicesAsync(_today, s => s.Cases.OpenCaseAsync(
            new OpenCaseOptions(references, OffencesConsidered.StalkingPha2A, _today, TestData.Officer.Name, team), TestData.Officer))).RecordId;

    [Theory]
    [InlineData("13/000123/24")]
    [InlineData("WY-2026-55")]
    [InlineData("wy-2026-55")]
    [InlineData(" WY-2026- 55 ")]
    public async Task CasesWith_AnyOfTheCasesReferencesInAnyCase_FindsTheCase(string reference)
    {
        // Arrange
        var caseId = await CaseWithReferencesAsync("Stalking Team", "13/000123/24", "WY-2026-55");
        await CaseWithReferencesAsync("Stalking Team", "13/000123/25", "WY-2026-56");
        await using var db = _database.CreateContext();

        // Act
        var found = await CaseCrimeReference.CasesWith(db.Cases, db.Set<CaseCrimeReference>(), reference).Select(c => c.Id)
            .ToListAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal([caseId], found);
    }

    [Theory]
    [InlineData("13/000123")]
    [InlineData("000123/24")]
    [InlineData("13/000123/24,WY-2026-55")]
    public async Task CasesWith_PartOfAReferenceOrTwoOfThem_FindsNothing(string reference)
    {
        // Arrange
        await CaseWithReferencesAsync("Stalking Team", "13/000123/24", "WY-2026-55");
        await using var db = _database.CreateContext();

        // Act
        var found = await CaseCrimeReference.CasesWith(db.Cases, db.Set<CaseCrimeReference>(), reference).ToListAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Empty(found);
    }

    // Matched inside the comma-joined references (LIKE '%,x,%'), every case would be read; a team's cases narrow nothing.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task P1_S4_CasesWith_AsTriageFindsACase_ReadsTheReferenceKeyIndexAndEveryTableThroughAnIndex(bool teamOnly)
    {
        // Arrange
        var caseId = await CaseWithReferencesAsync("Stalking Team", "13/000123/24");
        await CaseWithReferencesAsync("Stalking Team", "13/000124/24");
        await CaseWithReferencesAsync("Elsewhere", "13/000123/24");
        var recorder = new QueryPlanRecorder(_database.Provider);
        await using var db = _database.CreateContext(recorder);
        var cases = teamOnly ? db.Cases.AsNoTracking().Where(c => c.Team == "Stalking Team") : db.Cases.AsNoTracking();

        // Act
        var found = await CaseCrimeReference.CasesWith(cases, db.Set<CaseCrimeReference>(), "13/000123/24")
            .OrderByDescending(c => c.Id).Take(10).Select(c => new { c.Id, c.CrimeReferences, c.ReportedOn, c.Status, c.Team })
            .ToListAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(teamOnly ? 1 : 2, found.Count);
        Assert.Contains(found, c => c.Id == caseId);
        var (sql, plan) = Assert.Single(recorder.Plans);
        var because = $"plan:\n{plan}\nfor:\n{sql}";
        var indexes = QueryPlanRecorder.IndexesUsed(plan, _database.Provider);
        Assert.True(indexes.Contains("pk_case_crime_references") || indexes.Contains("sqlite_autoindex_case_crime_references_1"), because);
        Assert.True(QueryPlanRecorder.FullScans(plan, _database.Provider).Count == 0, because);
        Assert.True(QueryPlanRecorder.FullIndexScans(plan, _database.Provider).Count == 0, because);
    }
}
