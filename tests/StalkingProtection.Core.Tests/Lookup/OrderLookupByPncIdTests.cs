using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Lookup;
using StalkingProtection.Core.Orders;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Lookup;

/// <summary>
/// The frontline lookup finds a PNC ID however it is written, as the workspace search does: by equality on the index of its
/// key (ReferenceKeys.PncId), on SQLite and PostgreSQL alike.
/// </summary>
public sealed class OrderLookupByPncIdTests : IAsyncLifetime
{
    private static readonly DateOnly _today = new(2026, 11, 28);
    private TestDatabase _database = null!;

    private TestData TestData => new(_database);

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task<Guid> RespondentWithPncIdAsync(string pncId)
    {
        var created = await TestData.CreateCaseAsync();
        return (await TestData.WithServicesAsync(_today, s => s.Cases.AddRespondentAsync(
            new AddRespondentOptions(created.CaseId, new PersonDetails("Darren", "Ashworth", new DateOnly(1979, 2, 14), PncId: pncId), null, null, null),
            TestData.Officer))).RecordId;
    }

    [Theory]
    [InlineData("12/34567A")]
    [InlineData("2012/0034567A")]
    [InlineData("12/0034567a")]
    [InlineData(" 12 / 34567A ")]
    [InlineData("120034567A")]
    public async Task P1_LookupByPncId_TheIdWrittenAnyWayThePncWritesIt_FindsTheRespondent(string pncId)
    {
        // Arrange
        var respondentId = await RespondentWithPncIdAsync("12/0034567A");
        await RespondentWithPncIdAsync("12/34568A");

        // Act
        var found = await TestData.WithServicesAsync(_today, s => s.Lookup.SearchAsync(
            new OrderLookupQuery(null, null, null, pncId, null, "INC-0042"), _today, TestData.Officer));

        // Assert
        Assert.Equal([respondentId], found.Select(f => f.RespondentId));
        Assert.Equal("12/0034567A", found.Single().PncId);
    }

    [Fact]
    public async Task P1_LookupByPncId_AnotherIdOrPartOfOne_FindsNoOne()
    {
        // Arrange
        await RespondentWithPncIdAsync("12/34567A");

        // Act
        var other = await TestData.WithServicesAsync(_today, s => s.Lookup.SearchAsync(
            new OrderLookupQuery(null, null, null, "12/34567B", null, "INC-0042"), _today, TestData.Officer));
        var part = await TestData.WithServicesAsync(_today, s => s.Lookup.SearchAsync(
            new OrderLookupQuery(null, null, null, "12/3456", null, "INC-0042"), _today, TestData.Officer));

        // Assert
        Assert.Empty(other);
        Assert.Empty(part);
    }

    // Compared through upper() or as typed, the PNC ID would be read person by person, or the lookup would walk every
    // respondent not merged away (ix_respondents_merged_into_id) and look each person up.
    [Fact]
    public async Task P1_LookupByPncId_FindsThePersonThroughThePncIdKeyIndex()
    {
        // Arrange
        await RespondentWithPncIdAsync("12/34567A");
        await RespondentWithPncIdAsync("12/34568A");
        var recorder = new QueryPlanRecorder(_database.Provider);
        await using var context = _database.CreateContext(recorder);
        var lookup = new OrderLookupService(context, new OrderStatusQueries(context), new AuditLog(context, TimeProvider.System));

        // Act
        var found = await lookup.SearchAsync(new OrderLookupQuery(null, null, null, "2012/0034567a", null, "INC-0042"), _today, TestData.Officer,
            TestContext.Current.CancellationToken);

        // Assert
        Assert.Single(found);
        var (sql, plan) = recorder.Plans.First(p => p.Sql.Contains("pnc_id_key", StringComparison.Ordinal));
        var because = $"plan:\n{plan}\nfor:\n{sql}";
        var indexes = QueryPlanRecorder.IndexesUsed(plan, _database.Provider);
        Assert.True(indexes.Contains("ix_people_pnc_id_key"), because);
        // SQLite keeps no statistics here; PostgreSQL chooses by its own, and in a test's few rows either index is as cheap.
        Assert.False(_database.Provider == DatabaseProvider.Sqlite && indexes.Contains("ix_respondents_merged_into_id"), because);
        Assert.True(QueryPlanRecorder.FullScans(plan, _database.Provider).Count == 0, because);
        Assert.True(QueryPlanRecorder.FullIndexScans(plan, _database.Provider).Count == 0, because);
    }
}
