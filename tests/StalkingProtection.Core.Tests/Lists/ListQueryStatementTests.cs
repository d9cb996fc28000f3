using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Lists;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Lists;

/// <summary>P1: a page of a list is a fixed number of statements, however many rows it shows (no statement per row).</summary>
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

    private static async Task<(int Rows, int Statements)> CountCaseStatementsAsync(TestDatabase database)
    {
        var recorder = new QueryPlanRecorder(database.Provider);
        await using var db = database.CreateContext(recorder);
        var ct = TestContext.Current.CancellationToken;
        var rows = await CaseListQuery.SeekBy(CaseListQuery.Rows(db, db.Cases.AsNoTracking(), _today, new CaseListFilter()), CaseListSort.Respondent,
            SortDirection.Ascending, null, null, backwards: false).Take(25).ToListAsync(ct);
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
                ApplicationListSort.Hearing, SortDirection.Ascending, null, null, backwards: false)
            .Take(25).ToListAsync(TestContext.Current.CancellationToken);
        return (rows.Count, recorder.Plans.Count);
    }
}
