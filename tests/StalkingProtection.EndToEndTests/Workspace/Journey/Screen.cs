using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace StalkingProtection.EndToEndTests.Workspace.Journey;

/// <summary>
/// One person's browser tab, driven by what they read: every move waits for the next document and its heading, then runs
/// the accessibility check on it, so each page of the journey is checked once it is on screen.
/// </summary>
public sealed class Screen(IPage page, AccessibilityAudit audit)
{
    public IPage Page => page;

    public string Path => new Uri(page.Url).AbsolutePath;

    public async Task OpenAsync(string path, string heading)
    {
        await MoveAsync(() => page.GotoAsync(path), heading);
    }

    public Task FollowAsync(string link, string heading) =>
        MoveAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).First.ClickAsync(), heading);

    public Task PressAsync(string button, string heading) =>
        MoveAsync(() => page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync(), heading);

    /// <summary>Presses the button expecting the same page back with the GOV.UK error summary; returns its messages.</summary>
    public async Task<IReadOnlyList<string>> PressExpectingErrorsAsync(string button)
    {
        var next = audit.NextDocumentAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await next;
        await page.Locator(".govuk-error-summary").WaitForAsync();
        await audit.CheckAsync(page);
        return [.. (await page.Locator(".govuk-error-summary__list li").AllInnerTextsAsync()).Select(t => t.Trim())];
    }

    private async Task MoveAsync(Func<Task> move, string heading)
    {
        var next = audit.NextDocumentAsync(page);
        await move();
        await next;
        try
        {
            await page.Locator("h1", new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(heading) + "\\s*$") }).WaitForAsync();
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Expected the page \"{heading}\" but {page.Url} shows: {Squash(await page.Locator("main").InnerTextAsync())}", e);
        }

        await audit.CheckAsync(page);
    }

    public Task FillAsync(string name, string value) => page.Locator($"[name='{name}']").FillAsync(value);

    public async Task FillDateAsync(string name, DateOnly date)
    {
        await FillAsync(name + ".Day", date.Day.ToString(CultureInfo.InvariantCulture));
        await FillAsync(name + ".Month", date.Month.ToString(CultureInfo.InvariantCulture));
        await FillAsync(name + ".Year", date.Year.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Ticks a radio button or checkbox by the value it posts.</summary>
    public Task ChooseAsync(string name, string value) => page.Locator($"input[name='{name}'][value='{value}']").CheckAsync();

    public Task ChooseLabelAsync(string label) => page.GetByLabel(label, new() { Exact = true }).CheckAsync();

    public Task SelectAsync(string name, string value) => page.Locator($"select[name='{name}']").SelectOptionAsync(value);

    public Task SelectFirstAsync(string name) =>
        page.Locator($"select[name='{name}']").SelectOptionAsync(new SelectOptionValue { Index = 1 });

    /// <summary>The value of a GOV.UK summary list row, by its key (the first such row on the page).</summary>
    public async Task<string> SummaryAsync(string key)
    {
        var row = page.Locator(".govuk-summary-list__row")
            .Filter(new() { Has = page.Locator(".govuk-summary-list__key", new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(key) + "\\s*$") }) });
        return Squash(await row.First.Locator(".govuk-summary-list__value").InnerTextAsync());
    }

    public async Task<string> TextAsync(string selector) => Squash(await page.Locator(selector).First.InnerTextAsync());

    public async Task<IReadOnlyList<string>> TextsAsync(string selector) =>
        [.. (await page.Locator(selector).AllInnerTextsAsync()).Select(Squash)];

    public async Task<string> BannerAsync() => Squash(await page.Locator(".govuk-notification-banner").First.InnerTextAsync());

    public async Task<string> TaskStatusAsync(string task)
    {
        var item = page.Locator(".govuk-task-list__item").Filter(new() { HasText = task });
        return Squash(await item.First.Locator(".govuk-task-list__status").InnerTextAsync());
    }

    private static string Squash(string text) => Regex.Replace(text, "\\s+", " ").Trim();
}
