using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using StalkingProtection.Core.Integration;
using StalkingProtection.Core.Staff;
using StalkingProtection.EndToEndTests.PublicSite;

namespace StalkingProtection.EndToEndTests.Workspace;

/// <summary>An administrator creates an API client, copies its key once, rotates it and revokes the client, in Chromium with axe on every page.</summary>
public class ApiClientBrowserTests(PublicSiteServer server) : IClassFixture<PublicSiteServer>
{
    private const string Password = "walnut lighthouse meadow";

    [Fact]
    public async Task ApiClients_CreateRotateRevoke_WorkInTheBrowserWithNoAccessibilityViolation()
    {
        // Arrange
        var email = await StaffBrowserSignIn.CreateAccountAsync(server, "Alex Admin", StaffRoles.Administrator, Password);
        var violations = new List<string>();
        async Task CheckAsync(IPage page, string heading)
        {
            await page.Locator("h1", new() { HasTextString = heading }).First.WaitForAsync();
            violations.AddRange((await PublicSiteServer.AccessibilityViolationsAsync(page)).Select(v => $"{new Uri(page.Url).PathAndQuery}: {v}"));
        }

        await using var context = await server.NewContextAsync();
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var name = $"Records system {Guid.NewGuid():N}";
        ILocator Row() => page.Locator("tr", new() { HasTextString = name });

        // Act
        await StaffBrowserSignIn.SignInAndSetUpTwoFactorAsync(page, email, Password, CheckAsync);
        await page.ClickAsync(".govuk-service-navigation__link:has-text('API clients')");
        await CheckAsync(page, "API clients");
        await page.ClickAsync("a:has-text('Create an API client')");
        await CheckAsync(page, "Create an API client");
        await page.ClickAsync("main button:has-text('Continue')");
        await CheckAsync(page, "Create an API client");
        var errors = await page.Locator(".govuk-error-summary__list li").CountAsync();
        await page.FillAsync("#Name", name);
        await page.CheckAsync("input[name=Scope][value=ReadWrite]");
        await page.CheckAsync("input[name=MayRecordDecisions][value=true]");
        await page.ClickAsync("main button:has-text('Continue')");
        await CheckAsync(page, "Check your answers");
        await page.ClickAsync("main button:has-text('Create client')");
        await CheckAsync(page, "API client created");
        var firstKey = (await page.TextContentAsync("[data-api-key]"))!.Trim();

        await page.GotoAsync("/workspace/api-clients");
        await CheckAsync(page, "API clients");
        await Row().Locator("a:has-text('Rotate key')").ClickAsync();
        await CheckAsync(page, "Rotate the key");
        await page.ClickAsync("main button:has-text('Rotate key')");
        await CheckAsync(page, "Key rotated");
        var secondKey = (await page.TextContentAsync("[data-api-key]"))!.Trim();

        await page.GotoAsync("/workspace/api-clients");
        await Row().Locator("a:has-text('Revoke')").ClickAsync();
        await CheckAsync(page, "Revoke the client");
        await page.ClickAsync("main button:has-text('Revoke client')");
        await CheckAsync(page, "API clients");
        var status = await Row().Locator(".govuk-tag").TextContentAsync();

        // Assert
        Assert.Equal(3, errors);
        Assert.StartsWith("spk_", firstKey, StringComparison.Ordinal);
        Assert.StartsWith("spk_", secondKey, StringComparison.Ordinal);
        Assert.NotEqual(firstKey, secondKey);
        Assert.Equal("Revoked", status?.Trim());
        var saved = await server.WithDbAsync(db => db.Set<ApiClient>().SingleAsync(c => c.Name == name));
        Assert.False(saved.IsActive);
        Assert.Empty(violations);
    }
}
