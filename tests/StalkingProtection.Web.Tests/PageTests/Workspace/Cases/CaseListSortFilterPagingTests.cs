using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Tasks;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

/// <summary>Three cases of one team whose columns each sort them in a different order.</summary>
internal sealed record ThreeCases(Guid Baker, Guid Adams, Guid Clark)
{
    public static async Task<ThreeCases> CreateAsync(WebAppFactory factory, string team)
    {
        var data = factory.Data();
        var baker = await data.CreateCaseAsync(c => c.InTeam(team).Reported(new DateOnly(2026, 10, 1)));
        var adams = await data.CreateCaseAsync(c => c.InTeam(team).Reported(new DateOnly(2026, 10, 3)));
        var clark = await data.CreateCaseAsync(c => c.InTeam(team).Reported(new DateOnly(2026, 10, 2)));
        await data.WithServicesAsync(adams.ReportedOn, s => s.Cases.RecordSpoDecisionAsync(new RecordSpoDecisionOptions(adams.CaseId,
            SpoDecisionOutcome.Apply, "Escalating fixated behaviour; an order is necessary to protect her.", null, null), TestData.Officer));
        await data.WithServicesAsync(clark.ReportedOn, s => s.Cases.RecordSpoDecisionAsync(new RecordSpoDecisionOptions(clark.CaseId,
            SpoDecisionOutcome.DoNotApply, "The conduct has stopped and a restraining order already protects her.", null, null), TestData.Officer));
        await factory.WithDbAsync(async db =>
        {
            await NameAsync(db, baker.RespondentId, "Ben", "Baker", baker.VictimId, "Carol", "Young");
            await NameAsync(db, adams.RespondentId, "Amy", "Adams", adams.VictimId, "Anna", "Xu");
            await NameAsync(db, clark.RespondentId, "Cal", "Clark", clark.VictimId, "Beth", "Zane");
            await db.Cases.Where(c => c.Id == baker.CaseId).ExecuteUpdateAsync(c => c.SetProperty(x => x.Status, CaseStatus.UnderInvestigation).SetProperty(x => x.OfficerInCharge, "PC Charlie"));
            await db.Cases.Where(c => c.Id == adams.CaseId).ExecuteUpdateAsync(c => c.SetProperty(x => x.Status, CaseStatus.Closed).SetProperty(x => x.OfficerInCharge, "PC Alpha"));
            await db.Cases.Where(c => c.Id == clark.CaseId).ExecuteUpdateAsync(c => c.SetProperty(x => x.OfficerInCharge, "PC Bravo"));
            var ids = new[] { baker.CaseId, adams.CaseId, clark.CaseId };
            await db.StaffTasks.Where(t => t.CaseId != null && ids.Contains(t.CaseId.Value)).ExecuteUpdateAsync(t => t.SetProperty(x => x.Status, StaffTaskStatus.Done));
            var now = factory.Clock.GetUtcNow();
            db.StaffTasks.Add(StaffTask.Raise(StaffTaskType.ReviewDue, "list-test-" + baker.CaseId, "Review the case", new DateOnly(2026, 12, 10), null, null, baker.CaseId, team, null, now));
            db.StaffTasks.Add(StaffTask.Raise(StaffTaskType.ReviewDue, "list-test-" + clark.CaseId, "Review the case", new DateOnly(2026, 12, 1), null, null, clark.CaseId, team, null, now));

            // The updates above went around the change tracker; saving the cases works their stored list keys out again (CaseListKeys).
            foreach (var stalkingCase in await db.Cases.Where(c => ids.Contains(c.Id)).ToListAsync())
            {
                db.Entry(stalkingCase).State = EntityState.Modified;
            }

            return await db.SaveChangesAsync();
        });
        return new ThreeCases(baker.CaseId, adams.CaseId, clark.CaseId);
    }

