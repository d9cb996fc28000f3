using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace;

/// <summary>The workspace's service navigation: one item marks where the user is, the most specific one that holds the page.</summary>
public class WorkspaceNavigationTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("/workspace", "Home")]
    [InlineData("/workspace/cases", "Cases")]
    [InlineData("/workspace/applications", "Applications")]
    [InlineData("/workspace/applications/awaiting-authorisation", "Awaiting authorisation")]
    [InlineData("/workspace/orders", "Orders")]
    [InlineData("/workspace/caseload", "Caseload")]
    [InlineData("/workspace/tasks", "My tasks")]
    public async Task Get_WorkspacePage_AsCoordinator_MarksOnlyTheItemThatHoldsThePage(string path, string current)
    {
        // Arrange
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Coordinator, "Navigation Team"));

        // Act
        var page = await client.GetDocumentAsync(path);

        // Assert
        var active = page.QuerySelectorAll(".govuk-service-navigation__item--active a[aria-current]").Select(a => a.TextContent.Trim());
        Assert.Equal([current], active);
    }

    [Fact]
    public async Task Get_Home_AsOfficer_OffersTheApplicationsListButNotTheCoordinatorsQueue()
    {
        // Arrange
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer, "Navigation Team"));

        // Act
        var page = await client.GetDocumentAsync("/workspace");

        // Assert
        var links = page.QuerySelectorAll(".govuk-service-navigation__link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/workspace/applications", links);
        Assert.DoesNotContain("/workspace/applications/awaiting-authorisation", links);
    }
}
