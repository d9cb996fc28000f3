using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.People;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.People;

/// <summary>Merging two records of a person, and recording a victim's contact details, answer with what moved or changed (DPA 2018 s.62).</summary>
public sealed class PersonMergedOutcomeTests : IAsyncLifetime
{
    private static readonly DateOnly _today = new(2026, 11, 28);
    private TestDatabase _database = null!;

    private TestData TestData => new(_database);

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task<Guid> PersonOfNewVictimAsync(Guid caseId, string given, string family)
    {
        var added = await TestData.WithServicesAsync(_today, s => s.Cases.AddVictimAsync(
            new AddVictimOptions(caseId, new PersonDetails(given, family, new DateOnly(1991, 4, 12)), VictimRole.Both, RelationshipToRespondent.Acquaintance),
            TestData.Officer));
        await using var db = _database.CreateContext();
        return await db.Victims.Where(v => v.Id == added.RecordId).Select(v => v.PersonId).SingleAsync();
    }

    [Fact]
    public async Task DPA2018_s62_MergeTwoVictims_OutcomeSaysWhatMovedToWhomAndThatTheMergeIsLogged()
    {
        // Arrange
        var one = await TestData.CreateCaseAsync();
        var two = await TestData.CreateCaseAsync();
        var keep = await PersonOfNewVictimAsync(one.CaseId, "Ola", "Nowak");
        var merge = await PersonOfNewVictimAsync(two.CaseId, "Aleksandra", "Nowak");

        // Act
        var merged = await TestData.WithServicesAsync(_today, s => s.PersonMerge.MergeAsync(
            new MergePeopleOptions(keep, null, merge, null, "Same person: same date of birth and address"), TestData.Officer));

        // Assert
        Assert.Equal((keep, merge, 1, (Guid?)null), (merged.KeptPersonId, merged.MergedPersonId, merged.MovedVictimIds.Count, merged.MovedRespondentId));
        Assert.Equal("Records merged: Aleksandra Nowak was merged into Ola Nowak. Moved to Ola Nowak: 1 victim or protected person role; 1 name as an alias. "
            + "The record merged is kept, marked as merged, and the merge is logged with its reason (DPA 2018 s.62(1)).", merged.Explain());
    }

    [Fact]
    public async Task DPA2018_s62_SetVictimContactTwice_OutcomesNameTheFieldsChangedNeverTheirValues()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var protection = new EphemeralDataProtectionProvider();

        // Act
        var first = await TestData.WithServicesAsync(_today, s => s.VictimContact(protection).SetAsync(
            new SetVictimContactOptions(created.VictimId, new VictimContact("07700 900123", null, null, null, false)), TestData.Officer));
        var second = await TestData.WithServicesAsync(_today, s => s.VictimContact(protection).SetAsync(
            new SetVictimContactOptions(created.VictimId, new VictimContact("07700 900123", "jo@example.org", null, null, false)), TestData.Officer));

        // Assert
        Assert.Equal((true, false), (first.FirstRecorded, second.FirstRecorded));
        Assert.Equal("Contact details recorded (phone, voicemailAllowed). They are kept encrypted, and every read is logged with its reason (DPA 2018 s.62).", first.Explain());
        Assert.Equal("Contact details changed (email). They are kept encrypted, and every read is logged with its reason (DPA 2018 s.62).", second.Explain());
        Assert.DoesNotContain("jo@example.org", second.Explain(), StringComparison.Ordinal);
    }
}
