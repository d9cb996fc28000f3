using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.People;

public sealed class PersonMergeServiceTests : IAsyncLifetime
{
    private static readonly DateOnly _today = new(2026, 11, 28);
    private static readonly DateOnly _born = new(1991, 4, 12);
    private TestDatabase _database = null!;

    private TestData TestData => new(_database);

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private Task<Guid> AddVictimAsync(Guid caseId, string given, string family, DateOnly? born = null) =>
        TestData.WithServicesAsync(_today, s => s.Cases.AddVictimAsync(
            new AddVictimOptions(caseId, new PersonDetails(given, family, born ?? _born), VictimRole.Both, RelationshipToRespondent.Acquaintance), TestData.Officer));

    private async Task<Guid> PersonOfVictimAsync(Guid victimId)
    {
        await using var db = _database.CreateContext();
        return await db.Victims.Where(v => v.Id == victimId).Select(v => v.PersonId).SingleAsync();
    }

    private Task MergeAsync(Guid keep, Guid merge, string reason = "Same person: same name, date of birth and address", long? keepVersion = null, long? mergeVersion = null) =>
        TestData.WithServicesAsync(_today, s => s.PersonMerge.MergeAsync(new MergePeopleOptions(keep, keepVersion, merge, mergeVersion, reason), TestData.Officer));

