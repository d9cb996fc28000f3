using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.EndToEndTests.PublicSite;

public class ReportJourneyBrowserTests(PublicSiteServer server) : IClassFixture<PublicSiteServer>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Report_WholeJourney_LandsInTriageQueue(bool javaScript)
    {
        // Arrange
        await using var context = await server.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();
        await ReportBrowser.StartAsync(page);
        await ReportBrowser.AnswerAllAsync(page);

        // Act
        var reference = await ReportBrowser.SendAsync(page);

        // Assert
        var report = await server.WithDbAsync(db => db.PublicReports.SingleAsync(r => r.Reference == reference));
        Assert.Equal(PublicReportStatus.New, report.Status);
        Assert.Equal(StalkingBehaviours.Following | StalkingBehaviours.WatchingOrSpying, report.Behaviours);
        Assert.Equal("Jo Bloggs", report.SuspectName);
        Assert.Equal(SafeContactMethods.Text, report.ContactMethods);
        Assert.DoesNotContain("07700", report.ProtectedContact, StringComparison.Ordinal);
        Assert.Empty(await page.EvaluateAsync<string[]>("() => Object.keys(localStorage).concat(Object.keys(sessionStorage))")
            ?? []);
    }

    [Fact]
    public async Task Report_ErrorSummary_LinksToTheField()
    {
        // Arrange
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await ReportBrowser.StartAsync(page);

        // Act
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Select who you are reporting for" }).ClickAsync();

        // Assert
        Assert.Equal("ReportingFor", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [Fact]
    public async Task Report_SendButtonClickedTwice_CreatesOneReportAndShowsItsReference()
    {
        // Arrange
        await using var context = await server.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await ReportBrowser.StartAsync(page);
        await ReportBrowser.AnswerAllAsync(page);
        var before = await server.WithDbAsync(db => db.PublicReports.CountAsync());

        // Act
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).DblClickAsync();

        // The second press can reach the service after the first one's confirmation was shown: its answer is the same
        // confirmation, on the address it was sent to (RL9).
        await page.ArriveAtOneOfAsync("after sending the report", "/report/confirmation", "/report/submit");

        // Assert
        Assert.Equal(before + 1, await server.WithDbAsync(db => db.PublicReports.CountAsync()));
        var shown = await page.Locator("[data-report-reference]").InnerTextAsync();
        Assert.True(await server.WithDbAsync(db => db.PublicReports.AnyAsync(r => r.Reference == shown)));
    }

    [Fact]
    public async Task Report_IdleForTwentyFiveMinutes_WarnsInAModalThatTakesFocusAndKeepsAnswersOnRequest()
    {
        // Arrange
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await ReportBrowser.StartAsync(page);
        await page.GetByLabel("Myself").CheckAsync();
        await ReportBrowser.ContinueAsync(page, "immediate-danger");
        await page.Clock.InstallAsync();
        await page.ReloadAsync();
        await page.GetByLabel("No", new() { Exact = true }).FocusAsync();

        // Act
        await page.Clock.RunForAsync("25:01");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "We are about to delete your answers" });
        await dialog.WaitForAsync();
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");
        var modal = await page.EvaluateAsync<bool>("() => document.querySelector('[data-report-timeout-dialog]').matches(':modal')");
        var described = await page.EvaluateAsync<string>("() => document.getElementById(document.querySelector('[data-report-timeout-dialog]').getAttribute('aria-describedby')).textContent");
        var violations = await PublicSiteServer.AccessibilityViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Stay on this page" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await page.Clock.RunForAsync("10:00");

        // Assert
        Assert.Equal("Stay on this page", focused);
        Assert.True(modal);
        Assert.Contains("we will delete your answers in 5 minutes", described, StringComparison.Ordinal);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        Assert.EndsWith("/report/immediate-danger", page.Url, StringComparison.Ordinal);
        Assert.Equal("No", await page.EvaluateAsync<string>("() => document.activeElement.labels[0].textContent.trim()"));
        Assert.False(await dialog.IsVisibleAsync());
    }

    [Fact]
    public async Task Report_IdleForThirtyMinutes_LeavesTheFormForSessionEnded()
    {
        // Arrange
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await ReportBrowser.StartAsync(page);
        await page.Clock.InstallAsync();
        await page.ReloadAsync();

        // Act
        await page.Clock.RunForAsync("30:01");
        await page.ArriveAtAsync("/report/session-ended", "after the session ended");

        // Assert
        Assert.Equal("Your answers have been deleted", (await page.Locator("h1").TextContentAsync())!.Trim());
        Assert.DoesNotContain((await context.CookiesAsync()).Select(c => c.Name), n => n == "sp-report");
    }
}
