using Microsoft.Playwright;

namespace StalkingProtection.EndToEndTests.PublicSite;

/// <summary>
/// Hostile or missing answers on the report journey, with JavaScript on: the page comes back with its error summary
/// focused, so a screen reader reads the errors first, and quick exit still leaves from the page with errors.
/// </summary>
public class ReportErrorPagesBrowserTests(PublicSiteServer server) : IClassFixture<PublicSiteServer>
{
    private const string Script = "<script>window.spSweep = true</script>";

    /// <summary>Three questions of the journey, reached in order, each sent with a hostile answer.</summary>
    private static async Task<List<(string Path, IPage Page)>> ErrorPagesAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await ReportBrowser.StartAsync(page);
        var pages = new List<(string, IPage)>();

        // Who are you reporting for? An option that is not on the page.
        await page.EvaluateAsync("() => { const r = document.querySelector('input[type=radio]'); r.value = 'sp-unknown-option'; r.checked = true; }");
        await SendExpectingErrorsAsync(page);
        pages.Add(("/report/reporting-for", page));

        page = await context.NewPageAsync();
        await page.GotoAsync("/report/reporting-for");
        await page.GetByLabel("Myself").CheckAsync();
        await ReportBrowser.ContinueAsync(page, "immediate-danger");
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await ReportBrowser.ContinueAsync(page, "what-happened");

        // What is happening? Nothing ticked.
        await SendExpectingErrorsAsync(page);
        pages.Add(("/report/what-happened", page));

        page = await context.NewPageAsync();
        await page.GotoAsync("/report/what-happened");
        await page.GetByLabel("Following you").CheckAsync();
        await ReportBrowser.ContinueAsync(page, "when-started");

        // When did it start? 100,000 characters of script.
        await page.GetByLabel("When did it start?").FillAsync(string.Concat(Enumerable.Repeat(Script, 100_000 / Script.Length)));
        await SendExpectingErrorsAsync(page);
        pages.Add(("/report/when-started", page));
        return pages;
    }

    private static async Task SendExpectingErrorsAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();

        // govuk-frontend's error summary takes focus when it starts.
        await page.WaitForFunctionAsync("() => document.activeElement?.classList.contains('govuk-error-summary')");
    }

    [Fact]
    public async Task ReportJourney_HostileAnswers_ErrorSummaryTakesFocus_NothingReflectedAsScript()
    {
        // Arrange
        await using var context = await server.NewContextAsync();

        // Act
        var pages = await ErrorPagesAsync(context);

        // Assert
        Assert.Equal(3, pages.Count);
        foreach (var (path, page) in pages)
        {
            Assert.EndsWith(path, new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
            Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('govuk-error-summary')"), path);
            Assert.NotEmpty(await page.Locator(".govuk-error-summary__list a").AllInnerTextsAsync());
            Assert.False(await page.EvaluateAsync<bool>("() => window.spSweep === true"), path);
            Assert.Empty(await PublicSiteServer.AccessibilityViolationsAsync(page));
        }
    }

    [Fact]
    public async Task ReportJourney_ErrorPages_QuickExitStillLeaves()
    {
        // Arrange
        await using var context = await server.NewContextAsync();
        var pages = await ErrorPagesAsync(context);
        var neutral = $"{server.BaseUrl}{PublicSiteServer.NeutralPath}";

        for (var i = 0; i < pages.Count; i++)
        {
            var (path, page) = pages[i];
            await page.Locator(".app-quick-exit .govuk-exit-this-page__indicator").WaitForAsync(new() { State = WaitForSelectorState.Attached });

            // Act: the button on the first, Escape on the second, Shift three times on the third.
            switch (i)
            {
                case 0:
                    await page.Locator(".app-quick-exit__button").ClickAsync();
                    break;
                case 1:
                    await page.Keyboard.PressAsync("Escape");
                    break;
                default:
                    await page.Keyboard.PressAsync("Shift");
                    await page.Keyboard.PressAsync("Shift");
                    await page.Keyboard.PressAsync("Shift");
                    break;
            }

            // Assert
            await PollAsync(() => page.Url == neutral);
            Assert.True(page.Url == neutral, $"{path} did not leave: {page.Url}");
        }
    }

    private static async Task PollAsync(Func<bool> done)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!done() && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }
}