    [Theory]
    [InlineData("Zoë", "O'Brien", "zoe", "obrien")]
    [InlineData("  Anne-Marie ", "SMITH", "anne marie", "smith")]
    [InlineData("José  Luis", "García", "jose luis", "garcia")]
    public void NormaliseName_CaseSpacingAccentsAndPunctuation_AreIgnored(string given, string family, string otherGiven, string otherFamily)
    {
        // Arrange, Act
        var first = PersonName.NormaliseName(given, family);
        var second = PersonName.NormaliseName(otherGiven, otherFamily);

        // Assert
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task FindPossibleDuplicates_SameNormalisedNameAndDateOfBirth_FindsThePairOnly()
    {
        // Arrange
        var one = await TestData.CreateCaseAsync();
        var two = await TestData.CreateCaseAsync();
        var first = await PersonOfVictimAsync(await AddVictimAsync(one.CaseId, "Zoë", "Kowalska"));
        var second = await PersonOfVictimAsync(await AddVictimAsync(two.CaseId, "ZOE ", "kowalska"));
        await AddVictimAsync(two.CaseId, "Zoe", "Kowalska-Different");
        await AddVictimAsync(one.CaseId, "Zoe", "Kowalsky", new DateOnly(1991, 4, 13));

        // Act
        var pairs = await TestData.WithServicesAsync(_today, s => s.PersonMerge.FindPossibleDuplicatesAsync());

        // Assert
        var pair = Assert.Single(pairs, p => p.First.Name.Contains("Kowalsk", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(new[] { first, second }.Order(), new[] { pair.First.Id, pair.Second.Id }.Order());
        Assert.Equal(_born, pair.First.DateOfBirth);
        Assert.Contains(new[] { pair.First, pair.Second }, p => p.Roles.Any(r => r.Kind == PersonRoleKind.Victim && r.CaseId == two.CaseId));
    }

    [Fact]
    public async Task P3_FindPossibleDuplicates_UsesAnIndexForEveryTable()
    {
        // Arrange
        var one = await TestData.CreateCaseAsync();
        await AddVictimAsync(one.CaseId, "Ola", "Nowak");
        var two = await TestData.CreateCaseAsync();
        await AddVictimAsync(two.CaseId, "Ola", "Nowak");
        var recorder = new QueryPlanRecorder(_database.Provider);
        await using var context = _database.CreateContext(recorder);

        // Act
        await new PersonMergeService(context, TimeProvider.System, new AuditLog(context, TimeProvider.System)).FindPossibleDuplicatesAsync(TestContext.Current.CancellationToken);

        // Assert: the first query, over every name, reads only the (match key, person) index.
        Assert.NotEmpty(recorder.Plans);
        var (sql, plan) = recorder.Plans[0];
        Assert.True(QueryPlanRecorder.FullScans(plan, _database.Provider).Count == 0, $"Full scan in plan:\n{plan}\nfor:\n{sql}");
    }

    [Fact]
    public async Task Merge_VictimAndRespondentRoles_MoveToTheRecordKeptWhichIsAuditedAsACombination()
    {
        // Arrange: the same man is the respondent on one case and, recorded again, a victim on another.
        var one = await TestData.CreateCaseAsync();
        var two = await TestData.CreateCaseAsync();
        var keep = await PersonOfVictimAsync(await AddVictimAsync(one.CaseId, "Dan", "Ward"));
        var respondentId = await TestData.WithServicesAsync(_today, s => s.Cases.AddRespondentAsync(
            new AddRespondentOptions(two.CaseId, new PersonDetails("Daniel", "Ward", _born), null, null, null), TestData.Officer));
        Guid merge;
        await using (var db = _database.CreateContext())
        {
            merge = await db.Respondents.Where(r => r.Id == respondentId).Select(r => r.PersonId).SingleAsync();
        }

        // Act
        await MergeAsync(keep, merge);

        // Assert
        await using var check = _database.CreateContext();
        var merged = await check.People.SingleAsync(p => p.Id == merge);
        var kept = await check.People.SingleAsync(p => p.Id == keep);
        Assert.Equal(keep, merged.MergedIntoId);
        Assert.Null(kept.MergedIntoId);
        Assert.Equal(keep, (await check.Respondents.SingleAsync(r => r.Id == respondentId)).PersonId);
        Assert.Contains(kept.Names, n => n.IsAlias && n.FullName == "Daniel Ward");
        Assert.Equal("Daniel Ward", merged.PrimaryName.FullName);
        Assert.All(merged.Names, n => Assert.Null(n.MatchKey));
        var entries = await check.AuditEntries.Where(e => e.Kind == AuditKind.Combination).ToListAsync();
        Assert.Contains(entries, e => e.Action == "Person.Merged" && e.RecordId == keep.ToString() && e.Justification == "Same person: same name, date of birth and address");
        Assert.Contains(entries, e => e.Action == "Person.MergedInto" && e.RecordId == merge.ToString());
    }

    [Fact]
    public async Task Merge_VictimOnTwoCases_BothRolesBelongToTheRecordKeptAndThePairIsNoLongerListed()
    {
        // Arrange
        var one = await TestData.CreateCaseAsync();
        var two = await TestData.CreateCaseAsync();
        var keepVictim = await AddVictimAsync(one.CaseId, "Ola", "Nowak");
        var mergeVictim = await AddVictimAsync(two.CaseId, "Olá", "NOWAK");
        var keep = await PersonOfVictimAsync(keepVictim);
        var merge = await PersonOfVictimAsync(mergeVictim);

        // Act
        await MergeAsync(keep, merge);

        // Assert
        Assert.Equal(keep, await PersonOfVictimAsync(mergeVictim));
        Assert.Equal(keep, await PersonOfVictimAsync(keepVictim));
        var pairs = await TestData.WithServicesAsync(_today, s => s.PersonMerge.FindPossibleDuplicatesAsync());
        Assert.DoesNotContain(pairs, p => p.First.Id == merge || p.Second.Id == merge);
    }

    [Fact]
    public async Task Merge_IntoItself_IsRefused()
    {
        // Arrange
        var one = await TestData.CreateCaseAsync();
        var person = await PersonOfVictimAsync(one.VictimId);

        // Act
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => MergeAsync(person, person));

        // Assert
        Assert.Contains(error.Violations, v => v.Field == "mergeId");
    }

    [Fact]
    public async Task Merge_WithoutAReason_IsRefused()
    {
        // Arrange
        var one = await TestData.CreateCaseAsync();
        var two = await TestData.CreateCaseAsync();
        var keep = await PersonOfVictimAsync(one.VictimId);
        var merge = await PersonOfVictimAsync(two.VictimId);

        // Act
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => MergeAsync(keep, merge, reason: " "));

        // Assert
        Assert.Contains(error.Violations, v => v.RuleId == "DPA2018" && v.Field == "reason");
    }

    [Fact]
    public async Task Merge_BothVictimsOnTheSameCase_IsRefused()
    {
        // Arrange
        var one = await TestData.CreateCaseAsync();
        var first = await PersonOfVictimAsync(await AddVictimAsync(one.CaseId, "Ola", "Nowak"));
        var second = await PersonOfVictimAsync(await AddVictimAsync(one.CaseId, "Ola", "Nowak"));

        // Act
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => MergeAsync(first, second));

        // Assert
        Assert.Contains("same case", error.Violations.Single().Message, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Null((await db.People.SingleAsync(p => p.Id == second)).MergedIntoId);
    }

    [Fact]
    public async Task Merge_RespondentAndVictimOfTheSameCase_IsRefused()
    {
        // Arrange
        var one = await TestData.CreateCaseAsync();
        Guid respondentPerson;
        await using (var db = _database.CreateContext())
        {
            respondentPerson = await db.Respondents.Where(r => r.Id == one.RespondentId).Select(r => r.PersonId).SingleAsync();
        }

        var victimPerson = await PersonOfVictimAsync(one.VictimId);

        // Act
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => MergeAsync(respondentPerson, victimPerson));

        // Assert
        Assert.Contains("cannot be both", error.Violations.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_RecordChangedSinceItWasRead_Conflicts()
    {
        // Arrange
        var one = await TestData.CreateCaseAsync();
        var two = await TestData.CreateCaseAsync();
        var keep = await PersonOfVictimAsync(one.VictimId);
        var merge = await PersonOfVictimAsync(two.VictimId);
        await using (var db = _database.CreateContext())
        {
            var person = await db.People.SingleAsync(p => p.Id == merge);
            person.Update(person.DateOfBirth, Core.People.Gender.Female, "26/111111A");
            await db.SaveChangesAsync();
        }

        // Act
        var error = await Record.ExceptionAsync(() => MergeAsync(keep, merge, keepVersion: 1, mergeVersion: 1));

        // Assert
        Assert.IsType<DbUpdateConcurrencyException>(error);
    }
}
