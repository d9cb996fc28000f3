using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.VictimUpdates;
using StalkingProtection.EndToEndTests.PublicSite;
using StalkingProtection.TestCommon;

namespace StalkingProtection.EndToEndTests.Workspace;

/// <summary>The officer in charge reads the updates written for a victim and goes on to change what the victim wants to be told (R41).</summary>
public class VictimUpdatesBrowserTests(PublicSiteServer server) : IClassFixture<PublicSiteServer>
{
    private const string Password = "heron quarry lattice";

    [Fact]
    public async Task R41_VictimUpdates_UpdatesAndTheErrorSummary_ShowNoContactDetailsAndHaveNoAccessibilityViolation()
    {
        // Arrange: a victim who asked, by text, to hear when an application is made, and the application made.
        var testData = new TestData(server.Database);
        var created = await testData.CreateCaseAsync(c => c.InTeam("Victim Care"));
        var email = await StaffBrowserSignIn.CreateAccountAsync(server, "PC Ada Finch", StaffRoles.Officer, Password, "Victim Care");
        await server.WithDbAsync(async db =>
        {
            var officerId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            (await db.Cases.SingleAsync(c => c.Id == created.CaseId)).Assign(officerId.ToString(), "Victim Care", officerId);
            return await db.SaveChangesAsync();
        });
        await using (var scope = server.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<VictimContactService>()
                .SetAsync(new SetVictimContactOptions(created.VictimId, new VictimContact("07700 900987", null, "CANARY 7 Still Row", null, false)), TestData.Officer);
            await scope.ServiceProvider.GetRequiredService<VictimUpdateService>().SetPreferencesAsync(new SetVictimUpdatePreferencesOptions(created.VictimId, false,
                VictimUpdateEvent.ApplicationMade, VictimUpdateChannel.Sms, new SafeTimeWindow(SafeDays.Weekdays, new TimeOnly(9, 0), new TimeOnly(17, 0))), TestData.Officer);
        }

        await testData.CreateApplicationAsync(a => a.ForCase(created));
        await using var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await StaffBrowserSignIn.SignInAndSetUpTwoFactorAsync(page, email, Password);

        // Act
        await page.GotoAsync($"/workspace/cases/{created.CaseId}/victim-updates/{created.VictimId}");
        await page.WaitForSelectorAsync("[data-messages]");
        var messages = await page.Locator("[data-messages]").TextContentAsync();
        var body = await page.Locator("main").TextContentAsync();
        var pageViolations = await PublicSiteServer.AccessibilityViolationsAsync(page);
        await page.ClickAsync("[data-choose-updates]");
        await page.WaitForSelectorAsync("form[data-preferences]");
        await page.FillAsync("#SafeFrom", "");
        await page.ClickAsync("button:has-text('Continue')");
        await page.WaitForSelectorAsync(".govuk-error-summary");
        var errors = await page.Locator(".govuk-error-summary__list li").AllTextContentsAsync();
        var errorViolations = await PublicSiteServer.AccessibilityViolationsAsync(page);

        // Assert
        Assert.Contains("An application is made to the court", messages, StringComparison.Ordinal);
        Assert.DoesNotContain("900987", body, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", body, StringComparison.Ordinal);
        Assert.Empty(pageViolations);
        Assert.Contains(errors, e => e.Contains("Enter the time from which it is safe", StringComparison.Ordinal));
        Assert.Empty(errorViolations);
    }
}
