using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Applications;

public class DraftApplicationTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    [Fact]
    public async Task Post_FullApplicationThenConfirm_CreatesDraftForMagistratesCourt()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();

        // Act
        var question = await client.SubmitFormAsync($"/workspace/applications/draft-application/{created.CaseId}",
            new Dictionary<string, string> { ["Type"] = nameof(ApplicationType.Full), ["ApplicantForce"] = nameof(PoliceForce.WestYorkshire) });
        var checkUrl = question.Headers.Location!.OriginalString;
        var check = await client.GetDocumentAsync(checkUrl);
        var saved = await client.SubmitFormAsync(checkUrl, new Dictionary<string, string>());

        // Assert
        Assert.Contains("Magistrates' court", check.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        var application = await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.CaseId == created.CaseId));
        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Equal(CourtVenue.MagistratesCourt, application.Venue);
        Assert.Equal($"/workspace/applications/{application.Id}", saved.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Post_RespondentUnder18_R7_DraftsForYouthCourt()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync(c => c.RespondentBornOn(new DateOnly(2010, 6, 1)));
        var client = await BrowserAsync();

        // Act
        var question = await client.SubmitFormAsync($"/workspace/applications/draft-application/{created.CaseId}",
            new Dictionary<string, string> { ["Type"] = nameof(ApplicationType.Full), ["ApplicantForce"] = nameof(PoliceForce.WestYorkshire) });
        await client.SubmitFormAsync(question.Headers.Location!.OriginalString, new Dictionary<string, string>());

        // Assert
        var application = await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.CaseId == created.CaseId));
        Assert.Equal(CourtVenue.YouthCourt, application.Venue);
    }

    [Fact]
    public async Task Post_InterimByAnotherForce_R18_ShowsCoreRuleAndSavesNothing()
    {
        // Arrange
        var main = await TestData.CreateApplicationAsync(a => a.Draft());
        var client = await BrowserAsync();
        var question = await client.SubmitFormAsync($"/workspace/applications/draft-application/{main.Case.CaseId}", new Dictionary<string, string>
        {
            ["Type"] = nameof(ApplicationType.Interim),
            ["MainApplicationId"] = main.ApplicationId.ToString(),
            ["ApplicantForce"] = nameof(PoliceForce.Kent),
        });

        // Act
        var document = await (await client.SubmitFormAsync(question.Headers.Location!.OriginalString, new Dictionary<string, string>())).GetDocumentAsync();

        // Assert
        var message = Assert.Single(AllErrors(document));
        Assert.Contains("same chief officer", message, StringComparison.Ordinal);
        Assert.Contains("R18", message, StringComparison.Ordinal);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Applications.CountAsync(a => a.CaseId == main.Case.CaseId)));
    }

    [Fact]
    public async Task Post_NothingEntered_ShowsEachRequiredFieldError()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitFormAsync($"/workspace/applications/draft-application/{created.CaseId}", new Dictionary<string, string>())).GetDocumentAsync();

        // Assert
        Assert.Equal(["Select what the application is for", "Select the applicant chief officer's force (SPA 2019 s.1(1), R1)"], document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task Post_InterimWithoutMain_R18_ShowsError()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitFormAsync($"/workspace/applications/draft-application/{created.CaseId}",
            new Dictionary<string, string> { ["Type"] = nameof(ApplicationType.Interim), ["ApplicantForce"] = nameof(PoliceForce.WestYorkshire) })).GetDocumentAsync();

        // Assert
        Assert.Contains("Select the main application the interim application belongs to (SPA 2019 s.5(2), R18)", AllErrors(document));
    }

    [Fact]
    public async Task Get_OfficerOfAnotherTeam_ReturnsNotFound()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/applications/draft-application/{created.CaseId}", StaffRoles.Officer, HttpStatusCode.NotFound, "Another Team");
    }

    [Theory]
    [MemberData(nameof(RolesWithoutCaseAccess))]
    public async Task Get_RoleWithoutCaseAccess_ReturnsForbidden(string role)
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/applications/draft-application/{created.CaseId}", role, HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(CaseRoles))]
    public async Task Get_CaseRole_ReturnsOk(string role)
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/applications/draft-application/{created.CaseId}", role, HttpStatusCode.OK);
    }
}
