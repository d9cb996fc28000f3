using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Cases;

/// <summary>The teams and officers in charge the lists offer to filter by, over every case.</summary>
public sealed class CaseFilterChoicesTests
{
    [Fact]
    public async Task P1_TeamsAndOfficers_SeveralCasesEach_GiveEachOnceInOrderReadOneIndexEntryAtATime()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        var day = new DateOnly(2026, 1, 5);
        foreach (var (officer, team) in new[]
        {
            ("PC Zed Test", "Team B"), ("PC Amy Test", "Team A"), ("PC Amy Test", "Team B"), ("DC Bea Test", "Team C"), ("PC Zed Test", "Team B"),
        })
        {
            await testData.WithServicesAsync(day, s => s.Cases.OpenCaseAsync(
                new OpenCaseOptions([TestData.RandomCrimeReference()], OffencesConsidered.StalkingPha2A, day, officer, team), TestData.Officer));
        }

        var recorder = new QueryPlanRecorder(database.Provider);
        await using var db = database.CreateContext(recorder);
        var ct = TestContext.Current.CancellationToken;

        // Act
        var teams = await CaseFilterChoices.TeamsAsync(db, ct);
        var officers = await CaseFilterChoices.OfficersAsync(db, ct);

        // Assert
        Assert.Equal(["Team A", "Team B", "Team C"], teams);
        Assert.Equal(["DC Bea Test", "PC Amy Test", "PC Zed Test"], officers);
        Assert.Equal(await db.Cases.Select(c => c.Team).Distinct().OrderBy(t => t).ToListAsync(ct), teams);
        Assert.Equal(await db.Cases.Select(c => c.OfficerInCharge).Distinct().OrderBy(o => o).ToListAsync(ct), officers);
        var plans = recorder.Plans.Take(2).ToList();
        Assert.True(QueryPlanRecorder.IndexesUsed(plans[0].Plan, database.Provider).Contains("ix_cases_team_status"), plans[0].Plan);
        Assert.True(QueryPlanRecorder.IndexesUsed(plans[1].Plan, database.Provider).Contains("ix_cases_officer_in_charge"), plans[1].Plan);
        Assert.All(plans, p =>
        {
            var because = $"plan:\n{p.Plan}\nfor:\n{p.Sql}";
            Assert.True(QueryPlanRecorder.FullScans(p.Plan, database.Provider).Count == 0, because);
            Assert.True(QueryPlanRecorder.FullIndexScans(p.Plan, database.Provider).Count == 0, because);
        });
    }
}
