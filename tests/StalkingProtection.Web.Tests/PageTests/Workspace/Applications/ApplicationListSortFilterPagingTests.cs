using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Applications;

/// <summary>S4: the applications list is for the case roles only.</summary>
public sealed class ApplicationsMatrix : IAuthorisationMatrixPart
{
    public IReadOnlyDictionary<string, string[]> Routes { get; } = new Dictionary<string, string[]>
    {
        ["/workspace/applications"] = [.. StaffRoles.CaseRoles],
    };
}

/// <summary>Three applications of one team whose columns each sort them in a different order.</summary>
internal sealed record ThreeApplications(Guid Baker, Guid Adams, Guid Clark)
{
    public static async Task<ThreeApplications> CreateAsync(WebAppFactory factory, string team)
    {
        var data = factory.Data();
        var baker = await data.CreateApplicationAsync(a => a.Lodged(new DateOnly(2026, 10, 1)).WithCase(c => c.InTeam(team)));
        var adams = await data.CreateApplicationAsync(a => a.Lodged(new DateOnly(2026, 10, 3)).WithCase(c => c.InTeam(team)));
        var clark = await data.CreateApplicationAsync(a => a.Lodged(new DateOnly(2026, 10, 2)).WithCase(c => c.InTeam(team)));
        await data.WithServicesAsync(new DateOnly(2026, 11, 20), async s =>
        {
            await s.Hearings.ListHearingAsync(new ListHearingOptions(baker.ApplicationId, LondonTime.StartOfDayUtc(new DateOnly(2026, 12, 10)).AddHours(10),
                "Bradford Magistrates' Court"), TestData.Officer);
            return (await s.Hearings.ListHearingAsync(new ListHearingOptions(clark.ApplicationId, LondonTime.StartOfDayUtc(new DateOnly(2026, 11, 30)).AddHours(10),
                "Leeds Magistrates' Court"), TestData.Officer)).HearingId;
        });
        await factory.WithDbAsync(async db =>
        {
            await NameAsync(db, baker.Case.RespondentId, "Ben", "Baker");
            await NameAsync(db, adams.Case.RespondentId, "Amy", "Adams");
            await NameAsync(db, clark.Case.RespondentId, "Cal", "Clark");
            await db.Applications.Where(a => a.Id == baker.ApplicationId)
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.Type, ApplicationType.Discharge).SetProperty(x => x.CourtName, "Bradford Magistrates' Court"));
            await db.Applications.Where(a => a.Id == adams.ApplicationId)
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.CourtName, "York Magistrates' Court"));
            await db.Applications.Where(a => a.Id == clark.ApplicationId)
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.Type, ApplicationType.Renewal).SetProperty(x => x.Status, ApplicationStatus.Adjourned));
            await db.Cases.Where(c => c.Id == adams.Case.CaseId).ExecuteUpdateAsync(c => c.SetProperty(x => x.OfficerInCharge, "PC Alpha"));

            // The updates above went around the change tracker; saving the applications works their stored list keys out again
            // (ApplicationListKeys).
            var ids = new[] { baker.ApplicationId, adams.ApplicationId, clark.ApplicationId };
            foreach (var application in await db.Applications.Where(a => ids.Contains(a.Id)).ToListAsync())
            {
                db.Entry(application).State = EntityState.Modified;
            }

            return await db.SaveChangesAsync();
        });
        return new ThreeApplications(baker.ApplicationId, adams.ApplicationId, clark.ApplicationId);
    }

    private static async Task NameAsync(Core.Data.StalkingProtectionDbContext db, Guid respondentId, string given, string family)
    {
        var person = await db.Respondents.Where(r => r.Id == respondentId).Select(r => r.PersonId).SingleAsync();
        await db.Set<PersonName>().Where(n => n.PersonId == person)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.GivenNames, given).SetProperty(x => x.FamilyName, family + " " + respondentId.ToString("N")[..6]));
    }
}

public class ApplicationListSortFilterPagingTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    internal static List<Guid> ApplicationIds(IDocument page) =>
        page.QuerySelectorAll("[data-applications-table] tbody [data-respondent] a").Select(a => Guid.Parse(a.GetAttribute("href")!.Split('/')[^1])).ToList();

    private static List<string> Column(IDocument page, string cell) =>
        page.QuerySelectorAll($"[data-applications-table] tbody [{cell}]").Select(c => c.TextContent.Trim()).ToList();

    [Theory]
    [InlineData("Respondent", "Adams,Baker,Clark")]
    [InlineData("Kind", "Adams,Clark,Baker")]
    [InlineData("Court", "Baker,Clark,Adams")]
    [InlineData("Hearing", "Clark,Baker,Adams")]
    [InlineData("Status", "Adams,Baker,Clark")]
    [InlineData("Started", "Adams,Clark,Baker")]
    public async Task ApplicationList_SortedByEachColumn_ListsInThatOrderBothWaysAndMarksTheColumn(string sort, string ascendingOrder)
    {
        // Arrange
        var team = "Application Sort " + sort;
        var applications = await ThreeApplications.CreateAsync(factory, team);
        var byName = new Dictionary<string, Guid> { ["Baker"] = applications.Baker, ["Adams"] = applications.Adams, ["Clark"] = applications.Clark };
        var expected = ascendingOrder.Split(',').Select(n => byName[n]).ToList();
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, team));

        // Act
        var ascending = await client.GetDocumentAsync($"/workspace/applications?Sort={sort}&Order=Ascending");
        var descending = await client.GetDocumentAsync($"/workspace/applications?Sort={sort}&Order=Descending");

        // Assert
        Assert.Equal(expected, ApplicationIds(ascending));
        Assert.Equal(Enumerable.Reverse(expected), ApplicationIds(descending));
        Assert.Equal("ascending", ascending.QuerySelector($"th[data-sort={sort}]")!.GetAttribute("aria-sort"));
        Assert.Equal("descending", descending.QuerySelector($"th[data-sort={sort}]")!.GetAttribute("aria-sort"));
        Assert.Contains("Order=Descending", ascending.QuerySelector($"th[data-sort={sort}] a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplicationList_Columns_SayTheKindStatusAndHearingInWordsAndCountTheDaysSinceStarted()
    {
        // Arrange
        var team = "Application Columns";
        await ThreeApplications.CreateAsync(factory, team);
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, team));

        // Act
        var page = await client.GetDocumentAsync("/workspace/applications?Sort=Respondent&Order=Ascending");

        // Assert
        Assert.StartsWith("Amy Adams", Column(page, "data-respondent")[0], StringComparison.Ordinal);
        Assert.Equal(["Full order", "Discharge", "Renewal"], Column(page, "data-kind"));
        Assert.Equal(["York Magistrates' Court", "Bradford Magistrates' Court", "Leeds Magistrates' Court"], Column(page, "data-court"));
        Assert.Equal(["Not listed", "10 December 2026 at 10:00am", "30 November 2026 at 10:00am"], Column(page, "data-hearing"));
        Assert.Equal(["Lodged", "Hearing listed", "Adjourned"], Column(page, "data-application-status"));
        Assert.Equal(["56", "58", "57"], Column(page, "data-days"));
    }

    [Fact]
    public async Task ApplicationList_StatusOfficerAndNeedsActionFilters_ListOnlyTheApplicationsThatMatch()
    {
        // Arrange
        var team = "Application Filters";
        var applications = await ThreeApplications.CreateAsync(factory, team);
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, team));

        // Act
        var listed = await client.GetDocumentAsync("/workspace/applications?Filter=Listed");
        var adjourned = await client.GetDocumentAsync("/workspace/applications?Filter=Adjourned");
        var withdrawn = await client.GetDocumentAsync("/workspace/applications?Filter=Withdrawn");
        var inProgress = await client.GetDocumentAsync("/workspace/applications");
        var byOfficer = await client.GetDocumentAsync("/workspace/applications?Officer=PC+Alpha");
        var needsAction = await client.GetDocumentAsync("/workspace/applications?NeedsAction=true");

        // Assert
        Assert.Equal([applications.Baker], ApplicationIds(listed));
        Assert.Equal([applications.Clark], ApplicationIds(adjourned));
        Assert.Empty(ApplicationIds(withdrawn));
        Assert.Contains("No applications match.", withdrawn.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, ApplicationIds(inProgress).Count);
        Assert.Equal([applications.Adams], ApplicationIds(byOfficer));
        Assert.Equal([applications.Clark], ApplicationIds(needsAction));
    }

    [Fact]
    public async Task ApplicationList_TeamFilter_ListsOnlyThatTeamsApplicationsForACoordinator()
    {
        // Arrange
        var data = factory.Data();
        var east = await data.CreateApplicationAsync(a => a.WithCase(c => c.InTeam("Application Filter East")));
        var west = await data.CreateApplicationAsync(a => a.WithCase(c => c.InTeam("Application Filter West")));
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Coordinator));

        // Act
        var page = await client.GetDocumentAsync("/workspace/applications?Team=Application+Filter+East");

        // Assert
        Assert.Equal([east.ApplicationId], ApplicationIds(page));
        Assert.DoesNotContain(west.ApplicationId, ApplicationIds(page));
        Assert.NotNull(page.QuerySelector("#Team option[value='Application Filter West']"));
    }

    [Fact]
    public async Task ApplicationList_27ApplicationsWithTiedKinds_PagesForwardAndBackByKeysetWithoutRepeats()
    {
        // Arrange
        var team = "Application Paging";
        var data = factory.Data();
        var made = new List<Guid>();
        for (var i = 0; i < 27; i++)
        {
            made.Add((await data.CreateApplicationAsync(a => a.Lodged(new DateOnly(2026, 10, 1).AddDays(i % 3)).WithCase(c => c.InTeam(team)))).ApplicationId);
        }

        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, team));

        // Act
        var first = await client.GetDocumentAsync("/workspace/applications?Sort=Kind&Order=Ascending");
        var second = await client.GetDocumentAsync(first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        var back = await client.GetDocumentAsync(second.QuerySelector("a[rel=prev]")!.GetAttribute("href")!);
        var byStarted = await client.GetDocumentAsync("/workspace/applications?Sort=Started&Order=Descending");
        var byStartedNext = await client.GetDocumentAsync(byStarted.QuerySelector("a[rel=next]")!.GetAttribute("href")!);

        // Assert
        var all = ApplicationIds(first).Concat(ApplicationIds(second)).ToList();
        Assert.Equal(25, ApplicationIds(first).Count);
        Assert.Equal(made.Order(), all.Order());
        Assert.Null(second.QuerySelector("a[rel=next]"));
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        Assert.Equal(ApplicationIds(first), ApplicationIds(back));
        Assert.Equal(made.Order(), ApplicationIds(byStarted).Concat(ApplicationIds(byStartedNext)).Order());
        var days = Column(byStarted, "data-days").Concat(Column(byStartedNext, "data-days")).Select(int.Parse).ToList();
        Assert.Equal(days.OrderDescending(), days);
    }

    [Fact]
    public async Task ApplicationList_OfficerAskingForAnotherTeam_SeesNoneOfItsApplications()
    {
        // Arrange
        var other = await factory.Data().CreateApplicationAsync(a => a.WithCase(c => c.InTeam("Application Hidden South")));
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, "Application Hidden North"));

        // Act
        var page = await client.GetDocumentAsync("/workspace/applications?Filter=All&Team=Application+Hidden+South");

        // Assert
        Assert.DoesNotContain(other.ApplicationId, ApplicationIds(page));
        Assert.Null(page.QuerySelector("#Team option[value='Application Hidden South']"));
    }

    [Theory]
    [InlineData("Sort=Bogus")]
    [InlineData("Order=Sideways")]
    [InlineData("Filter=Nope")]
    [InlineData("NeedsAction=perhaps")]
    [InlineData("Sort=Hearing&After=not-an-instant&AfterId=00000000-0000-0000-0000-000000000001")]
    [InlineData("Sort=Status&Before=9999999999999999999&BeforeId=00000000-0000-0000-0000-000000000001")]
    [InlineData("AfterId=not-a-guid&After=1")]
    public async Task ApplicationList_QueryValueItDoesNotUnderstand_SaysSoAndShowsTheList(string query)
    {
        // Arrange
        var team = $"Application Bad {query}";
        var created = await factory.Data().CreateApplicationAsync(a => a.WithCase(c => c.InTeam(team)));
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, team));

        // Act
        var response = await client.GetAsync($"/workspace/applications?{query}");
        var page = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("[data-list-ignored]"));
        Assert.Equal([created.ApplicationId], ApplicationIds(page));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Applications.Listed" && e.Kind == AuditKind.Consultation)));
    }
}

