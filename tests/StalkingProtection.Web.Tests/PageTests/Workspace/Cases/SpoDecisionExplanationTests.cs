using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Tests.ApiTests;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

/// <summary>The SPO decision's outcome reads the same in the page's flash and in the API's <c>explanation</c> (R39).</summary>
public class SpoDecisionExplanationTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    private const string Rationale = "Fixated and escalating behaviour; the victim supports an order and no other order protects her.";

    [Fact]
    public async Task R39_DecideToApplyOnThePageAndThroughTheApi_GiveTheSameExplanation()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();
        var scenario = await new ApiScenario(await ApiSession.CreateAsync(Factory)).WithCaseAsync(new DateOnly(2026, 11, 20));

        // Act
        var question = await client.SubmitFormAsync($"/workspace/cases/record-spo-decision/{created.CaseId}",
            new Dictionary<string, string> { ["Decision"] = nameof(SpoDecisionOutcome.Apply), ["Rationale"] = Rationale, ["AuthorisingOfficer"] = "DI Patel" });
        var saved = await client.SubmitFormAsync(question.Headers.Location!.OriginalString, new Dictionary<string, string>());
        var banner = (await client.GetDocumentAsync(saved.Headers.Location!.OriginalString)).QuerySelector(".govuk-notification-banner")!.TextContent;
        var answer = ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/cases/{scenario.CaseId}/spo-decisions",
            new { decision = "Apply", rationale = Rationale, authorisingOfficer = "DI Patel" }));
        var explanation = answer.Json.GetProperty("explanation").GetString()!;

        // Assert
        var apiDecidedBy = answer.Json.GetProperty("decidedBy").GetString()!;
        var decidedOn = DateWords.Of(DateOnly.Parse(answer.Json.GetProperty("decidedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(
            $"SPO decision recorded: apply for a stalking protection order, decided by {apiDecidedBy}, authorised by DI Patel on {decidedOn}. The reasons are "
            + "kept (R39, Malik [2023] EWHC 3213 (Admin)). Next, draft the application: it names the chief officer applying (R1) and links the evidence to "
            + "each of the three limbs of SPA 2019 s.1(1) before it is submitted (R3).",
            explanation);
        var pageDecision = await Factory.WithDbAsync(db => db.SpoDecisions.SingleAsync(d => d.CaseId == created.CaseId));
        Assert.Equal(pageDecision.DecidedOn, DateOnly.Parse(answer.Json.GetProperty("decidedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(explanation.Replace(apiDecidedBy, pageDecision.DecidedBy, StringComparison.Ordinal), banner, StringComparison.Ordinal);
    }
}
