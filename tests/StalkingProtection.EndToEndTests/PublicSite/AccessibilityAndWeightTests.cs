using Microsoft.Playwright;

namespace StalkingProtection.EndToEndTests.PublicSite;

public class AccessibilityAndWeightTests(PublicSiteServer server) : IClassFixture<PublicSiteServer>
{
    private const long MaxBytes = 100 * 1024;

    [Fact]
    public async Task Axe_EveryPublicPage_HasNoWcag22AaViolation()
    {
        // Arrange
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        var violations = new List<string>();

        // Act
        foreach (var path in PublicPages.Static)
        {
            await page.GotoAsync(path);
            violations.AddRange((await PublicSiteServer.AccessibilityViolationsAsync(page)).Select(v => $"{path}: {v}"));
        }

        // Assert
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task Axe_EveryReportPage_WithAndWithoutErrors_HasNoWcag22AaViolation()
    {
        // Arrange
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        await ReportBrowser.StartAsync(page);

        // Act
        await ReportBrowser.AnswerAllAsync(page, async p =>
        {
            var path = new Uri(p.Url).AbsolutePath;
            violations.AddRange((await PublicSiteServer.AccessibilityViolationsAsync(p)).Select(v => $"{path}: {v}"));
            // The page as first shown has no error summary, so waiting for one waits for the answer to the empty post
            // (the old page still counts as loaded while the new one is on its way).
            await p.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await p.Locator(".govuk-error-summary").WaitForAsync();
            await p.ArriveAtAsync(p.Url, "after continuing with no answer");
            violations.AddRange((await PublicSiteServer.AccessibilityViolationsAsync(p)).Select(v => $"{path} (after Continue): {v}"));
        });
        violations.AddRange((await PublicSiteServer.AccessibilityViolationsAsync(page)).Select(v => $"check answers: {v}"));
        await page.GotoAsync("/report/emergency");
        violations.AddRange((await PublicSiteServer.AccessibilityViolationsAsync(page)).Select(v => $"emergency: {v}"));
        await page.GotoAsync("/report/check-answers");
        await ReportBrowser.SendAsync(page);
        violations.AddRange((await PublicSiteServer.AccessibilityViolationsAsync(page)).Select(v => $"confirmation: {v}"));

        // Assert
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Theory]
    [MemberData(nameof(PublicPages.All), MemberType = typeof(PublicPages))]
    public async Task FirstLoad_PublicPage_TransfersAtMost100KB(string path)
    {
        // Arrange
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        var requests = new List<IRequest>();
        page.RequestFinished += (_, request) => requests.Add(request);

        // Act
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        long total = 0;
        foreach (var request in requests)
        {
            var sizes = await request.SizesAsync();
            total += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
        }

        // Assert
        Assert.NotEmpty(requests);
        Assert.True(total <= MaxBytes, $"{path} transferred {total} bytes in {requests.Count} requests");
    }
}
