using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using StalkingProtection.Core.Staff;
using StalkingProtection.EndToEndTests.PublicSite;
using StalkingProtection.TestCommon;

namespace StalkingProtection.EndToEndTests.Workspace;

/// <summary>An officer finds a respondent from the search box in the workspace header and opens the order from the results.</summary>
public class SearchBrowserTests(PublicSiteServer server) : IClassFixture<PublicSiteServer>
{
    private const string Password = "walnut lantern meadow";

    [Fact]
    public async Task Search_FromTheHeaderByName_ListsTheOrderAndOpensItWithNoAccessibilityViolation()
    {
        // Arrange
        var order = await new TestData(server.Database).CreateOrderAsync();
        var name = await server.WithDbAsync(async db =>
        {
            var personId = await db.Respondents.Where(r => r.Id == order.Case.RespondentId).Select(r => r.PersonId).SingleAsync();
            var person = await db.People.Include(p => p.Names).SingleAsync(p => p.Id == personId);
            return person.PrimaryName.FullName;
        });
        var email = await StaffBrowserSignIn.CreateAccountAsync(server, "DC Search", StaffRoles.Officer, Password, "Stalking Team");

        await using var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();

        // Act
        await StaffBrowserSignIn.SignInAndSetUpTwoFactorAsync(page, email, Password);
        await page.FillAsync("#header-search", name.ToLowerInvariant());
        await page.ClickAsync("[data-header-search] button");
        await page.WaitForSelectorAsync("[data-search-orders]");
        var violations = await PublicSiteServer.AccessibilityViolationsAsync(page);
        await page.ClickAsync($"[data-search-orders] a[href='/workspace/orders/{order.OrderId}']");
        await page.ArriveAtAsync($"/workspace/orders/{order.OrderId}", "after choosing the order found");
        var caption = await page.TextContentAsync("[data-record-caption]");

        // Assert
        Assert.Empty(violations);
        Assert.StartsWith(name, caption?.Trim(), StringComparison.Ordinal);
    }
}
