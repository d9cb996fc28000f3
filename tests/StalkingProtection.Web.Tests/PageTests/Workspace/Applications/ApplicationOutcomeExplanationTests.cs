using StalkingProtection.Core.Applications;
using StalkingProtection.Web.Tests.ApiTests;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Applications;

/// <summary>An application command's outcome reads the same in the page's flash and in the API's <c>explanation</c>.</summary>
public class ApplicationOutcomeExplanationTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    [Fact]
    public async Task DraftApplicationOnThePageAndThroughTheApi_GiveTheSameExplanation()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();
        var scenario = await new ApiScenario(await ApiSession.CreateAsync(Factory)).WithCaseAsync(new DateOnly(2026, 11, 20));

        // Act
        var question = await client.SubmitFormAsync($"/workspace/applications/draft-application/{created.CaseId}",
            new Dictionary<string, string> { ["Type"] = nameof(ApplicationType.Full), ["ApplicantForce"] = nameof(PoliceForce.WestYorkshire) });
        var saved = await client.SubmitFormAsync(question.Headers.Location!.OriginalString, new Dictionary<string, string>());
        var banner = (await client.GetDocumentAsync(saved.Headers.Location!.OriginalString)).QuerySelector(".govuk-notification-banner")!.TextContent;
        var answer = ApiScenario.Expect(await scenario.Api.PostAsync("/api/v1/applications", scenario.FullApplicationBody()));
        var explanation = answer.Json.GetProperty("explanation").GetString()!;

        // Assert
        Assert.Equal(
            "Application drafted: an application for a stalking protection order (SPA 2019 s.1). Complete the tasks, then a coordinator authorises it before it is lodged.",
            explanation);
        Assert.Contains(explanation, banner, StringComparison.Ordinal);
    }
}
