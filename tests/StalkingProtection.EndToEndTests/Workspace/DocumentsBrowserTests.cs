using Microsoft.Playwright;
using StalkingProtection.Core.Staff;
using StalkingProtection.EndToEndTests.PublicSite;
using StalkingProtection.TestCommon;

namespace StalkingProtection.EndToEndTests.Workspace;

/// <summary>
/// An officer downloads the order briefing from the order's documents page and the application pack from the application page: each
/// form first refuses a download without its purpose (DPA 2018 s.62) with the GOV.UK error summary, then starts the download.
/// </summary>
public class DocumentsBrowserTests(PublicSiteServer server) : IClassFixture<PublicSiteServer>
{
    private const string Password = "harbour thistle meadow";
    private const string Team = "Documents North";

    [Fact]
    public async Task OrderDocumentsAndApplicationPack_WithoutAPurposeShowTheErrorSummary_ThenDownload_WithNoAccessibilityViolation()
    {
        // Arrange
        var testData = new TestData(server.Database);
        var order = await testData.CreateOrderAsync(o => o.WithCase(c => c.InTeam(Team)));
        var application = await testData.CreateApplicationAsync(a => a.Draft().WithCase(c => c.InTeam(Team)));
        var email = await StaffBrowserSignIn.CreateAccountAsync(server, "Doc Officer", StaffRoles.Officer, Password, Team);
        await using var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, AcceptDownloads = true });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await StaffBrowserSignIn.SignInAndSetUpTwoFactorAsync(page, email, Password);

        // Act
        await page.GotoAsync($"/workspace/orders/{order.OrderId}/documents?document=OrderBriefing&format=Pdf");
        await page.ClickAsync("button:has-text('Download')");
        await page.WaitForSelectorAsync(".govuk-error-summary");
        var orderErrors = await page.Locator(".govuk-error-summary__list li").AllTextContentsAsync();
        var orderViolations = await PublicSiteServer.AccessibilityViolationsAsync(page);
        await page.FillAsync("#Purpose", "Briefing the late turn");
        var briefing = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("button:has-text('Download')"));

        await page.GotoAsync($"/workspace/applications/{application.ApplicationId}");
        await page.ClickAsync("[data-application-pack] a:has-text('Word document')");
        await page.ClickAsync("button:has-text('Download')");
        await page.WaitForSelectorAsync(".govuk-error-summary");
        var packErrors = await page.Locator(".govuk-error-summary__list li").AllTextContentsAsync();
        var packViolations = await PublicSiteServer.AccessibilityViolationsAsync(page);
        await page.FillAsync("#Purpose", "Lodging with the court");
        var pack = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("button:has-text('Download')"));

        // Assert
        Assert.Equal(["Enter why you need the document"], orderErrors.Select(e => e.Trim()));
        Assert.Empty(orderViolations);
        Assert.StartsWith("order-briefing-", briefing.SuggestedFilename, StringComparison.Ordinal);
        Assert.EndsWith(".pdf", briefing.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal(["Enter why you need the document"], packErrors.Select(e => e.Trim()));
        Assert.Empty(packViolations);
        Assert.StartsWith("application-pack-", pack.SuggestedFilename, StringComparison.Ordinal);
        Assert.EndsWith(".docx", pack.SuggestedFilename, StringComparison.Ordinal);
    }
}
