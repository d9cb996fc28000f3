using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.People;

public class MergePeoplePageTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    private static readonly DateOnly _born = new(1988, 2, 29);

    /// <summary>The same person recorded as a victim on two cases, under a name no other test uses.</summary>
    private async Task<(Guid First, Guid Second, string Family)> DuplicatePairAsync(bool sameCase = false)
    {
        var family = $"Canary{Guid.NewGuid():N}"[..20];
        var one = await TestData.CreateCaseAsync();
        var two = sameCase ? one : await TestData.CreateCaseAsync();
        var first = await AddVictimAsync(one.CaseId, "Zoë", family);
        var second = await AddVictimAsync(two.CaseId, "zoe", family.ToUpperInvariant());
        return (first, second, family);
    }

    private async Task<Guid> AddVictimAsync(Guid caseId, string given, string family)
    {
        var victimId = (await TestData.WithServicesAsync(new DateOnly(2026, 11, 1), s => s.Cases.AddVictimAsync(
            new AddVictimOptions(caseId, new PersonDetails(given, family, _born), VictimRole.Both, RelationshipToRespondent.Acquaintance), TestData.Officer))).RecordId;
        return await Factory.WithDbAsync(db => db.Victims.Where(v => v.Id == victimId).Select(v => v.PersonId).SingleAsync());
    }

    /// <summary>The same man recorded as the respondent on two cases, each with an order; PNC ID the same when <paramref name="samePnc"/>.</summary>
    private async Task<(Guid First, Guid Second, Core.Orders.StalkingProtectionOrder SecondOrder, Guid FirstRespondent)> RespondentPairAsync(bool samePnc = true)
    {
        var one = await TestData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 3, 2)).ServedOn(new DateOnly(2026, 3, 2)));
        var two = await TestData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 6, 1)).ServedOn(new DateOnly(2026, 6, 1)));
        return await Factory.WithDbAsync(async db =>
        {
            var first = await db.Respondents.SingleAsync(r => r.Id == one.Case.RespondentId);
            var second = await db.Respondents.SingleAsync(r => r.Id == two.Case.RespondentId);
            if (samePnc)
            {
                second.Person.Update(second.Person.DateOfBirth, second.Person.Gender, first.Person.PncId);
                await db.SaveChangesAsync();
            }

            return (first.PersonId, second.PersonId, await db.Orders.AsNoTracking().SingleAsync(o => o.Id == two.OrderId), first.Id);
        });
    }

    private static string MergeUrl(Guid first, Guid second) => $"/workspace/people/merge-people/{first}/{second}";

    /// <summary>Chooses the first record to keep and gives a reason, ending on "Check your answers".</summary>
    private static async Task<string> AnswerAsync(HttpClient client, Guid first, Guid second)
    {
        var chosen = await client.SubmitFormAsync(MergeUrl(first, second), new Dictionary<string, string> { ["KeepId"] = first.ToString() });
        var reasonUrl = chosen.Headers.Location!.OriginalString;
        var reason = await client.SubmitFormAsync(reasonUrl, new Dictionary<string, string> { ["Reason"] = "Same address and the same PNC record" });
        return reason.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task Duplicates_SameNameIgnoringCaseAndAccentsAndSameBirthday_ListsThePairWithAMergeLink()
    {
        // Arrange
        var (first, second, family) = await DuplicatePairAsync();
        var client = await BrowserAsync();

        // Act
        var document = await client.GetDocumentAsync("/workspace/people/duplicates");

        // Assert
        var row = document.QuerySelectorAll("[data-duplicates] tbody tr").Single(r => r.TextContent.Contains(family, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(row.QuerySelector("a")!.GetAttribute("href"), new[] { MergeUrl(first, second), MergeUrl(second, first) });
        Assert.Contains("29 February 1988", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicates_OfficerOfAnotherTeam_DoesNotSeeThePair()
    {
        // Arrange
        var (_, _, family) = await DuplicatePairAsync();
        var client = await BrowserAsync(team: "Another Team");

        // Act
        var document = await client.GetDocumentAsync("/workspace/people/duplicates");

        // Assert
        Assert.DoesNotContain(family, document.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Duplicates_LegalServices_SeesThePairsButCannotMerge()
    {
        // Arrange
        var (first, second, family) = await DuplicatePairAsync();
        var client = await BrowserAsync(StaffRoles.LegalServices);

        // Act
        var document = await client.GetDocumentAsync("/workspace/people/duplicates");
        var merge = await client.GetAsync(MergeUrl(first, second));

        // Assert
        Assert.Contains(family, document.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Compare and merge", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, merge.StatusCode);
    }

    [Theory]
    [MemberData(nameof(RolesWithoutCaseAccess))]
    public Task Duplicates_RoleWithoutCaseAccess_IsRefused(string role) => AssertAccessAsync("/workspace/people/duplicates", role, HttpStatusCode.Forbidden);

    [Fact]
    public async Task MergePeople_KeepTheFirstRecord_ShowsBothSideBySideThenMergesAuditedAsACombination()
    {
        // Arrange
        var (first, second, _) = await DuplicatePairAsync();
        var client = await BrowserAsync(StaffRoles.Coordinator);

        // Act
        var compare = await client.GetDocumentAsync(MergeUrl(first, second));
        var checkUrl = await AnswerAsync(client, first, second);
        var check = await client.GetDocumentAsync(checkUrl);
        var confirmed = await client.SubmitFormAsync(checkUrl, new Dictionary<string, string>());
        var confirmation = await client.GetDocumentAsync(confirmed.Headers.Location!.OriginalString);

        // Assert
        Assert.Equal("Which record do you want to keep?", compare.HeadingText());
        Assert.Equal(2, compare.QuerySelectorAll("input[name=KeepId]").Length);
        Assert.Equal("Check your answers", check.HeadingText());
        var headings = check.QuerySelectorAll("[data-person-records] thead th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Record to keep", "Record to merge into it"], headings);
        Assert.Contains("Same address and the same PNC record", check.QuerySelector("[data-answers]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Records merged", confirmation.QuerySelector(".govuk-panel")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, confirmation.QuerySelectorAll("[data-roles] li").Length);
        Assert.Equal(first, await Factory.WithDbAsync(db => db.People.Where(p => p.Id == second).Select(p => p.MergedIntoId).SingleAsync()));
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Kind == AuditKind.Combination && e.Action == "Person.Merged" && e.RecordId == first.ToString() && e.Justification == "Same address and the same PNC record")));
    }

    [Fact]
    public async Task MergePeople_NoRecordChosen_ShowsTheError()
    {
        // Arrange
        var (first, second, _) = await DuplicatePairAsync();
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitFormAsync(MergeUrl(first, second), new Dictionary<string, string>())).GetDocumentAsync();

        // Assert
        Assert.Equal(["Select the record you want to keep"], document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task MergePeople_NoReason_ShowsTheError()
    {
        // Arrange
        var (first, second, _) = await DuplicatePairAsync();
        var client = await BrowserAsync();
        var chosen = await client.SubmitFormAsync(MergeUrl(first, second), new Dictionary<string, string> { ["KeepId"] = second.ToString() });

        // Act
        var document = await (await client.SubmitFormAsync(chosen.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Reason"] = " " })).GetDocumentAsync();

        // Assert
        Assert.Equal(["Give the reason you are sure these records are the same person"], document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task MergePeople_BothOnTheSameCase_ShowsTheRefusalInPlainWords()
    {
        // Arrange
        var (first, second, _) = await DuplicatePairAsync(sameCase: true);
        var client = await BrowserAsync();
        var checkUrl = await AnswerAsync(client, first, second);

        // Act
        var document = await (await client.SubmitFormAsync(checkUrl, new Dictionary<string, string>())).GetDocumentAsync();

        // Assert
        Assert.Contains(document.ErrorSummaryMessages(), m => m.StartsWith("Both records are victims or protected persons on the same case", StringComparison.Ordinal));
        Assert.Null(await Factory.WithDbAsync(db => db.People.Where(p => p.Id == second).Select(p => p.MergedIntoId).SingleAsync()));
    }

    [Fact]
    public async Task MergePeople_TwoRespondents_WarnsOnCheckYourAnswersThenTheirOrdersBelongToTheRecordKept()
    {
        // Arrange
        var (first, second, secondOrder, firstRespondent) = await RespondentPairAsync();
        var client = await BrowserAsync(StaffRoles.Coordinator);
        var checkUrl = await AnswerAsync(client, first, second);

        // Act
        var check = await client.GetDocumentAsync(checkUrl);
        var confirmed = await client.SubmitFormAsync(checkUrl, new Dictionary<string, string>());

        // Assert
        Assert.Contains("Both records are respondents", check.QuerySelector("[data-both-respondents]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(firstRespondent, await Factory.WithDbAsync(db => db.Orders.Where(o => o.Id == secondOrder.Id).Select(o => o.RespondentId).SingleAsync()));
        Assert.Equal(firstRespondent, await Factory.WithDbAsync(db => db.Cases.Where(c => c.Id == secondOrder.CaseId).Select(c => c.RespondentId).SingleAsync()));
        var keptName = await Factory.WithDbAsync(async db => (await db.People.Include(p => p.Names).SingleAsync(p => p.Id == first)).PrimaryName.FullName);
        Assert.Equal(keptName, (await client.GetDocumentAsync($"/workspace/orders/{secondOrder.Id}")).HeadingText());
    }

    [Fact]
    public async Task MergePeople_RespondentsWithDifferentPncIds_ShowsTheRefusalInPlainWords()
    {
        // Arrange
        var (first, second, secondOrder, _) = await RespondentPairAsync(samePnc: false);
        var client = await BrowserAsync(StaffRoles.Coordinator);
        var checkUrl = await AnswerAsync(client, first, second);

        // Act
        var document = await (await client.SubmitFormAsync(checkUrl, new Dictionary<string, string>())).GetDocumentAsync();

        // Assert
        Assert.Contains(document.ErrorSummaryMessages(), m => m.StartsWith("The records have different PNC IDs", StringComparison.Ordinal));
        Assert.Null(await Factory.WithDbAsync(db => db.People.Where(p => p.Id == second).Select(p => p.MergedIntoId).SingleAsync()));
        Assert.Equal(secondOrder.RespondentId, await Factory.WithDbAsync(db => db.Orders.Where(o => o.Id == secondOrder.Id).Select(o => o.RespondentId).SingleAsync()));
    }

    [Fact]
    public async Task MergePeople_RecordChangedMeanwhile_ShowsSomeoneElseChangedThis()
    {
        // Arrange
        var (first, second, _) = await DuplicatePairAsync();
        var client = await BrowserAsync();
        var checkUrl = await AnswerAsync(client, first, second);
        await Factory.WithDbAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Id == second);
            person.Update(person.DateOfBirth, Core.People.Gender.Female, "26/222222B");
            return await db.SaveChangesAsync();
        });

        // Act
        var document = await (await client.SubmitFormAsync(checkUrl, new Dictionary<string, string>())).GetDocumentAsync();

        // Assert
        Assert.Equal([ConflictMessage], document.ErrorSummaryMessages());
        Assert.Contains("26/222222B", document.QuerySelector("[data-person-records]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await Factory.WithDbAsync(db => db.People.Where(p => p.Id == second).Select(p => p.MergedIntoId).SingleAsync()));
    }

    [Fact]
    public async Task MergePeople_SameRecordTwice_IsNotFound()
    {
        var (first, _, _) = await DuplicatePairAsync();
        await AssertAccessAsync(MergeUrl(first, first), StaffRoles.Coordinator, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(StaffRoles.Officer, HttpStatusCode.OK)]
    [InlineData(StaffRoles.Coordinator, HttpStatusCode.OK)]
    [InlineData(StaffRoles.LegalServices, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Lookup, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Analyst, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Administrator, HttpStatusCode.Forbidden)]
    public async Task MergePeople_ByRole_OnlyOfficersAndCoordinatorsMayMerge(string role, HttpStatusCode expected)
    {
        var (first, second, _) = await DuplicatePairAsync();
        await AssertAccessAsync(MergeUrl(first, second), role, expected);
    }

    [Theory]
    [InlineData("reason")]
    [InlineData("check-answers")]
    public async Task MergePeople_LaterPagesForLegalServices_AreRefused(string page) =>
        await AssertAccessAsync($"/workspace/people/merge-people/{page}/{Guid.NewGuid()}", StaffRoles.LegalServices, HttpStatusCode.Forbidden);
}
