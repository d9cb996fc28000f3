using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

public class CaseListTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    [Fact]
    public async Task Get_OfficerInTeam_ListsTeamCasesButNotOtherTeamsAndAudits()
    {
        // Arrange
        var team = "List team " + Guid.NewGuid().ToString("N")[..6];
        var mine = await TestData.CreateCaseAsync(c => c.InTeam(team));
        var other = await TestData.CreateCaseAsync(c => c.InTeam("Elsewhere " + Guid.NewGuid().ToString("N")[..6]));
        var officer = await Factory.CreateUserAsync(StaffRoles.Officer, team);
        var client = Factory.CreateBrowser(officer);

        // Act
        var document = await client.GetDocumentAsync("/workspace/cases");

        // Assert
        var links = document.QuerySelectorAll("[data-case-table] tbody a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/workspace/cases/{mine.CaseId}", links);
        Assert.DoesNotContain($"/workspace/cases/{other.CaseId}", links);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Cases.Listed" && e.ActorId == officer.Id.ToString())));
    }

    [Fact]
    public async Task Get_FilteredByNoSpoDecision_R39_ListsOnlyCasesWithoutDecision()
    {
        // Arrange
        var team = "Decision team " + Guid.NewGuid().ToString("N")[..6];
        var undecided = await TestData.CreateCaseAsync(c => c.InTeam(team));
        var decided = await TestData.CreateCaseAsync(c => c.InTeam(team));
        await TestData.WithServicesAsync(decided.ReportedOn, s => s.Cases.RecordSpoDecisionAsync(new RecordSpoDecisionOptions(decided.CaseId,
            SpoDecisionOutcome.Apply, "Escalating fixated behaviour; an order is necessary to protect her.", null, null), TestData.Officer));
        var client = await BrowserAsync(StaffRoles.Officer, team);

        // Act
        var document = await client.GetDocumentAsync("/workspace/cases?NoSpoDecision=true");

        // Assert
        var links = document.QuerySelectorAll("[data-case-table] tbody a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/workspace/cases/{undecided.CaseId}", links);
        Assert.DoesNotContain($"/workspace/cases/{decided.CaseId}", links);
    }

    [Fact]
    public async Task Get_MoreThanOnePageInTeam_PagesByKeysetWithNoRepeats()
    {
        // Arrange
        var team = "Paging team " + Guid.NewGuid().ToString("N")[..6];
        var created = new List<Guid>();
        for (var i = 0; i < Pages.Workspace.Cases.IndexModel.PageSize + 2; i++)
        {
            created.Add((await TestData.CreateCaseAsync(c => c.InTeam(team))).CaseId);
        }

        var client = await BrowserAsync(StaffRoles.Officer, team);

        // Act
        var first = await client.GetDocumentAsync("/workspace/cases");
        var second = await client.GetDocumentAsync(first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);

        // Assert
        var firstIds = first.QuerySelectorAll("[data-case-table] tbody a").Select(a => a.GetAttribute("href")).ToList();
        var secondIds = second.QuerySelectorAll("[data-case-table] tbody a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(Pages.Workspace.Cases.IndexModel.PageSize, firstIds.Count);
        Assert.Equal(2, secondIds.Count);
        Assert.Equal(created.Select(id => $"/workspace/cases/{id}").Order(), firstIds.Concat(secondIds).Order());
    }

    [Fact]
    public async Task Get_FilteredByStatus_ListsOnlyThatStatus()
    {
        // Arrange
        var team = "Status team " + Guid.NewGuid().ToString("N")[..6];
        var open = await TestData.CreateCaseAsync(c => c.InTeam(team));
        var client = await BrowserAsync(StaffRoles.Officer, team);

        // Act
        var closedList = await client.GetDocumentAsync("/workspace/cases?Status=Closed");
        var openList = await client.GetDocumentAsync("/workspace/cases?Status=Open");

        // Assert
        Assert.Empty(closedList.QuerySelectorAll("[data-case-table] tbody tr"));
        Assert.Single(openList.QuerySelectorAll("[data-case-table] tbody tr"));
        Assert.Contains(open.CaseId.ToString(), openList.QuerySelector("[data-case-table]")!.InnerHtml, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RolesWithoutCaseAccess))]
    public Task Get_RoleWithoutCaseAccess_ReturnsForbidden(string role) => AssertAccessAsync("/workspace/cases", role, HttpStatusCode.Forbidden);

    [Theory]
    [MemberData(nameof(CaseRoles))]
    public Task Get_CaseRole_ReturnsOk(string role) => AssertAccessAsync("/workspace/cases", role, HttpStatusCode.OK);
}
