using Microsoft.Playwright;

namespace StalkingProtection.EndToEndTests.PublicSite;

/// <summary>
/// The breach report as a person does it, with JavaScript on: every page passes axe, a page with an error has its error summary
/// focused, and the Escape key leaves from it.
/// </summary>
public class ReportBreachBrowserTests(PublicSiteServer server) : IClassFixture<PublicSiteServer>
{
    private static async Task ContinueAsync(IPage page, string next)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.ArriveAtAsync($"/report-breach/{next}", "After \"Continue\"");
    }

    private static async Task AssertAccessibleAsync(IPage page) =>
        Assert.Empty(await PublicSiteServer.AccessibilityViolationsAsync(page));

    [Fact]
    public async Task ReportBreach_WholeJourney_EveryPageAccessible_NeutralConfirmationWithReference()
    {
        // Arrange
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();

        // Act
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Report a breach of a stalking protection order" }).ClickAsync();
        await page.ArriveAtAsync("/report-breach", "From the home page");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        await page.ArriveAtAsync("/report-breach/order-reference", "After \"Start now\"");

        await AssertAccessibleAsync(page);
        await page.GetByLabel("What is the reference of the order?").FillAsync("spo zzzz 4444");
        await ContinueAsync(page, "reporting-for");

        await AssertAccessibleAsync(page);
        await page.GetByLabel("Myself").CheckAsync();
        await ContinueAsync(page, "what-happened");

        await AssertAccessibleAsync(page);
        await page.GetByLabel("What happened?").FillAsync("He sent me a message on social media.");
        await ContinueAsync(page, "when-it-happened");

        await AssertAccessibleAsync(page);
        await page.GetByLabel("Day").FillAsync("2");
        await page.GetByLabel("Month").FillAsync("1");
        await page.GetByLabel("Year").FillAsync("2026");
        await page.GetByLabel("Time (optional)").FillAsync("8pm");
        await ContinueAsync(page, "where-it-happened");

        await AssertAccessibleAsync(page);
        await page.GetByLabel("Where did it happen?").FillAsync("Online, on Instagram");
        await ContinueAsync(page, "evidence");

        await AssertAccessibleAsync(page);
        await page.GetByLabel("Is there any evidence? (optional)").FillAsync("A screenshot of the message");
        await ContinueAsync(page, "safe-contact");

        await AssertAccessibleAsync(page);
        await page.GetByLabel("Do not contact me").CheckAsync();
        await ContinueAsync(page, "check-answers");

        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await page.ArriveAtAsync("/report-breach/confirmation", "After \"Send report\"");

        // Assert
        await AssertAccessibleAsync(page);
        Assert.Matches("^SPB-[A-Z2-9]{4}-[A-Z2-9]{4}$", (await page.Locator("[data-report-reference]").TextContentAsync())!.Trim());
        Assert.DoesNotContain((await context.CookiesAsync()).Select(c => c.Name), n => n == "sp-report");
    }

    [Fact]
    public async Task ReportBreach_ThreeErrorPages_ErrorSummaryTakesFocus_NothingReflected_EscapeLeaves()
    {
        // Arrange
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/report-breach");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        await page.ArriveAtAsync("/report-breach/order-reference", "After \"Start now\"");

        // Act: script for the order reference, nothing for what happened, a day that does not exist for when.
        await page.GetByLabel("What is the reference of the order?").FillAsync("<script>window.spSweep = true</script>");
        var reference = await ContinueExpectingErrorsAsync(page);
        await page.GetByLabel("What is the reference of the order?").FillAsync("spo zzzz 4444");
        await ContinueAsync(page, "reporting-for");
        await page.GetByLabel("Myself").CheckAsync();
        await ContinueAsync(page, "what-happened");
        var whatHappened = await ContinueExpectingErrorsAsync(page);
        await page.GetByLabel("What happened?").FillAsync("He waited outside my work.");
        await ContinueAsync(page, "when-it-happened");
        await page.GetByLabel("Day").FillAsync("31");
        await page.GetByLabel("Month").FillAsync("2");
        await page.GetByLabel("Year").FillAsync("2026");
        var when = await ContinueExpectingErrorsAsync(page);
        await page.Locator(".app-quick-exit .govuk-exit-this-page__indicator").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Keyboard.PressAsync("Escape");

        // Assert
        Assert.Equal(["Enter the reference in the format SPO-7KQ2-M9XD"], reference);
        Assert.Single(whatHappened);
        Assert.Single(when);
        var neutral = $"{server.BaseUrl}{PublicSiteServer.NeutralPath}";
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (page.Url != neutral && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(neutral, page.Url);
    }

    /// <summary>Continues expecting the same page back with its error summary focused, accessible, and no answer run as script.</summary>
    private static async Task<IReadOnlyList<string>> ContinueExpectingErrorsAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();

        // govuk-frontend's error summary takes focus when it starts.
        await page.WaitForFunctionAsync("() => document.activeElement?.classList.contains('govuk-error-summary')");
        Assert.False(await page.EvaluateAsync<bool>("() => window.spSweep === true"));
        await AssertAccessibleAsync(page);
        return await page.Locator(".govuk-error-summary__list a").AllInnerTextsAsync();
    }
}
