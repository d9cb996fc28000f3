using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Staff;
using StalkingProtection.EndToEndTests.PublicSite;
using StalkingProtection.TestCommon;

namespace StalkingProtection.EndToEndTests.Workspace;

/// <summary>
/// A staff account made for a browser test, and its first sign-in: a new account must set up two-factor, and the recovery
/// codes are shown once before the workspace opens.
/// </summary>
internal static class StaffBrowserSignIn
{
    public static async Task<string> CreateAccountAsync(PublicSiteServer server, string displayName, string role, string password, string? team = null)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.police.uk";
        await using var scope = server.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<StaffAccountService>()
            .CreateAsync(new CreateStaffAccountOptions(email, displayName, role, team, password), Actor.System);
        Assert.True(result.Succeeded);
        return email;
    }

    /// <summary>
    /// Signs in, sets up two-factor and continues to the workspace, checking each page with the test's own check (which waits
    /// for the heading); answers how many recovery codes were shown.
    /// </summary>
    /// <summary>The first sign-in, waiting only for each page's heading.</summary>
    public static Task<int> SignInAndSetUpTwoFactorAsync(IPage page, string email, string password) =>
        SignInAndSetUpTwoFactorAsync(page, email, password, (p, heading) => p.Locator("h1", new() { HasTextString = heading }).First.WaitForAsync());

    public static async Task<int> SignInAndSetUpTwoFactorAsync(IPage page, string email, string password, Func<IPage, string, Task> checkAsync)
    {
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("button:has-text('Sign in')");
        await checkAsync(page, "Set up two-factor authentication");
        var key = await page.TextContentAsync("[data-authenticator-key]");
        await page.FillAsync("#Code", Totp.Compute(key!, DateTimeOffset.UtcNow));
        await page.ClickAsync("button:has-text('Turn on two-factor authentication')");
        await checkAsync(page, "Two-factor authentication is on");
        var recoveryCodes = await page.Locator("[data-recovery-code]").CountAsync();
        await page.ClickAsync("a:has-text('Continue to the workspace')");
        await page.ArriveAtAsync("/workspace", "after turning on two-factor authentication");
        return recoveryCodes;
    }
}
