using Microsoft.Playwright;

namespace StalkingProtection.EndToEndTests.PublicSite;

/// <summary>The report journey as a person does it, by labels and buttons.</summary>
public static class ReportBrowser
{
    public static async Task StartAsync(IPage page)
    {
        await page.GotoAsync("/report");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        await page.ArriveAtAsync("/report/staying-safe", "After \"Start now\"");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the report" }).ClickAsync();
        await page.ArriveAtAsync("/report/reporting-for", "After \"Start the report\"");
    }

    /// <summary>Answers every question; <paramref name="onEachPage"/> runs on each page before it is answered.</summary>
    public static async Task AnswerAllAsync(IPage page, Func<IPage, Task>? onEachPage = null)
    {
        onEachPage ??= _ => Task.CompletedTask;
        await onEachPage(page);
        await page.GetByLabel("Myself").CheckAsync();
        await ContinueAsync(page, "immediate-danger");

        await onEachPage(page);
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await ContinueAsync(page, "what-happened");

        await onEachPage(page);
        await page.GetByLabel("Following you").CheckAsync();
        await page.GetByLabel("Watching or spying on you").CheckAsync();
        await ContinueAsync(page, "when-started");

        await onEachPage(page);
        await page.GetByLabel("When did it start?").FillAsync("Last spring");
        await ContinueAsync(page, "how-often");

        await onEachPage(page);
        await page.GetByLabel("Every day").CheckAsync();
        await ContinueAsync(page, "who-is-doing-it");

        await onEachPage(page);
        await page.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await ContinueAsync(page, "about-them");

        await onEachPage(page);
        await page.GetByLabel("Their name").FillAsync("Jo Bloggs");
        await ContinueAsync(page, "effect");

        await onEachPage(page);
        await page.GetByLabel("How is this affecting you?").FillAsync("I do not feel safe at home.");
        await ContinueAsync(page, "safe-contact");

        await onEachPage(page);
        await page.GetByLabel("Text message").CheckAsync();
        await ContinueAsync(page, "contact-details");

        await onEachPage(page);
        await page.GetByLabel("A safe phone number").FillAsync("07700 900123");
        await ContinueAsync(page, "safe-times");

        await onEachPage(page);
        await page.GetByLabel("When is it safe to contact you?").FillAsync("Mornings");
        await ContinueAsync(page, "check-answers");
    }

    /// <summary>Sends the report from check your answers and returns the reference shown.</summary>
    public static async Task<string> SendAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await page.ArriveAtAsync("/report/confirmation", "After \"Send report\"");
        return (await page.Locator("[data-report-reference]").TextContentAsync())!.Trim();
    }

    public static async Task ContinueAsync(IPage page, string next)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.ArriveAtAsync($"/report/{next}", "After \"Continue\"");
    }
}