    private static async Task NameAsync(Core.Data.StalkingProtectionDbContext db, Guid respondentId, string given, string family, Guid victimId, string victimGiven,
        string victimFamily)
    {
        var respondentPerson = await db.Respondents.Where(r => r.Id == respondentId).Select(r => r.PersonId).SingleAsync();
        var victimPerson = await db.Victims.Where(v => v.Id == victimId).Select(v => v.PersonId).SingleAsync();
        await db.Set<PersonName>().Where(n => n.PersonId == respondentPerson)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.GivenNames, given).SetProperty(x => x.FamilyName, family + " " + respondentId.ToString("N")[..6]));
        await db.Set<PersonName>().Where(n => n.PersonId == victimPerson)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.GivenNames, victimGiven).SetProperty(x => x.FamilyName, victimFamily));
    }
}

public class CaseListSortFilterPagingTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    internal static List<Guid> CaseIds(IDocument page) =>
        page.QuerySelectorAll("[data-case-table] tbody [data-respondent] a").Select(a => Guid.Parse(a.GetAttribute("href")!.Split('/')[^1])).ToList();

    private static List<string> Column(IDocument page, string cell) =>
        page.QuerySelectorAll($"[data-case-table] tbody [{cell}]").Select(c => c.TextContent.Trim()).ToList();

    [Theory]
    [InlineData("Reported", "Baker,Clark,Adams")]
    [InlineData("Respondent", "Adams,Baker,Clark")]
    [InlineData("ProtectedPeople", "Adams,Clark,Baker")]
    [InlineData("Status", "Clark,Baker,Adams")]
    [InlineData("Officer", "Adams,Clark,Baker")]
    [InlineData("SpoDecision", "Baker,Adams,Clark")]
    [InlineData("NextDeadline", "Clark,Baker,Adams")]
    public async Task CaseList_SortedByEachColumn_ListsInThatOrderBothWaysAndMarksTheColumn(string sort, string ascendingOrder)
    {
        // Arrange
        var team = "Case Sort " + sort;
        var cases = await ThreeCases.CreateAsync(factory, team);
        var byName = new Dictionary<string, Guid> { ["Baker"] = cases.Baker, ["Adams"] = cases.Adams, ["Clark"] = cases.Clark };
        var expected = ascendingOrder.Split(',').Select(n => byName[n]).ToList();
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, team));

        // Act
        var ascending = await client.GetDocumentAsync($"/workspace/cases?Sort={sort}&Order=Ascending");
        var descending = await client.GetDocumentAsync($"/workspace/cases?Sort={sort}&Order=Descending");

        // Assert
        Assert.Equal(expected, CaseIds(ascending));
        Assert.Equal(Enumerable.Reverse(expected), CaseIds(descending));
        Assert.Equal("ascending", ascending.QuerySelector($"th[data-sort={sort}]")!.GetAttribute("aria-sort"));
        Assert.Equal("descending", descending.QuerySelector($"th[data-sort={sort}]")!.GetAttribute("aria-sort"));
        Assert.Contains("Order=Descending", ascending.QuerySelector($"th[data-sort={sort}] a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseList_Columns_NameTheRespondentAndTheProtectedPeopleByInitialsOnly()
    {
        // Arrange
        var team = "Case Columns";
        await ThreeCases.CreateAsync(factory, team);
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, team));

        // Act
        var page = await client.GetDocumentAsync("/workspace/cases?Sort=Respondent&Order=Ascending");

        // Assert
        Assert.StartsWith("Amy Adams", Column(page, "data-respondent")[0], StringComparison.Ordinal);
        Assert.Equal(["AX", "CY", "BZ"], Column(page, "data-protected-people"));
        Assert.DoesNotContain("Anna", page.QuerySelector("[data-case-table]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Closed", "Under investigation", "Open"], Column(page, "data-case-status"));
        Assert.Equal(["PC Alpha", "PC Charlie", "PC Bravo"], Column(page, "data-officer"));
        Assert.Equal(["Apply for an order", "Missing", "Do not apply"], Column(page, "data-spo-decision"));
        Assert.Equal(["None", "10 December 2026", "1 December 2026"], Column(page, "data-next-deadline"));
    }

    [Fact]
    public async Task CaseList_TeamFilter_ListsOnlyThatTeamsCasesForACoordinator()
    {
        // Arrange
        var data = factory.Data();
        var east = await data.CreateCaseAsync(c => c.InTeam("Case Filter East"));
        var west = await data.CreateCaseAsync(c => c.InTeam("Case Filter West"));
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Coordinator));

        // Act
        var page = await client.GetDocumentAsync("/workspace/cases?Team=Case+Filter+East");

        // Assert
        Assert.Equal([east.CaseId], CaseIds(page));
        Assert.DoesNotContain(west.CaseId, CaseIds(page));
        Assert.NotNull(page.QuerySelector("#Team option[value='Case Filter West']"));
    }

    [Fact]
    public async Task CaseList_OfficerStatusAndNeedsActionFilters_ListOnlyTheCasesThatMatch()
    {
        // Arrange
        var team = "Case Filters";
        var cases = await ThreeCases.CreateAsync(factory, team);
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, team));

        // Act
        var byOfficer = await client.GetDocumentAsync("/workspace/cases?Officer=PC+Alpha");
        var closed = await client.GetDocumentAsync("/workspace/cases?Status=Closed");
        var needsAction = await client.GetDocumentAsync("/workspace/cases?NeedsAction=true");
        var nobody = await client.GetDocumentAsync("/workspace/cases?Officer=PC+Nobody");

        // Assert
        Assert.Equal([cases.Adams], CaseIds(byOfficer));
        Assert.Equal([cases.Adams], CaseIds(closed));
        Assert.Equal([cases.Clark], CaseIds(needsAction));
        Assert.Empty(CaseIds(nobody));
        Assert.Contains("No cases match.", nobody.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseList_NoSpoDecisionFilter_R39_ListsOnlyOpenCasesWaitingForADecision()
    {
        // Arrange
        var team = "Case Filter Decision";
        var cases = await ThreeCases.CreateAsync(factory, team);
        var waiting = await factory.Data().CreateCaseAsync(c => c.InTeam(team).Reported(new DateOnly(2026, 10, 5)));
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, team));

        // Act
        var page = await client.GetDocumentAsync("/workspace/cases?NoSpoDecision=true&Sort=Reported&Order=Ascending");

        // Assert
        Assert.Equal([cases.Baker, waiting.CaseId], CaseIds(page));
    }

    [Fact]
    public async Task CaseList_27CasesWithTiedDates_PagesForwardAndBackByKeysetWithoutRepeats()
    {
        // Arrange
        var team = "Case Paging";
        var data = factory.Data();
        var made = new List<Guid>();
        for (var i = 0; i < 27; i++)
        {
            made.Add((await data.CreateCaseAsync(c => c.InTeam(team).Reported(new DateOnly(2026, 10, 1).AddDays(i % 3)))).CaseId);
        }

        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, team));

        // Act
        var first = await client.GetDocumentAsync("/workspace/cases?Sort=Reported&Order=Ascending");
        var second = await client.GetDocumentAsync(first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        var back = await client.GetDocumentAsync(second.QuerySelector("a[rel=prev]")!.GetAttribute("href")!);

        // Assert
        var all = CaseIds(first).Concat(CaseIds(second)).ToList();
        Assert.Equal(25, CaseIds(first).Count);
        Assert.Equal(made.Order(), all.Order());
        Assert.Null(second.QuerySelector("a[rel=next]"));
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        Assert.Equal(CaseIds(first), CaseIds(back));
        Assert.Null(back.QuerySelector("a[rel=prev]"));
        var dates = Column(first, "data-reported").Concat(Column(second, "data-reported"))
            .Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.GetCultureInfo("en-GB"))).ToList();
        Assert.Equal(dates.Order(), dates);
    }

    [Fact]
    public async Task CaseList_OfficerAskingForAnotherTeam_SeesNoneOfItsCases()
    {
        // Arrange
        var other = await factory.Data().CreateCaseAsync(c => c.InTeam("Case Hidden South"));
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, "Case Hidden North"));

        // Act
        var page = await client.GetDocumentAsync("/workspace/cases?Team=Case+Hidden+South&Sort=Respondent");

        // Assert
        Assert.DoesNotContain(other.CaseId, CaseIds(page));
        Assert.Null(page.QuerySelector("#Team option[value='Case Hidden South']"));
    }

    [Theory]
    [InlineData("Sort=Bogus")]
    [InlineData("Order=Sideways")]
    [InlineData("Status=Nope")]
    [InlineData("NeedsAction=perhaps")]
    [InlineData("NoSpoDecision=maybe")]
    [InlineData("Sort=Reported&After=not-a-date&AfterId=00000000-0000-0000-0000-000000000001")]
    [InlineData("Sort=Status&Before=9999999999999999999&BeforeId=00000000-0000-0000-0000-000000000001")]
    [InlineData("AfterId=not-a-guid&After=2026-01-01")]
    public async Task CaseList_QueryValueItDoesNotUnderstand_SaysSoAndShowsTheList(string query)
    {
        // Arrange
        var team = $"Case Bad {query}";
        var created = await factory.Data().CreateCaseAsync(c => c.InTeam(team));
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, team));

        // Act
        var response = await client.GetAsync($"/workspace/cases?{query}");
        var page = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("[data-list-ignored]"));
        Assert.Equal([created.CaseId], CaseIds(page));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Cases.Listed" && e.Kind == AuditKind.Consultation)));
    }
}