public class ApplicationListCsvTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task ApplicationListCsv_Coordinator_DownloadsTheFilteredListWithFormulaCellsGuardedAndItIsAuditedAsADisclosure()
    {
        // Arrange
        var data = factory.Data();
        var listed = await data.CreateApplicationAsync(a => a.WithCase(c => c.InTeam("Application Csv North")));
        await data.CreateApplicationAsync(a => a.WithCase(c => c.InTeam("Application Csv South")));
        await factory.WithDbAsync(async db =>
        {
            var personId = await db.Respondents.Where(r => r.Id == listed.Case.RespondentId).Select(r => r.PersonId).SingleAsync();
            return await db.Set<PersonName>().Where(n => n.PersonId == personId)
                .ExecuteUpdateAsync(n => n.SetProperty(x => x.GivenNames, "=HYPERLINK(\"http://example.com\")"));
        });
        var user = await factory.CreateUserAsync(StaffRoles.Coordinator);
        var client = factory.CreateBrowser(user);

        // Act
        var page = await client.GetDocumentAsync("/workspace/applications?Team=Application+Csv+North");
        var response = await client.GetAsync(page.QuerySelector("[data-applications-csv]")!.GetAttribute("href")!);
        var csv = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Respondent,Application,Court,Hearing,Status,Days since started,Team", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.StartsWith("\"'=HYPERLINK(", lines[1], StringComparison.Ordinal);
        Assert.Contains("Full order", lines[1], StringComparison.Ordinal);
        Assert.Contains("Application Csv North", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Application Csv South", csv, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == "Applications.Downloaded" && e.Kind == AuditKind.Disclosure && e.ActorId == user.Id.ToString()
            && e.Justification!.Contains("team=Application Csv North"))));
    }

    [Theory]
    [InlineData(StaffRoles.Officer)]
    [InlineData(StaffRoles.LegalServices)]
    public async Task ApplicationListCsv_NotACoordinator_IsRefused(string role)
    {
        // Arrange
        await factory.Data().CreateApplicationAsync();
        var user = await factory.CreateUserAsync(role, OrderPages.CaseTeam);
        var client = factory.CreateBrowser(user);

        // Act
        var response = await client.GetAsync("/workspace/applications?handler=Csv");
        var page = await client.GetDocumentAsync("/workspace/applications");

        // Assert
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEmpty(ApplicationListSortFilterPagingTests.ApplicationIds(page));
        Assert.Null(page.QuerySelector("[data-applications-csv]"));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Applications.Downloaded" && e.ActorId == user.Id.ToString())));
    }
}
