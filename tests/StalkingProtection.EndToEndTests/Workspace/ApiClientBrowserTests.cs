using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Integration;
using StalkingProtection.Core.Staff;
using StalkingProtection.EndToEndTests.PublicSite;
using StalkingProtection.TestCommon;

namespace StalkingProtection.EndToEndTests.Workspace;

/// <summary>An administrator creates an API client, copies its key once, rotates it and revokes the client, in Chromium with axe on every page.</summary>
public class ApiClientBrowserTests(PublicSiteServer server) : IClassFixture<PublicSiteServer>
{
    private const string Password = "walnut lighthouse meadow";

    [Fact]
    public async Task ApiClients_CreateRotateRevoke_WorkInTheBrowserWithNoAccessibilityViolation()
    {
        // Arrange
        var email = $"admin-{Guid.NewGuid():N}@test.police.uk";
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<StaffAccountService>()
                .CreateAsync(new CreateStaffAccountOptions(email, "Alex Admin", StaffRoles.Administrator, null, Password), Actor.System);
            Assert.True(result.Succeeded);
        }

        await using var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        async Task CheckAsync() => violations.AddRange((await PublicSiteServer.AccessibilityViolationsAsync(page)).Select(v => $"{new Uri(page.Url).PathAndQuery}: {v}"));
        var name = $"Records system {Guid.NewGuid():N}";

        // Act
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync("**/account/two-factor");
        var secret = await page.TextContentAsync("[data-authenticator-key]");
        await page.FillAsync("#Code", Totp.Compute(secret!, DateTimeOffset.UtcNow));
        await page.ClickAsync("button:has-text('Turn on two-factor authentication')");
        await page.ClickAsync("a:has-text('Continue to the workspace')");
        await page.WaitForURLAsync("**/workspace");

        await page.ClickAsync(".govuk-service-navigation__link:has-text('API clients')");
        await page.WaitForURLAsync("**/workspace/api-clients");
        await CheckAsync();
        await page.ClickAsync("a:has-text('Create an API client')");
        await page.ClickAsync("button:has-text('Create client')");
        await page.WaitForSelectorAsync(".govuk-error-summary");
        await CheckAsync();
        await page.FillAsync("#Name", name);
        await page.CheckAsync("input[name=Scope][value=ReadWrite]");
        await page.CheckAsync("input[name=MayRecordDecisions][value=true]");
        await page.ClickAsync("button:has-text('Create client')");
        var firstKey = (await page.TextContentAsync("[data-api-key]"))!.Trim();
        await CheckAsync();

        await page.GotoAsync("/workspace/api-clients");
        var row = page.Locator("tr", new PageLocatorOptions { HasText = name });
        await row.Locator("a:has-text('Rotate key')").ClickAsync();
        await CheckAsync();
        await page.ClickAsync("button:has-text('Rotate key')");
        var secondKey = (await page.TextContentAsync("[data-api-key]"))!.Trim();
        await CheckAsync();

        await page.GotoAsync("/workspace/api-clients");
        await page.Locator("tr", new PageLocatorOptions { HasText = name }).Locator("a:has-text('Revoke')").ClickAsync();
        await CheckAsync();
        await page.ClickAsync("button:has-text('Revoke client')");
        await page.WaitForURLAsync("**/workspace/api-clients");
        var status = await page.Locator("tr", new PageLocatorOptions { HasText = name }).Locator(".govuk-tag").TextContentAsync();
        await CheckAsync();

        // Assert
        Assert.StartsWith("spk_", firstKey, StringComparison.Ordinal);
        Assert.NotEqual(firstKey, secondKey);
        Assert.Equal("Revoked", status?.Trim());
        var saved = await server.WithDbAsync(db => db.Set<ApiClient>().SingleAsync(c => c.Name == name));
        Assert.False(saved.IsActive);
        Assert.Empty(violations);
    }
}
