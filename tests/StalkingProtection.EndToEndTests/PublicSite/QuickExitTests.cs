using Microsoft.Playwright;

namespace StalkingProtection.EndToEndTests.PublicSite;

public class QuickExitTests(PublicSiteServer server) : IClassFixture<PublicSiteServer>
{
    private async Task<IPage> OpenAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);

        // quick-exit.js adds the Shift indicator when it has started listening for keys.
        await page.Locator(".app-quick-exit .govuk-exit-this-page__indicator").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return page;
    }

    private async Task AssertLeftAsync(IPage page, string from)
    {
        var neutral = $"{server.BaseUrl}{PublicSiteServer.NeutralPath}";
        await page.ArriveAtAsync(neutral, $"Leaving {from}");

        await page.GoBackAsync(new() { WaitUntil = WaitUntilState.Commit });
        await PollAsync(() => Task.FromResult(page.Url != neutral));
        Assert.DoesNotContain(from, page.Url, StringComparison.Ordinal);
        Assert.StartsWith("about:blank", page.Url, StringComparison.Ordinal);
    }

    private static async Task PollAsync(Func<Task<bool>> done)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!await done() && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Escape_OnEveryPublicPage_LeavesAndBackDoesNotReturn()
    {
        // Arrange
        await using var context = await server.NewContextAsync();

        foreach (var path in PublicPages.Static)
        {
            var page = await OpenAsync(context, path);

            // Act
            await page.Keyboard.PressAsync("Escape");

            // Assert
            await AssertLeftAsync(page, path);
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task Escape_WhileTypingInAFormField_Leaves()
    {
        // Arrange
        await using var context = await server.NewContextAsync();
        var page = await OpenAsync(context, "/feedback");
        await page.GetByLabel("How could we improve this website? (optional)").PressSequentiallyAsync("Half a sen");

        // Act
        await page.Keyboard.PressAsync("Escape");

        // Assert
        await AssertLeftAsync(page, "/feedback");
    }

    [Fact]
    public async Task Escape_WhileTypingInTheReportForm_LeavesFromEveryQuestion()
    {
        // Arrange
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await ReportBrowser.StartAsync(page);
        var questions = new List<string>();
        await ReportBrowser.AnswerAllAsync(page, p =>
        {
            questions.Add(new Uri(p.Url).AbsolutePath);
            return Task.CompletedTask;
        });

        foreach (var path in questions.Append("/report/check-answers"))
        {
            var question = await OpenAsync(context, path);
            var field = question.Locator("main input[type=text], main input[type=tel], main textarea").First;
            if (await field.CountAsync() > 0)
            {
                await field.FocusAsync();
                await question.Keyboard.TypeAsync("typing");
            }

            // Act
            await question.Keyboard.PressAsync("Escape");

            // Assert
            await AssertLeftAsync(question, path);
            await question.CloseAsync();
        }
    }

    [Fact]
    public async Task ShiftThreeTimes_OnPublicPages_Leaves()
    {
        // Arrange
        await using var context = await server.NewContextAsync();

        foreach (var path in new[] { "/", "/report", "/support", "/error/404" })
        {
            var page = await OpenAsync(context, path);

            // Act
            await page.Keyboard.PressAsync("Shift");
            await page.Keyboard.PressAsync("Shift");
            await page.Keyboard.PressAsync("Shift");

            // Assert
            await AssertLeftAsync(page, path);
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task ShiftTwice_ShowsHowManyMorePressesAndStays()
    {
        // Arrange
        await using var context = await server.NewContextAsync();
        var page = await OpenAsync(context, "/support");

        // Act
        await page.Keyboard.PressAsync("Shift");
        await page.Keyboard.PressAsync("Shift");

        // Assert
        Assert.EndsWith("/support", page.Url, StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator(".govuk-exit-this-page__indicator-light--on").CountAsync());
    }

    [Fact]
    public async Task Button_Click_LeavesAndBackDoesNotReturn()
    {
        // Arrange
        await using var context = await server.NewContextAsync();
        var page = await OpenAsync(context, "/what-is-stalking");

        // Act
        await page.Locator(".app-quick-exit__button").ClickAsync();

        // Assert
        await AssertLeftAsync(page, "/what-is-stalking");
    }

    [Fact]
    public async Task Button_WithoutJavaScript_IsAPlainLink()
    {
        // Arrange
        await using var context = await server.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/support");

        // Act
        await page.Locator(".app-quick-exit__button").ClickAsync();

        // Assert
        await page.ArriveAtAsync($"{server.BaseUrl}{PublicSiteServer.NeutralPath}", "Leaving");
    }

    [Fact]
    public async Task Button_StaysInViewWhenScrolled()
    {
        // Arrange
        await using var context = await server.NewContextAsync();
        var page = await OpenAsync(context, "/privacy");

        // Act
        await page.Mouse.WheelAsync(0, 3000);
        await page.WaitForTimeoutAsync(200);

        // Assert
        var box = await page.Locator(".app-quick-exit__button").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.InRange(box.Y, 0, 50);
    }
}
