using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.People;

/// <summary>A merge of two records of a person flashes its outcome's words on the confirmation: what moved to whom (DPA 2018 s.62(1)).</summary>
public class MergeOutcomeExplanationTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    private async Task<Guid> PersonOfNewVictimAsync(Guid caseId, string given, string family)
    {
        var victimId = (await TestData.WithServicesAsync(new DateOnly(2026, 11, 1), s => s.Cases.AddVictimAsync(new AddVictimOptions(caseId,
            new PersonDetails(given, family, new DateOnly(1988, 2, 29)), VictimRole.Both, RelationshipToRespondent.Acquaintance), TestData.Officer))).RecordId;
        return await Factory.WithDbAsync(db => db.Victims.Where(v => v.Id == victimId).Select(v => v.PersonId).SingleAsync());
    }

    [Fact]
    public async Task DPA2018_s62_MergeTwoVictimRecords_ConfirmationFlashesWhatMovedToWhom()
    {
        // Arrange
        var family = $"Canary{Guid.NewGuid():N}"[..20];
        var keep = await PersonOfNewVictimAsync((await TestData.CreateCaseAsync()).CaseId, "Zoë", family);
        var merge = await PersonOfNewVictimAsync((await TestData.CreateCaseAsync()).CaseId, "Zoe", family);
        var client = await BrowserAsync(StaffRoles.Coordinator);

        // Act
        var chosen = await client.SubmitFormAsync($"/workspace/people/merge-people/{keep}/{merge}", new Dictionary<string, string> { ["KeepId"] = keep.ToString() });
        var reason = await client.SubmitFormAsync(chosen.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Reason"] = "Same address and date of birth" });
        var confirmed = await client.SubmitFormAsync(reason.Headers.Location!.OriginalString, new Dictionary<string, string>());
        var confirmation = await client.GetDocumentAsync(confirmed.Headers.Location!.OriginalString);

        // Assert
        Assert.Contains($"Records merged: Zoe {family} was merged into Zoë {family}. Moved to Zoë {family}: 1 victim or protected person role. The record merged "
            + "is kept, marked as merged, and the merge is logged with its reason (DPA 2018 s.62(1)).",
            confirmation.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
    }
}
