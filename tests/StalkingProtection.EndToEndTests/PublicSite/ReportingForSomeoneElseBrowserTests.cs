using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.EndToEndTests.PublicSite;

public class ReportingForSomeoneElseBrowserTests(PublicSiteServer server) : IClassFixture<PublicSiteServer>
{
    [Fact]
    public async Task Report_ForSomeoneElse_AsksWhoFirstThenAboutThePersonAndSpeaksOfThem()
    {
        // Arrange
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        await ReportBrowser.StartAsync(page);

        // Act
        var firstQuestion = await page.Locator("h1").InnerTextAsync();
        await page.GetByLabel("Someone else").CheckAsync();
        await ReportBrowser.ContinueAsync(page, "immediate-danger");
        var dangerQuestion = await page.Locator("h1").InnerTextAsync();
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await ReportBrowser.ContinueAsync(page, "the-person");

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        var errors = await page.Locator(".govuk-error-summary__list li").AllInnerTextsAsync();
        violations.AddRange(await PublicSiteServer.AccessibilityViolationsAsync(page));
        await page.GetByLabel("Their name").FillAsync("Sam Example");
        await page.GetByRole(AriaRole.Group, new() { Name = "Do they know you are reporting this?" }).GetByLabel("No", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Do not contact them").CheckAsync();
        violations.AddRange(await PublicSiteServer.AccessibilityViolationsAsync(page));
        await ReportBrowser.ContinueAsync(page, "what-happened");

        await page.GetByLabel("Following them").CheckAsync();
        await page.GetByLabel("Hanging around places they go").CheckAsync();
        await ReportBrowser.ContinueAsync(page, "when-started");
        await page.GetByLabel("When did it start?").FillAsync("In the summer");
        await ReportBrowser.ContinueAsync(page, "how-often");
        await page.GetByLabel("Every day").CheckAsync();
        await ReportBrowser.ContinueAsync(page, "who-is-doing-it");
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await ReportBrowser.ContinueAsync(page, "effect");
        var effectQuestion = await page.Locator("h1").InnerTextAsync();
        await page.GetByLabel("How is this affecting them?").FillAsync("They have stopped going out.");
        await ReportBrowser.ContinueAsync(page, "safe-contact");
        await page.GetByLabel("Text message").CheckAsync();
        await ReportBrowser.ContinueAsync(page, "contact-details");
        await page.GetByLabel("A safe phone number").FillAsync("07700 900456");
        await ReportBrowser.ContinueAsync(page, "safe-times");
        await page.GetByLabel("When is it safe to contact you?").FillAsync("Evenings");
        await ReportBrowser.ContinueAsync(page, "check-answers");
        var answers = await page.InnerTextAsync("main");
        violations.AddRange(await PublicSiteServer.AccessibilityViolationsAsync(page));
        var reference = await ReportBrowser.SendAsync(page);

        // Assert
        Assert.Equal("Who are you reporting for?", firstQuestion.Trim());
        Assert.Equal("Are you or the person you are reporting for in immediate danger?", dangerQuestion.Trim());
        Assert.Equal(
            ["Enter the name of the person you are reporting for", "Select yes if they know you are reporting this", "Select whether we can contact them"],
            errors.Select(e => e.Trim()).ToArray());
        Assert.Equal("How is this affecting them?", effectQuestion.Trim());
        Assert.Contains("Sam Example", answers, StringComparison.Ordinal);
        Assert.Contains("Following them", answers, StringComparison.Ordinal);
        Assert.Contains("Do not contact them", answers, StringComparison.Ordinal);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        var report = await server.WithDbAsync(db => db.PublicReports.AsNoTracking().SingleAsync(r => r.Reference == reference));
        Assert.Equal(ReportingFor.SomeoneElse, report.ReportingFor);
        Assert.False(report.PersonKnowsAboutReport);
        Assert.Equal(PersonContactRoute.NotAtAll, report.PersonContactRoute);
        Assert.DoesNotContain("Sam Example", report.ProtectedContact!, StringComparison.Ordinal);
    }
}
