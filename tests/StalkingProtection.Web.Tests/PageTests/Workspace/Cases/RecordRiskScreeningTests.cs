using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

public class RecordRiskScreeningTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    private static Dictionary<string, string> Answers(string answers, RiskLevel level)
    {
        var fields = new Dictionary<string, string> { ["Level"] = level.ToString() };
        for (var i = 0; i < answers.Length; i++)
        {
            fields[$"Answers[{i}]"] = answers[i].ToString();
        }

        foreach (var (k, v) in Date("NextReviewOn", new DateOnly(2026, 12, 28)))
        {
            fields[k] = v;
        }

        return fields;
    }

    [Fact]
    public async Task Post_SDashElevenAnswersThenConfirm_KeepsEachAnswer()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();

        // Act
        var tool = await client.SubmitFormAsync($"/workspace/cases/record-risk-screening/{created.CaseId}", new Dictionary<string, string> { ["Tool"] = nameof(RiskTool.SDash) });
        var answersUrl = tool.Headers.Location!.OriginalString;
        var answers = await client.SubmitFormAsync(answersUrl, Answers("YNUYNNYYNNU", RiskLevel.Medium));
        var checkUrl = answers.Headers.Location!.OriginalString;
        var check = await client.GetDocumentAsync(checkUrl);
        await client.SubmitFormAsync(checkUrl, new Dictionary<string, string>());

        // Assert
        Assert.Equal($"/workspace/cases/record-risk-screening/answers/{created.CaseId}/SDash", answersUrl);
        Assert.Contains("Is the victim very frightened?", check.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        var saved = await Factory.WithDbAsync(db => db.RiskAssessments.SingleAsync(r => r.CaseId == created.CaseId && r.Answers == "YNUYNNYYNNU"));
        Assert.Equal(RiskLevel.Medium, saved.Level);
        Assert.Equal(RiskTool.SDash, saved.Tool);
    }

    [Fact]
    public async Task Post_SashWithExPartnerQuestions_KeepsSixteenAnswers()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();

        // Act
        var answers = await client.SubmitFormAsync($"/workspace/cases/record-risk-screening/answers/{created.CaseId}/Sash", Answers("YYYYNNNNUUUUYNYN", RiskLevel.High));
        await client.SubmitFormAsync(answers.Headers.Location!.OriginalString, new Dictionary<string, string>());

        // Assert
        Assert.True(await Factory.WithDbAsync(db => db.RiskAssessments.AnyAsync(r => r.CaseId == created.CaseId && r.Answers == "YYYYNNNNUUUUYNYN")));
    }

    [Fact]
    public async Task Post_NoToolChosen_ShowsToolError()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitFormAsync($"/workspace/cases/record-risk-screening/{created.CaseId}", new Dictionary<string, string>())).GetDocumentAsync();

        // Assert
        Assert.Equal(["Select the screening tool you used"], document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task Post_QuestionUnansweredAndNoLevel_ShowsEachError()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();
        var fields = Answers("YNUYNNYYNN", RiskLevel.Standard);
        fields.Remove("Level");
        fields.Remove("NextReviewOn.Day");
        fields.Remove("NextReviewOn.Month");
        fields.Remove("NextReviewOn.Year");

        // Act
        var document = await (await client.SubmitFormAsync($"/workspace/cases/record-risk-screening/answers/{created.CaseId}/SDash", fields)).GetDocumentAsync();

        // Assert
        Assert.Equal(["Select an answer to question 11", "Select the level of risk", "Enter the date the risk should be reviewed"], document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task Get_BreachAfterLastScreening_PromptsRescreenOnCasePage()
    {
        // Arrange
        var order = await TestData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 1, 20)).ServedOn(new DateOnly(2026, 2, 1)));
        await TestData.WithServicesAsync(new DateOnly(2026, 3, 1), async s => (await s.Breaches.RecordBreachAsync(new RecordBreachOptions(order.OrderId, order.ConditionIds[0],
            s.Clock.GetUtcNow().AddHours(-2), "Outside her home", "Sent a message despite the no-contact prohibition."), StalkingProtection.TestCommon.TestData.Officer)).BreachId);
        var client = await BrowserAsync(StaffRoles.Coordinator, null);

        // Act
        var document = await client.GetDocumentAsync($"/workspace/cases/{order.Case.CaseId}");

        // Assert
        Assert.NotNull(document.QuerySelector("[data-rescreen]"));
    }

    [Fact]
    public async Task Get_OfficerOfAnotherTeam_ReturnsNotFound()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/cases/record-risk-screening/answers/{created.CaseId}/SDash", StaffRoles.Officer, HttpStatusCode.NotFound, "Another Team");
    }

    [Theory]
    [MemberData(nameof(RolesWithoutCaseAccess))]
    public async Task Get_RoleWithoutCaseAccess_ReturnsForbidden(string role)
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/cases/record-risk-screening/{created.CaseId}", role, HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(CaseRoles))]
    public async Task Get_CaseRole_ReturnsOk(string role)
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/cases/record-risk-screening/{created.CaseId}", role, HttpStatusCode.OK);
    }
}
