using System.Net;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Dashboard;

public class DashboardTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Get_AsCoordinator_SaysHowManyLiveOrdersAreInForceAndLinksEachFigure()
    {
        // Arrange
        var testData = new TestData(factory.Database);
        await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 3)));
        await testData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 11, 20)));
        await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2023, 3, 1)).ServedOn(new DateOnly(2023, 3, 1)));
        var coordinator = await factory.CreateUserAsync(StaffRoles.Coordinator);
        var client = factory.CreateBrowser(coordinator);

        // Act
        var document = await client.GetDocumentAsync("/workspace");
        var unserved = await client.GetDocumentAsync("/workspace/dashboard/unserved");

        // Assert
        var sentence = document.QuerySelector("[data-live-orders-sentence]")!.TextContent;
        Assert.Matches(@"2\s+live stalking protection orders in force today, 28 November 2026\s+\(1 interim, 1 full\)", sentence);
        Assert.Equal("/workspace/orders?Filter=Unserved", document.QuerySelector("[data-dashboard-figure=unserved] a")!.GetAttribute("href"));
        Assert.Contains("1", document.QuerySelector("[data-dashboard-figure=unserved]")!.TextContent, StringComparison.Ordinal);
        Assert.Single(unserved.QuerySelectorAll("[data-dashboard-list] tbody tr"));
    }

    [Fact]
    public async Task Get_AsAnalyst_ShowsTheFiguresButNotTheListsBehindThem()
    {
        // Arrange
        var analyst = await factory.CreateUserAsync(StaffRoles.Analyst);
        var client = factory.CreateBrowser(analyst);

        // Act
        var document = await client.GetDocumentAsync("/workspace");
        var list = await client.GetAsync("/workspace/dashboard/live-orders");

        // Assert
        Assert.NotNull(document.QuerySelector("[data-live-orders-sentence]"));
        Assert.Empty(document.QuerySelectorAll("[data-dashboard-figure] a"));
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
    }

    [Theory]
    [InlineData(StaffRoles.Officer)]
    [InlineData(StaffRoles.Lookup)]
    [InlineData(StaffRoles.Administrator)]
    public async Task Get_AsRoleWithoutForceWideView_ShowsNoFigures(string role)
    {
        // Arrange
        var user = await factory.CreateUserAsync(role);
        var client = factory.CreateBrowser(user);

        // Act
        var response = await client.GetAsync("/workspace");
        var document = await response.GetDocumentAsync();
        var list = await client.GetAsync("/workspace/dashboard/breaches");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(document.QuerySelector("[data-live-orders-sentence]"));
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
    }

    [Theory]
    [InlineData("live-orders")]
    [InlineData("applications")]
    [InlineData("unserved")]
    [InlineData("notifications-overdue")]
    [InlineData("notifications-due")]
    [InlineData("breaches")]
    [InlineData("ending-soon")]
    [InlineData("cases-without-decision")]
    public async Task Get_EveryListBehindAFigure_AnswersForLegalServices(string list)
    {
        // Arrange
        var legal = await factory.CreateUserAsync(StaffRoles.LegalServices);
        var client = factory.CreateBrowser(legal);

        // Act
        var response = await client.GetAsync($"/workspace/dashboard/{list}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownList_Answers404()
    {
        // Arrange
        var coordinator = await factory.CreateUserAsync(StaffRoles.Coordinator);

        // Act
        var response = await factory.CreateBrowser(coordinator).GetAsync("/workspace/dashboard/everything");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>
/// Each figure that counts orders, cases or applications opens its list with the same filter. A class of its own, so that
/// the records it adds do not change the force-wide figures the other dashboard tests count.
/// </summary>
public class DashboardFigureListTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("live-orders", "[data-orders-table] tbody tr")]
    [InlineData("unserved", "[data-orders-table] tbody tr")]
    [InlineData("ending-soon", "[data-orders-table] tbody tr")]
    [InlineData("applications", "[data-applications-table] tbody tr")]
    [InlineData("cases-without-decision", "[data-case-table] tbody tr")]
    public async Task Get_FigureCountingOrdersCasesOrApplications_OpensItsListWithTheSameFilterAndAsManyRows(string figure, string rows)
    {
        // Arrange
        var testData = new TestData(factory.Database);
        await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2024, 12, 2)).ServedOn(new DateOnly(2024, 12, 3)).LastDay(new DateOnly(2027, 1, 20)));
        await testData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 11, 20)));
        await testData.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2026, 9, 1)).UntilFurtherOrder());
        await testData.CreateApplicationAsync(a => a.Draft());
        await testData.CreateApplicationAsync();
        await testData.CreateCaseAsync();
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Coordinator));

        // Act
        var dashboard = await client.GetDocumentAsync("/workspace");
        var count = int.Parse(dashboard.QuerySelector($"[data-dashboard-figure={figure}] .app-figure")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var href = dashboard.QuerySelector($"[data-dashboard-figure={figure}] a")!.GetAttribute("href")!;
        var listed = 0;
        for (var next = (string?)href; next is not null;)
        {
            var page = await client.GetDocumentAsync(next);
            listed += page.QuerySelectorAll(rows).Length;
            next = page.QuerySelector("a[rel=next]")?.GetAttribute("href");
        }

        // Assert
        Assert.StartsWith(figure == "applications" ? "/workspace/applications?" : figure == "cases-without-decision" ? "/workspace/cases?" : "/workspace/orders?",
            href, StringComparison.Ordinal);
        Assert.True(count > 0, $"The {figure} figure counts nothing, so the test shows nothing.");
        Assert.Equal(count, listed);
    }
}
