using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

public class ViewCaseTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    [Fact]
    public async Task Get_CaseInTeam_ShowsPeopleActsRiskAndAuditsConsultation()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync(c => c.WithProxyProtectedPerson());
        var officer = await Factory.CreateUserAsync(StaffRoles.Officer, CaseTeam);
        var client = Factory.CreateBrowser(officer);

        // Act
        var response = await client.GetAsync($"/workspace/cases/{created.CaseId}");
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var people = document.QuerySelector("[data-people]")!.TextContent;
        Assert.Contains("Respondent", people, StringComparison.Ordinal);
        Assert.Contains("Victim and protected person", people, StringComparison.Ordinal);
        Assert.Contains("Protected person", people, StringComparison.Ordinal);
        Assert.Contains("Loitering in any place", document.QuerySelector("[data-acts]")!.TextContent, StringComparison.Ordinal);
        var risk = document.QuerySelector("[data-risk]")!;
        Assert.Contains("High risk. 6 of 11 questions answered yes.", risk.QuerySelector("[data-risk-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Is the victim very frightened? Yes", risk.QuerySelector("[data-risk-answers] li")!.TextContent.Trim());
        Assert.DoesNotContain("YYNYYNNYNNY", risk.TextContent, StringComparison.Ordinal);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == "Case.Viewed" && e.Kind == AuditKind.Consultation && e.RecordId == created.CaseId.ToString() && e.ActorId == officer.Id.ToString())));
    }

    [Fact]
    public async Task Get_NoSpoDecision_R39_WarnsThatTheDecisionIsMissing()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();

        // Act
        var document = await client.GetDocumentAsync($"/workspace/cases/{created.CaseId}");

        // Assert
        Assert.Contains("R39", document.QuerySelector("[data-spo-decision-missing]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_DecisionRecorded_ShowsRationaleAndTimelineWithoutWarning()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        await TestData.WithServicesAsync(created.ReportedOn, s => s.Cases.RecordSpoDecisionAsync(new RecordSpoDecisionOptions(created.CaseId,
            SpoDecisionOutcome.Apply, "Repeated fixated contact; an order is necessary to protect her.", "DI Jones", null), TestData.Officer));
        var client = await BrowserAsync();

        // Act
        var document = await client.GetDocumentAsync($"/workspace/cases/{created.CaseId}");

        // Assert
        Assert.Null(document.QuerySelector("[data-spo-decision-missing]"));
        Assert.Contains("Repeated fixated contact", document.QuerySelector("[data-decisions]")!.TextContent, StringComparison.Ordinal);
        var timeline = document.QuerySelector("[data-timeline]")!.TextContent;
        Assert.Contains("Opened the case", timeline, StringComparison.Ordinal);
        Assert.Contains("Recorded the decision on seeking a stalking protection order", timeline, StringComparison.Ordinal);
        Assert.Contains(TestData.Officer.Name, timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ReferralAndOtherOrder_AreShownOnTheCase()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        await TestData.WithServicesAsync(created.ReportedOn, s => s.Cases.RecordReferralAsync(new RecordReferralOptions(created.CaseId, null,
            ReferralForum.Marac, null, created.ReportedOn, "DC Priya Shah", "High risk DASH with threats"), TestData.Officer));
        await TestData.WithServicesAsync(created.ReportedOn, s => s.Cases.RecordOtherOrderAsync(new RecordOtherOrderOptions(created.RespondentId,
            Core.People.OtherOrderType.NonMolestationOrder, null, "Leeds Family Court", created.ReportedOn.AddDays(-30), true, null, "FL401/1", null),
            TestData.Officer));
        var client = await BrowserAsync();

        // Act
        var document = await client.GetDocumentAsync($"/workspace/cases/{created.CaseId}");

        // Assert
        Assert.Contains("High risk DASH with threats", document.QuerySelector("[data-referrals]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Leeds Family Court", document.QuerySelector("[data-other-orders]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Referred the case to a multi-agency forum", document.QuerySelector("[data-timeline]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_OfficerOfAnotherTeam_ReturnsNotFound()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/cases/{created.CaseId}", StaffRoles.Officer, HttpStatusCode.NotFound, "Another Team");
    }

    [Fact]
    public async Task Get_OfficerInChargeInAnotherTeam_ReturnsOk()
    {
        // Arrange
        var officer = await Factory.CreateUserAsync(StaffRoles.Officer, "Another Team");
        var created = await TestData.CreateCaseAsync();
        await Factory.WithDbAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == created.CaseId);
            c.Assign(officer.Id.ToString(), CaseTeam);
            return await db.SaveChangesAsync();
        });
        var client = Factory.CreateBrowser(officer);

        // Act
        var response = await client.GetAsync($"/workspace/cases/{created.CaseId}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(CaseRoles))]
    public async Task Get_CaseRoleInTeam_ReturnsOk(string role)
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/cases/{created.CaseId}", role, HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(RolesWithoutCaseAccess))]
    public async Task Get_RoleWithoutCaseAccess_ReturnsForbidden(string role)
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/cases/{created.CaseId}", role, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Get_UnknownCase_ReturnsNotFound() =>
        await AssertAccessAsync($"/workspace/cases/{Guid.NewGuid()}", StaffRoles.Coordinator, HttpStatusCode.NotFound);
}
