using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Applications;

/// <summary>The task pages of a draft application: jurisdiction (R2), court (R7), evidence (R3) and people to protect (R4).</summary>
public class ApplicationTaskPageTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    public static TheoryData<string> TaskPages() => new("set-jurisdiction", "choose-court", "add-evidence", "add-protected-person", "comment-on-application", "lodge-application");

    /// <summary>A draft with nothing filled in but its type and applicant.</summary>
    private async Task<(CreatedCase Case, Guid ApplicationId)> BareDraftAsync(Action<CaseBuilder>? configure = null)
    {
        var created = await TestData.CreateCaseAsync(configure);
        var id = await TestData.WithServicesAsync(new DateOnly(2026, 11, 28), async s => (await s.Applications.CreateAsync(new CreateApplicationOptions(created.CaseId,
            ApplicationType.Full, PoliceForce.WestYorkshire, CourtVenue.MagistratesCourt, ""), StalkingProtection.TestCommon.TestData.Officer)).ApplicationId);
        return (created, id);
    }

    [Fact]
    public async Task Post_Jurisdiction_R2_IsSavedAndShownOnTheTaskList()
    {
        // Arrange
        var (_, id) = await BareDraftAsync();
        var client = await BrowserAsync();

        // Act
        var response = await client.SubmitAndConfirmAsync($"/workspace/applications/set-jurisdiction/{id}",
            new Dictionary<string, string> { ["Basis"] = nameof(JurisdictionBasis.ResidesInArea), ["Notes"] = "Lives at 1 Main Street, Leeds" });

        // Assert
        Assert.Equal($"/workspace/applications/{id}", response.Headers.Location!.OriginalString);
        var application = await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == id));
        Assert.Equal(JurisdictionBasis.ResidesInArea, application.JurisdictionBasis);
        Assert.Equal("Lives at 1 Main Street, Leeds", application.JurisdictionNotes);
    }

    [Fact]
    public async Task Post_JurisdictionNothingEntered_R2_ShowsEachError()
    {
        // Arrange
        var (_, id) = await BareDraftAsync();
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitAndConfirmAsync($"/workspace/applications/set-jurisdiction/{id}", new Dictionary<string, string>())).GetDocumentAsync();

        // Assert
        Assert.Equal(["Select why the force may apply against the respondent (SPA 2019 s.1(3), R2)", "Enter what supports this, for example the respondent's address (R2)"],
            document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task Post_JurisdictionAfterSomeoneElseSaved_RL4_ShowsConflictWithCurrentValues()
    {
        // Arrange
        var (_, id) = await BareDraftAsync();
        var client = await BrowserAsync();
        var url = $"/workspace/applications/set-jurisdiction/{id}";
        var staleVersion = await VersionOnPageAsync(client, url);
        await TestData.WithServicesAsync(new DateOnly(2026, 11, 28), s => s.Applications.SetJurisdictionAsync(
            new SetJurisdictionOptions(id, JurisdictionBasis.BelievedInArea, "Seen in Leeds city centre daily"), StalkingProtection.TestCommon.TestData.Coordinator));

        // Act
        var response = await client.SubmitAndConfirmAsync(url, new Dictionary<string, string>
        {
            ["Basis"] = nameof(JurisdictionBasis.ResidesInArea),
            ["Notes"] = "My stale notes",
            ["Version"] = staleVersion,
        });
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([ConflictMessage], AllErrors(document));
        var current = document.QuerySelector("[data-current]")!.TextContent;
        Assert.Contains("Seen in Leeds city centre daily", current, StringComparison.Ordinal);
        Assert.Contains(ApplicationChoiceText(JurisdictionBasis.BelievedInArea), current, StringComparison.Ordinal);
        var application = await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == id));
        Assert.Equal("Seen in Leeds city centre daily", application.JurisdictionNotes);
    }

    [Fact]
    public async Task Post_MagistratesCourtForYouth_R7_ShowsRule()
    {
        // Arrange
        var (_, id) = await BareDraftAsync(c => c.RespondentBornOn(new DateOnly(2010, 6, 1)));
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitAndConfirmAsync($"/workspace/applications/choose-court/{id}",
            new Dictionary<string, string> { ["Venue"] = nameof(CourtVenue.MagistratesCourt), ["CourtName"] = "Leeds Magistrates' Court" })).GetDocumentAsync();

        // Assert
        Assert.Equal(["The respondent is 16 today, so the application goes to the youth court (R7)"], document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task Post_Court_IsSaved()
    {
        // Arrange
        var (_, id) = await BareDraftAsync();
        var client = await BrowserAsync();

        // Act
        await client.SubmitAndConfirmAsync($"/workspace/applications/choose-court/{id}",
            new Dictionary<string, string> { ["Venue"] = nameof(CourtVenue.MagistratesCourt), ["CourtName"] = "Leeds Magistrates' Court" });

        // Assert
        var application = await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == id));
        Assert.Equal("Leeds Magistrates' Court", application.CourtName);
    }

    [Fact]
    public async Task Post_CourtNothingEntered_ShowsEachError()
    {
        // Arrange
        var (_, id) = await BareDraftAsync();
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitAndConfirmAsync($"/workspace/applications/choose-court/{id}",
            new Dictionary<string, string> { ["Venue"] = "", ["CourtName"] = "" })).GetDocumentAsync();

        // Assert
        Assert.Equal(["Select the court", "Enter the name of the court"], document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task Post_EvidenceLinkedToAct_R3_IsSaved()
    {
        // Arrange
        var (created, id) = await BareDraftAsync();
        var client = await BrowserAsync();

        // Act
        await client.SubmitAndConfirmAsync($"/workspace/applications/add-evidence/{id}", new Dictionary<string, string>
        {
            ["Limb"] = nameof(Limb.ActsAssociatedWithStalking),
            ["Kind"] = nameof(EvidenceKind.Act),
            ["ReferenceId"] = created.ActId.ToString(),
            ["Description"] = "Loitering outside her home",
        });

        // Assert
        var application = await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == id));
        var evidence = Assert.Single(application.Evidence);
        Assert.Equal(created.ActId, evidence.ReferenceId);
    }

    [Fact]
    public async Task Post_ActEvidenceWithoutAct_R3_ShowsCoreRuleAndSavesNothing()
    {
        // Arrange
        var (_, id) = await BareDraftAsync();
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitAndConfirmAsync($"/workspace/applications/add-evidence/{id}", new Dictionary<string, string>
        {
            ["Limb"] = nameof(Limb.ActsAssociatedWithStalking),
            ["Kind"] = nameof(EvidenceKind.Act),
            ["Description"] = "",
        })).GetDocumentAsync();

        // Assert
        Assert.Equal(["Link a recorded act, risk assessment or document, or describe the evidence (SPA 2019 s.1(1), R3)", "Choose the act or risk assessment this evidence refers to (R3) (SPA 2019 s.1(1))"],
            document.ErrorSummaryMessages());
        Assert.Empty((await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == id))).Evidence);
    }

    [Fact]
    public async Task Post_EvidenceNothingEntered_ShowsEachError()
    {
        // Arrange
        var (_, id) = await BareDraftAsync();
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitAndConfirmAsync($"/workspace/applications/add-evidence/{id}", new Dictionary<string, string>())).GetDocumentAsync();

        // Assert
        Assert.Equal(["Select which part of the test the evidence proves (SPA 2019 s.1(1), R3)", "Select what the evidence is"], document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task Post_ProxyProtectedPerson_R4_IsNamed()
    {
        // Arrange
        var (created, id) = await BareDraftAsync(c => c.WithProxyProtectedPerson());
        var client = await BrowserAsync();

        // Act
        await client.SubmitAndConfirmAsync($"/workspace/applications/add-protected-person/{id}",
            new Dictionary<string, string> { ["VictimId"] = created.ProtectedPersonIds[1].ToString() });

        // Assert
        var application = await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == id));
        Assert.Equal(created.ProtectedPersonIds[1], Assert.Single(application.ProtectedPersons).VictimId);
    }

    [Fact]
    public async Task Post_VictimNotRecordedAsProtected_R4_ShowsCoreRule()
    {
        // Arrange
        var (created, id) = await BareDraftAsync();
        var victimOnly = (await TestData.WithServicesAsync(new DateOnly(2026, 11, 28), s => s.Cases.AddVictimAsync(new AddVictimOptions(created.CaseId,
            new PersonDetails("Vic", "Only", null), VictimRole.DirectVictim, RelationshipToRespondent.Work), StalkingProtection.TestCommon.TestData.Officer))).RecordId;
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitAndConfirmAsync($"/workspace/applications/add-protected-person/{id}",
            new Dictionary<string, string> { ["VictimId"] = victimOnly.ToString() })).GetDocumentAsync();

        // Assert
        var message = Assert.Single(document.ErrorSummaryMessages());
        Assert.Contains("R4", message, StringComparison.Ordinal);
        Assert.Contains("SPA 2019 s.1(1)(c)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NoPersonChosen_ShowsError()
    {
        // Arrange
        var (_, id) = await BareDraftAsync();
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitAndConfirmAsync($"/workspace/applications/add-protected-person/{id}", new Dictionary<string, string>())).GetDocumentAsync();

        // Assert
        Assert.Equal(["Select the person the order is to protect"], document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task Post_LegalServicesComment_IsShownOnTheApplication()
    {
        // Arrange
        var (_, id) = await BareDraftAsync();
        var client = await BrowserAsync(StaffRoles.LegalServices, null);

        // Act
        await client.SubmitAndConfirmAsync($"/workspace/applications/comment-on-application/{id}",
            new Dictionary<string, string> { ["Comment"] = "Limb (b) needs the S-DASH screening linked." });
        var document = await client.GetDocumentAsync($"/workspace/applications/{id}");

        // Assert
        var comments = document.QuerySelector("[data-comments]")!.TextContent;
        Assert.Contains("Limb (b) needs the S-DASH screening linked.", comments, StringComparison.Ordinal);
        Assert.Contains("Legal services", comments, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_EmptyComment_ShowsError()
    {
        // Arrange
        var (_, id) = await BareDraftAsync();
        var client = await BrowserAsync(StaffRoles.LegalServices, null);

        // Act
        var document = await (await client.SubmitAndConfirmAsync($"/workspace/applications/comment-on-application/{id}", new Dictionary<string, string>())).GetDocumentAsync();

        // Assert
        Assert.Equal(["Enter your comment"], document.ErrorSummaryMessages());
    }

    private static string ApplicationChoiceText(JurisdictionBasis basis) =>
        StalkingProtection.Web.Pages.Workspace.Applications.ApplicationChoices.Text(StalkingProtection.Web.Pages.Workspace.Applications.ApplicationChoices.JurisdictionBases, basis);

    [Theory]
    [MemberData(nameof(TaskPages))]
    public async Task Get_TaskPageOfAnotherTeamsApplication_ReturnsNotFound(string page)
    {
        // Arrange
        var (_, id) = await BareDraftAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/applications/{page}/{id}", StaffRoles.Officer, HttpStatusCode.NotFound, "Another Team");
    }

    [Theory]
    [MemberData(nameof(TaskPages))]
    public async Task Get_TaskPageAsLookup_ReturnsForbidden(string page)
    {
        // Arrange
        var (_, id) = await BareDraftAsync();

        // Act and Assert
        foreach (var role in new[] { StaffRoles.Lookup, StaffRoles.Analyst, StaffRoles.Administrator })
        {
            await AssertAccessAsync($"/workspace/applications/{page}/{id}", role, HttpStatusCode.Forbidden);
        }
    }

    [Theory]
    [MemberData(nameof(TaskPages))]
    public async Task Get_TaskPageAsCaseRole_ReturnsOk(string page)
    {
        // Arrange
        var (_, id) = await BareDraftAsync();

        // Act and Assert
        foreach (var role in StaffRoles.CaseRoles)
        {
            await AssertAccessAsync($"/workspace/applications/{page}/{id}", role, HttpStatusCode.OK);
        }
    }
}
