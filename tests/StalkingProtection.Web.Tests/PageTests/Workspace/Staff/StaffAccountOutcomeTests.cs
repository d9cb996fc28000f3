using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Staff;

/// <summary>A change to a staff account flashes its outcome's words on the account's page.</summary>
public class StaffAccountOutcomeTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task ChangeRolesAndTeam_FlashesTheRolesAndTeamTheChangeLeft()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, "Team A");
        var admin = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Administrator));

        // Act
        var (_, saved) = await admin.AnswerCheckAndSaveAsync($"/workspace/staff/change/{user.Id}",
            [OrderPages.F("Roles", StaffRoles.Lookup), OrderPages.F("Roles", StaffRoles.Officer), OrderPages.F("Team", "Team B")]);
        var view = await admin.GetDocumentAsync(saved.Headers.Location!.OriginalString);

        // Assert
        Assert.Contains($"Roles and team of {user.DisplayName} changed: Officer, Frontline lookup, in Team B. Their sessions take up the change on their next request.",
            view.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivate_FlashesThatTheAccountCannotSignInAndItsSessionsEnded()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, "Team A");
        var admin = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Administrator));

        // Act
        var deactivated = await admin.SubmitFormAsync($"/workspace/staff/deactivate/{user.Id}", new Dictionary<string, string>());
        var view = await admin.GetDocumentAsync(deactivated.Headers.Location!.OriginalString);

        // Assert
        Assert.Contains($"Account of {user.DisplayName} deactivated: it cannot sign in, and every session it had has ended.",
            view.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
    }
}