public class CaseListCsvTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task CaseListCsv_Coordinator_DownloadsTheFilteredListWithFormulaCellsGuardedAndItIsAuditedAsADisclosure()
    {
        // Arrange
        var data = factory.Data();
        var listed = await data.CreateCaseAsync(c => c.InTeam("Case Csv North"));
        await data.CreateCaseAsync(c => c.InTeam("Case Csv South"));
        await factory.WithDbAsync(async db =>
        {
            var personId = await db.Respondents.Where(r => r.Id == listed.RespondentId).Select(r => r.PersonId).SingleAsync();
            var victimPerson = await db.Victims.Where(v => v.Id == listed.VictimId).Select(v => v.PersonId).SingleAsync();
            await db.Set<PersonName>().Where(n => n.PersonId == victimPerson)
                .ExecuteUpdateAsync(n => n.SetProperty(x => x.GivenNames, "Victoria").SetProperty(x => x.FamilyName, "Secret"));
            return await db.Set<PersonName>().Where(n => n.PersonId == personId)
                .ExecuteUpdateAsync(n => n.SetProperty(x => x.GivenNames, "=HYPERLINK(\"http://example.com\")"));
        });
        var user = await factory.CreateUserAsync(StaffRoles.Coordinator);
        var client = factory.CreateBrowser(user);

        // Act
        var page = await client.GetDocumentAsync("/workspace/cases?Team=Case+Csv+North");
        var response = await client.GetAsync(page.QuerySelector("[data-cases-csv]")!.GetAttribute("href")!);
        var csv = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Respondent,Crime reference,Reported,Protected people,Status,Officer in charge,Team,SPO decision,Next deadline",
            lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.StartsWith("\"'=HYPERLINK(", lines[1], StringComparison.Ordinal);
        Assert.Contains(",VS,", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Victoria", csv, StringComparison.Ordinal);
        Assert.Contains("Case Csv North", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Case Csv South", csv, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == "Cases.Downloaded" && e.Kind == AuditKind.Disclosure && e.ActorId == user.Id.ToString() && e.Justification!.Contains("team=Case Csv North"))));
    }

    [Theory]
    [InlineData(StaffRoles.Officer)]
    [InlineData(StaffRoles.LegalServices)]
    public async Task CaseListCsv_NotACoordinator_IsRefused(string role)
    {
        // Arrange
        await factory.Data().CreateCaseAsync();
        var user = await factory.CreateUserAsync(role, OrderPages.CaseTeam);
        var client = factory.CreateBrowser(user);

        // Act
        var response = await client.GetAsync("/workspace/cases?handler=Csv");
        var page = await client.GetDocumentAsync("/workspace/cases");

        // Assert
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEmpty(CaseListSortFilterPagingTests.CaseIds(page));
        Assert.Null(page.QuerySelector("[data-cases-csv]"));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Cases.Downloaded" && e.ActorId == user.Id.ToString())));
    }
}
