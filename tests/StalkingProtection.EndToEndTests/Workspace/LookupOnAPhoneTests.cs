using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using StalkingProtection.Core.Staff;
using StalkingProtection.EndToEndTests.PublicSite;
using StalkingProtection.TestCommon;

namespace StalkingProtection.EndToEndTests.Workspace;

/// <summary>A frontline officer at an incident, on a phone: sign in with two-factor, check a person, read the terms.</summary>
public class LookupOnAPhoneTests(PublicSiteServer server) : IClassFixture<PublicSiteServer>
{
    private const string Password = "copper kettle orchard";

    [Fact]
    public async Task Lookup_OnAPhoneSizedScreen_ShowsTheOrderInForceWithNoAccessibilityViolation()
    {
        // Arrange
        var order = await new TestData(server.Database).CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2026, 3, 2)).ServedOn(new DateOnly(2026, 3, 3)));
        var pnc = await server.WithDbAsync(db => db.Respondents.Where(r => r.Id == order.Case.RespondentId).Select(r => r.Person.PncId).SingleAsync());
        var email = await StaffBrowserSignIn.CreateAccountAsync(server, "PC Phone", StaffRoles.Lookup, Password, "Response");

        await using var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            ViewportSize = new ViewportSize { Width = 375, Height = 740 },
            IsMobile = true,
            HasTouch = true,
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();

        // Act: sign in, set up two-factor as every local account must outside Development, then check the PNC ID.
        await StaffBrowserSignIn.SignInAndSetUpTwoFactorAsync(page, email, Password);
        await page.GotoAsync("/workspace/lookup");
        var formViolations = await PublicSiteServer.AccessibilityViolationsAsync(page);
        await page.FillAsync("#IncidentNumber", "INC-2811-0042");
        await page.FillAsync("#PncId", pnc!);
        await page.ClickAsync("button:has-text('Check')");
        await page.WaitForSelectorAsync("[data-lookup-subject]");
        var status = await page.TextContentAsync("[data-lookup-status]");
        var terms = await page.TextContentAsync("[data-lookup-terms]");
        var resultViolations = await PublicSiteServer.AccessibilityViolationsAsync(page);
        var widest = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

        // Assert
        Assert.Equal("Order in force today", status?.Trim());
        Assert.Contains("Must not contact the protected person", terms, StringComparison.Ordinal);
        Assert.Empty(formViolations);
        Assert.Empty(resultViolations);
        Assert.True(widest <= 375, $"The page is {widest}px wide on a 375px screen.");
    }
}
