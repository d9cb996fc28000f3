using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Applications;

public class ViewApplicationTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    [Fact]
    public async Task Get_CompleteDraft_ShowsTaskListWithEachTaskAndAuditsConsultation()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Draft());
        var officer = await Factory.CreateUserAsync(StaffRoles.Officer, CaseTeam);
        var client = Factory.CreateBrowser(officer);

        // Act
        var response = await client.GetAsync($"/workspace/applications/{created.ApplicationId}");
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tasks = document.QuerySelectorAll("[data-tasks] .govuk-task-list__item").Select(i => i.TextContent).ToList();
        Assert.Equal(8, tasks.Count);
        Assert.Contains("Completed", tasks[2], StringComparison.Ordinal);
        Assert.Contains("Proposed conditions", tasks[4], StringComparison.Ordinal);
        Assert.Contains("Cannot start yet", tasks[7], StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector($"a[href='/workspace/applications/set-jurisdiction/{created.ApplicationId}']"));
        Assert.Null(document.QuerySelector($"a[href='/workspace/applications/authorise-application/{created.ApplicationId}']"));
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == "Application.Viewed" && e.Kind == AuditKind.Consultation && e.RecordId == created.ApplicationId.ToString())));
    }

    [Fact]
    public async Task Get_Coordinator_OffersAuthorisation()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Draft());
        var client = await BrowserAsync(StaffRoles.Coordinator, null);

        // Act
        var document = await client.GetDocumentAsync($"/workspace/applications/{created.ApplicationId}");

        // Assert
        Assert.NotNull(document.QuerySelector($"a[href='/workspace/applications/authorise-application/{created.ApplicationId}']"));
    }

    [Fact]
    public async Task Get_YouthRespondent_R7_SaysYouthCourt()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Draft().WithCase(c => c.RespondentBornOn(new DateOnly(2010, 6, 1))));
        var client = await BrowserAsync();

        // Act
        var document = await client.GetDocumentAsync($"/workspace/applications/{created.ApplicationId}");

        // Assert
        Assert.Contains("youth court", document.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("R7", document.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_OfficerOfAnotherTeam_ReturnsNotFound()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Draft());

        // Act and Assert
        await AssertAccessAsync($"/workspace/applications/{created.ApplicationId}", StaffRoles.Officer, HttpStatusCode.NotFound, "Another Team");
    }

    [Theory]
    [MemberData(nameof(RolesWithoutCaseAccess))]
    public async Task Get_RoleWithoutCaseAccess_ReturnsForbidden(string role)
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Draft());

        // Act and Assert
        await AssertAccessAsync($"/workspace/applications/{created.ApplicationId}", role, HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(CaseRoles))]
    public async Task Get_CaseRole_ReturnsOk(string role)
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Draft());

        // Act and Assert
        await AssertAccessAsync($"/workspace/applications/{created.ApplicationId}", role, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_UnknownApplication_ReturnsNotFound() =>
        await AssertAccessAsync($"/workspace/applications/{Guid.NewGuid()}", StaffRoles.Coordinator, HttpStatusCode.NotFound);
}
