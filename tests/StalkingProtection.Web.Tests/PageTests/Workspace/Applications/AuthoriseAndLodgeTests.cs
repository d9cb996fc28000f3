using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Pages.Workspace.Applications.AuthoriseApplication;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Applications;

public class AuthoriseAndLodgeTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    [Fact]
    public async Task Post_CoordinatorAuthorises_RecordsAuthorisation()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Draft());
        var client = await BrowserAsync(StaffRoles.Coordinator, null);

        // Act
        var response = await client.SubmitAndConfirmAsync($"/workspace/applications/authorise-application/{created.ApplicationId}",
            new Dictionary<string, string> { ["Decision"] = nameof(AuthorisationDecision.Approve) });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var application = await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == created.ApplicationId));
        Assert.Equal("Test Coordinator", application.AuthorisedBy);
    }

    private static Dictionary<string, string> Approve(DateOnly authorisedOn) =>
        new(Date("AuthorisedOn", authorisedOn)) { ["Decision"] = nameof(AuthorisationDecision.Approve) };

    [Fact]
    public async Task Post_CoordinatorAuthorisesWithAnEarlierDay_RecordsAndShowsThatDay()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Draft());
        var client = await BrowserAsync(StaffRoles.Coordinator, null);
        var url = $"/workspace/applications/authorise-application/{created.ApplicationId}";
        var authorisedOn = new DateOnly(2026, 10, 1);

        // Act
        var check = await client.ContinueAsync(url, Approve(authorisedOn));
        var response = await client.SubmitAndConfirmAsync(url, Approve(authorisedOn));

        // Assert
        Assert.Contains("1 October 2026", check.QuerySelector("[data-answers]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var application = await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == created.ApplicationId));
        Assert.Equal("Test Coordinator", application.AuthorisedBy);
        Assert.Equal(authorisedOn, LondonTime.DateOf(application.AuthorisedAt!.Value));
        Assert.Equal(Factory.Clock.GetUtcNow(),
            (await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "Application.Authorised" && e.RecordId == created.ApplicationId.ToString()))).OccurredAt);
    }

    [Fact]
    public async Task Post_CoordinatorAuthorisesOnADayStillToCome_ShowsTheOneMessage_AndSavesNothing()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Draft());
        var client = await BrowserAsync(StaffRoles.Coordinator, null);

        // Act
        var document = await (await client.SubmitAndConfirmAsync($"/workspace/applications/authorise-application/{created.ApplicationId}",
            Approve(new DateOnly(2026, 11, 29)))).GetDocumentAsync();

        // Assert
        Assert.NotNull(document.QuerySelector(".govuk-error-summary"));
        Assert.Equal([RuleCheck.NotYetHappenedMessage], AllErrors(document));
        Assert.Null((await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == created.ApplicationId))).AuthorisedBy);
    }

    [Fact]
    public async Task Post_CoordinatorReturnsWithComments_CommentsShownAndNotAuthorised()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Draft());
        var client = await BrowserAsync(StaffRoles.Coordinator, null);

        // Act
        await client.SubmitAndConfirmAsync($"/workspace/applications/authorise-application/{created.ApplicationId}",
            new Dictionary<string, string> { ["Decision"] = nameof(AuthorisationDecision.Return), ["Comments"] = "Add the victim's views before I authorise." });
        var document = await client.GetDocumentAsync($"/workspace/applications/{created.ApplicationId}");

        // Assert
        Assert.Contains("Add the victim's views before I authorise.", document.QuerySelector("[data-comments]")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == created.ApplicationId))).AuthorisedBy);
    }

    [Fact]
    public async Task Post_ReturnWithoutComments_ShowsError()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Draft());
        var client = await BrowserAsync(StaffRoles.Coordinator, null);

        // Act
        var document = await (await client.SubmitAndConfirmAsync($"/workspace/applications/authorise-application/{created.ApplicationId}",
            new Dictionary<string, string> { ["Decision"] = nameof(AuthorisationDecision.Return) })).GetDocumentAsync();

        // Assert
        Assert.Equal(["Enter comments for the officer"], document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task Post_NoDecision_ShowsError()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Draft());
        var client = await BrowserAsync(StaffRoles.Coordinator, null);

        // Act
        var document = await (await client.SubmitAndConfirmAsync($"/workspace/applications/authorise-application/{created.ApplicationId}",
            new Dictionary<string, string>())).GetDocumentAsync();

        // Assert
        Assert.Equal(["Select whether to authorise the application or return it"], document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task Post_AuthoriseAfterSomeoneElseChangedIt_RL4_ShowsConflict()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Draft());
        var client = await BrowserAsync(StaffRoles.Coordinator, null);
        var url = $"/workspace/applications/authorise-application/{created.ApplicationId}";
        var stale = await VersionOnPageAsync(client, url);
        // The court is changed, which withdraws the authorisation, and a coordinator authorises the changed application again.
        await TestData.WithServicesAsync(new DateOnly(2026, 11, 28), async s =>
        {
            await s.Applications.ChooseCourtAsync(
                new ChooseCourtOptions(created.ApplicationId, CourtVenue.MagistratesCourt, "Bradford Magistrates' Court"), StalkingProtection.TestCommon.TestData.Officer);
            await s.Applications.AuthoriseAsync(new AuthoriseApplicationOptions(created.ApplicationId), StalkingProtection.TestCommon.TestData.Coordinator);
        });

        // Act
        var response = await client.SubmitAndConfirmAsync(url, new Dictionary<string, string> { ["Decision"] = nameof(AuthorisationDecision.Approve), ["Version"] = stale });
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([ConflictMessage], AllErrors(document));
        // The authorisation that stands is the one given to the changed application, not the stale page's.
        Assert.Equal(StalkingProtection.TestCommon.TestData.Coordinator.Name,
            (await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == created.ApplicationId))).AuthorisedBy);
    }

    [Theory]
    [InlineData(StaffRoles.Officer)]
    [InlineData(StaffRoles.LegalServices)]
    [InlineData(StaffRoles.Lookup)]
    [InlineData(StaffRoles.Analyst)]
    [InlineData(StaffRoles.Administrator)]
    public async Task Get_AuthoriseAsNonCoordinator_ReturnsForbidden(string role)
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Draft());

        // Act and Assert
        await AssertAccessAsync($"/workspace/applications/authorise-application/{created.ApplicationId}", role, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Get_AuthoriseAsCoordinator_ReturnsOk()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Draft());

        // Act and Assert
        await AssertAccessAsync($"/workspace/applications/authorise-application/{created.ApplicationId}", StaffRoles.Coordinator, HttpStatusCode.OK, null);
    }

    [Fact]
    public async Task Post_LodgeAuthorisedCompleteDraft_SubmitsToCourt()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Draft());
        await TestData.WithServicesAsync(new DateOnly(2026, 11, 28), s => s.Applications.AuthoriseAsync(new AuthoriseApplicationOptions(created.ApplicationId),
            StalkingProtection.TestCommon.TestData.Coordinator));
        var client = await BrowserAsync();

        // Act
        var check = await client.ContinueAsync($"/workspace/applications/lodge-application/{created.ApplicationId}", new Dictionary<string, string>());
        var response = await client.SubmitFormAsync(check.CheckAnswersUrl(), new Dictionary<string, string>());

        // Assert
        Assert.Contains("DS Sam Coordinator", check.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var application = await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == created.ApplicationId));
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal(new DateOnly(2026, 11, 28), application.LodgedOn);
    }

    [Fact]
    public async Task Post_LodgeWithTheDayItWasMade_RecordsAnApplicationMadeBeforeItWasEntered_AndRefusesADayStillToCome()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Draft());
        await TestData.WithServicesAsync(new DateOnly(2026, 11, 28), s => s.Applications.AuthoriseAsync(new AuthoriseApplicationOptions(created.ApplicationId),
            StalkingProtection.TestCommon.TestData.Coordinator));
        var client = await BrowserAsync();
        var url = $"/workspace/applications/lodge-application/{created.ApplicationId}";

        // Act
        var future = await (await client.SubmitAndConfirmAsync(url, Date("LodgedOn", new DateOnly(2026, 11, 29)))).GetDocumentAsync();
        var statusAfterFuture = (await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == created.ApplicationId))).Status;
        var response = await client.SubmitAndConfirmAsync(url, Date("LodgedOn", new DateOnly(2026, 10, 2)));

        // Assert
        Assert.Equal([RuleCheck.NotYetHappenedMessage], AllErrors(future));
        Assert.Equal(ApplicationStatus.Draft, statusAfterFuture);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var application = await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == created.ApplicationId));
        Assert.Equal(new DateOnly(2026, 10, 2), application.LodgedOn);
        Assert.Equal(Factory.Clock.GetUtcNow(), application.SubmittedAt);
    }

    [Fact]
    public async Task Post_LodgeIncompleteDraft_R2R3R4_ListsEveryBrokenRuleAndLodgesNothing()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var id = await TestData.WithServicesAsync(new DateOnly(2026, 11, 28), async s => (await s.Applications.CreateAsync(new CreateApplicationOptions(created.CaseId,
            ApplicationType.Full, PoliceForce.WestYorkshire, CourtVenue.MagistratesCourt, ""), StalkingProtection.TestCommon.TestData.Officer)).ApplicationId);
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitAndConfirmAsync($"/workspace/applications/lodge-application/{id}", new Dictionary<string, string>())).GetDocumentAsync();

        // Assert
        var errors = AllErrors(document);
        Assert.Contains(errors, e => e.Contains("coordinator must authorise", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("SPA 2019 s.1(3), R2", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("SPA 2019 s.1(1)(a), R3", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("SPA 2019 s.1(1)(b), R3", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("SPA 2019 s.1(1)(c), R3", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("SPA 2019 s.1(1)(c), R4", StringComparison.Ordinal));
        Assert.Equal(ApplicationStatus.Draft, (await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == id))).Status);
    }

    [Fact]
    public async Task Post_LodgeAfterSomeoneElseChangedIt_RL4_ShowsConflict()
    {
        // Arrange
        var created = await TestData.CreateApplicationAsync(a => a.Draft());
        await TestData.WithServicesAsync(new DateOnly(2026, 11, 28), s => s.Applications.AuthoriseAsync(new AuthoriseApplicationOptions(created.ApplicationId),
            StalkingProtection.TestCommon.TestData.Coordinator));
        var client = await BrowserAsync();
        var url = $"/workspace/applications/lodge-application/{created.ApplicationId}";
        var stale = await VersionOnPageAsync(client, url);
        // The court is changed, which withdraws the authorisation, and a coordinator authorises the changed application again.
        await TestData.WithServicesAsync(new DateOnly(2026, 11, 28), async s =>
        {
            await s.Applications.ChooseCourtAsync(
                new ChooseCourtOptions(created.ApplicationId, CourtVenue.MagistratesCourt, "Bradford Magistrates' Court"), StalkingProtection.TestCommon.TestData.Officer);
            await s.Applications.AuthoriseAsync(new AuthoriseApplicationOptions(created.ApplicationId), StalkingProtection.TestCommon.TestData.Coordinator);
        });

        // Act
        var response = await client.SubmitAndConfirmAsync(url, new Dictionary<string, string> { ["Version"] = stale });
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal([ConflictMessage], AllErrors(document));
        Assert.Contains("Bradford Magistrates' Court", document.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Draft, (await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == created.ApplicationId))).Status);
    }
}
