using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

public class RecordSpoDecisionTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    [Fact]
    public async Task Post_DecisionWithReasonsThenConfirm_R39_RecordsDecisionWithRationale()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();
        const string rationale = "Fixated and escalating behaviour; the victim supports an order and no other order protects her.";

        // Act
        var question = await client.SubmitFormAsync($"/workspace/cases/record-spo-decision/{created.CaseId}",
            new Dictionary<string, string> { ["Decision"] = nameof(SpoDecisionOutcome.Apply), ["Rationale"] = rationale, ["AuthorisingOfficer"] = "DI Patel" });
        var checkUrl = question.Headers.Location!.OriginalString;
        var check = await client.GetDocumentAsync(checkUrl);
        var saved = await client.SubmitFormAsync(checkUrl, new Dictionary<string, string>());

        // Assert
        Assert.Contains(rationale, check.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/workspace/cases/{created.CaseId}", saved.Headers.Location!.OriginalString);
        var decision = await Factory.WithDbAsync(db => db.SpoDecisions.SingleAsync(d => d.CaseId == created.CaseId));
        Assert.Equal(SpoDecisionOutcome.Apply, decision.Decision);
        Assert.Equal(rationale, decision.Rationale);
        Assert.Equal("DI Patel", decision.AuthorisingOfficer);
    }

    [Fact]
    public async Task Post_NothingEntered_ShowsDecisionAndReasonErrors()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();

        // Act
        var response = await client.SubmitFormAsync($"/workspace/cases/record-spo-decision/{created.CaseId}", new Dictionary<string, string>());
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(["Select whether to apply for a stalking protection order", "Enter why you made this decision (R39)"], document.ErrorSummaryMessages());
        Assert.NotNull(document.QuerySelector("#Rationale-error"));
    }

    [Fact]
    public async Task Post_ReasonsTooShort_R39_ShowsCoreRuleWithLegalSourceAndSavesNothing()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();
        var question = await client.SubmitFormAsync($"/workspace/cases/record-spo-decision/{created.CaseId}",
            new Dictionary<string, string> { ["Decision"] = nameof(SpoDecisionOutcome.DoNotApply), ["Rationale"] = "No." });

        // Act
        var response = await client.SubmitFormAsync(question.Headers.Location!.OriginalString, new Dictionary<string, string>());
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(AllErrors(document));
        Assert.Contains("R39", message, StringComparison.Ordinal);
        Assert.Contains("Malik [2023] EWHC 3213 (Admin)", message, StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.SpoDecisions.AnyAsync(d => d.CaseId == created.CaseId)));
    }

    [Fact]
    public async Task Get_OfficerOfAnotherTeam_ReturnsNotFound()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/cases/record-spo-decision/{created.CaseId}", StaffRoles.Officer, HttpStatusCode.NotFound, "Another Team");
    }

    [Theory]
    [MemberData(nameof(CaseRoles))]
    public async Task Get_CaseRole_ReturnsOk(string role)
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/cases/record-spo-decision/{created.CaseId}", role, HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(RolesWithoutCaseAccess))]
    public async Task Get_RoleWithoutCaseAccess_ReturnsForbidden(string role)
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/cases/record-spo-decision/{created.CaseId}", role, HttpStatusCode.Forbidden);
    }
}
