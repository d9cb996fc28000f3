using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.People;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.People;

/// <summary>The respondent's name on the order page and every journey caption, read by keys, never by a scan of every person.</summary>
public sealed class RespondentNamesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Guid _respondentId;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var context = _database.CreateContext();
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < 20; i++)
        {
            var other = Person.Create($"Other{i}", "Person", new DateOnly(1980, 1, 1).AddDays(i), Gender.Male, null, now);
            context.People.Add(other);
            context.Respondents.Add(Respondent.Create(other, now));
        }

        var person = Person.Create("Jordan", "Example", new DateOnly(1985, 6, 1), Gender.Female, null, now);
        person.AddAlias("Jo", "Sample", new DateOnly(2020, 1, 1), now);
        var respondent = Respondent.Create(person, now);
        context.People.Add(person);
        context.Respondents.Add(respondent);
        await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        _respondentId = respondent.Id;
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task NameOfRespondent_APersonWithAnAlias_IsTheNameInUse()
    {
        await using var context = _database.CreateContext();

        var name = await context.NameOfRespondentAsync(_respondentId, TestContext.Current.CancellationToken);
        var unknown = await context.NameOfRespondentAsync(Guid.NewGuid(), TestContext.Current.CancellationToken);

        Assert.Equal("Jordan Example", name);
        Assert.Null(unknown);
    }

    [Fact]
    public async Task PersonOfRespondent_GivesTheRespondentsPersonWithItsNames()
    {
        await using var context = _database.CreateContext();

        var person = await context.PersonOfRespondent(_respondentId).Include(p => p.Names).SingleAsync(TestContext.Current.CancellationToken);

        Assert.Equal("Jordan Example", person.PrimaryName.FullName);
        Assert.Equal(2, person.Names.Count);
    }

    [Fact]
    public async Task P2_RespondentsNameAndPerson_AreReadThroughKeysNotAScanOfEveryPersonOrName()
    {
        var recorder = new QueryPlanRecorder(_database.Provider);
        await using var context = _database.CreateContext(recorder);

        await context.NameOfRespondentAsync(_respondentId, TestContext.Current.CancellationToken);
        await context.PersonOfRespondent(_respondentId).Include(p => p.Names).SingleAsync(TestContext.Current.CancellationToken);

        Assert.True(recorder.Plans.Count >= 2);
        foreach (var (sql, plan) in recorder.Plans)
        {
            var because = $"plan:\n{plan}\nfor:\n{sql}";
            Assert.True(QueryPlanRecorder.FullScans(plan, _database.Provider).Count == 0, because);
            Assert.True(QueryPlanRecorder.FullIndexScans(plan, _database.Provider).Count == 0, because);
        }
    }
}
