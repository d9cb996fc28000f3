using Microsoft.Playwright;
using StalkingProtection.Core.Staff;
using StalkingProtection.EndToEndTests.PublicSite;

namespace StalkingProtection.EndToEndTests.Workspace;

/// <summary>The account pages in Chromium, checked with axe: an administrator invites a member of staff, who sets a password and two-factor; the administrator's own password and sessions pages.</summary>
public class AccountPagesBrowserTests(PublicSiteServer server) : IClassFixture<PublicSiteServer>
{
    private const string Password = "copper kettle orchard";

    [Fact]
    public async Task AccountPages_InviteSetUpChangeAndSignOut_HaveNoAccessibilityViolation()
    {
        // Arrange
        var adminEmail = await StaffBrowserSignIn.CreateAccountAsync(server, "Sam Admin", StaffRoles.Administrator, Password);
        var staffEmail = $"invited-{Guid.NewGuid():N}@test.police.uk";

        var violations = new List<string>();
        async Task CheckAsync(IPage page, string heading)
        {
            await page.Locator("h1", new() { HasTextString = heading }).First.WaitForAsync();
            violations.AddRange((await PublicSiteServer.AccessibilityViolationsAsync(page)).Select(v => $"{page.Url}: {v}"));
        }

        await using var adminContext = await server.NewContextAsync();
        adminContext.SetDefaultTimeout(60_000);
        var admin = await adminContext.NewPageAsync();

        // Act: the administrator signs in and sets up two-factor
        var recoveryCodes = await StaffBrowserSignIn.SignInAndSetUpTwoFactorAsync(admin, adminEmail, Password, CheckAsync);

        // ...invites a member of staff
        await admin.GotoAsync("/workspace/staff");
        await CheckAsync(admin, "Staff accounts");
        await admin.ClickAsync("a:has-text('Invite a member of staff')");
        await CheckAsync(admin, "Invite a member of staff");
        await admin.ClickAsync("button:has-text('Continue')");
        await CheckAsync(admin, "Invite a member of staff");
        var errors = await admin.Locator(".govuk-error-summary__list li").CountAsync();
        await admin.FillAsync("#Email", staffEmail);
        await admin.FillAsync("#DisplayName", "DC Rowan Hale");
        await admin.CheckAsync($"input[name=Roles][value={StaffRoles.Officer}]");
        await admin.FillAsync("#Team", "Leeds Stalking Unit");
        await admin.ClickAsync("button:has-text('Continue')");
        await CheckAsync(admin, "Check your answers");
        await admin.ClickAsync("button:has-text('Create invitation')");
        await CheckAsync(admin, "Invitation created");
        var link = (await admin.TextContentAsync("[data-set-up-link]"))!.Trim();

        // ...who sets a password through the link, then must set up two-factor
        await using var staffContext = await server.NewContextAsync();
        staffContext.SetDefaultTimeout(60_000);
        var staff = await staffContext.NewPageAsync();
        await staff.GotoAsync(new Uri(link).PathAndQuery);
        await CheckAsync(staff, "Create a password");
        await staff.FillAsync("#Password", "password1234");
        await staff.FillAsync("#ConfirmPassword", "password1234");
        await staff.ClickAsync("button:has-text('Create password')");
        await CheckAsync(staff, "Create a password");
        await staff.FillAsync("#Password", "marble otter kettle");
        await staff.FillAsync("#ConfirmPassword", "marble otter kettle");
        await staff.ClickAsync("button:has-text('Create password')");
        await CheckAsync(staff, "Set up two-factor authentication");

        // ...and the administrator's other pages
        await admin.GotoAsync("/workspace/staff");
        await admin.ClickAsync("a:has-text('DC Rowan Hale')");
        await CheckAsync(admin, "DC Rowan Hale");
        var staffPath = new Uri(admin.Url).AbsolutePath;
        await admin.ClickAsync("a:has-text('Change') >> nth=0");
        await CheckAsync(admin, "Change roles and team");
        await admin.GotoAsync(staffPath.Replace("/workspace/staff/", "/workspace/staff/deactivate/", StringComparison.Ordinal));
        await CheckAsync(admin, "Deactivate this account?");
        await admin.GotoAsync("/account/sessions");
        await CheckAsync(admin, "Your sessions");
        await admin.GotoAsync("/account/password");
        await CheckAsync(admin, "Change your password");
        await admin.ClickAsync("button:has-text('Change password')");
        await CheckAsync(admin, "Change your password");
        var passwordErrors = await admin.Locator(".govuk-error-summary__list li").CountAsync();
        await admin.GotoAsync("/account/change-two-factor");
        await CheckAsync(admin, "Enter the code from your current authenticator app");
        await admin.GotoAsync("/sign-out");
        await CheckAsync(admin, "Sign out");
        await admin.ClickAsync("main button:has-text('Sign out')");
        await CheckAsync(admin, "You have signed out");
        var afterSignOut = await admin.GotoAsync("/workspace/staff");

        // Assert
        Assert.Equal(10, recoveryCodes);
        Assert.Equal(3, errors);
        Assert.Equal(2, passwordErrors);
        Assert.StartsWith("/sign-in", new Uri(afterSignOut!.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Empty(violations);
    }
}
