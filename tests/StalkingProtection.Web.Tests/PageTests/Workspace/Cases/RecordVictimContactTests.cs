using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

public class RecordVictimContactTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    private static Dictionary<string, string> Answers(Guid victimId, DateOnly on, string time)
    {
        var fields = new Dictionary<string, string>
        {
            ["VictimId"] = victimId.ToString(),
            ["EventType"] = nameof(VictimContactEventType.ViewsSought),
            ["Channel"] = nameof(ContactChannel.Phone),
            ["OccurredAt"] = time,
            ["Summary"] = "She supports an application and wants a no-contact condition.",
        };
        foreach (var (k, v) in Date("OccurredOn", on))
        {
            fields[k] = v;
        }

        return fields;
    }

    [Fact]
    public async Task Post_ViewsSoughtThenConfirm_R41_RecordsTimestampedContactShownOnCase()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();

        // Act
        var question = await client.SubmitFormAsync($"/workspace/cases/record-victim-contact/{created.CaseId}", Answers(created.VictimId, new DateOnly(2026, 11, 27), "14:30"));
        await client.SubmitFormAsync(question.Headers.Location!.OriginalString, new Dictionary<string, string>());
        var casePage = await client.GetDocumentAsync($"/workspace/cases/{created.CaseId}");

        // Assert
        var contact = await Factory.WithDbAsync(db => db.VictimContactEvents.SingleAsync(e => e.VictimId == created.VictimId));
        Assert.Equal(VictimContactEventType.ViewsSought, contact.EventType);
        Assert.Equal(new DateOnly(2026, 11, 27), contact.OccurredOn);
        Assert.Contains("supports an application", casePage.QuerySelector("[data-contacts]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NothingEntered_ShowsEachRequiredFieldError()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitFormAsync($"/workspace/cases/record-victim-contact/{created.CaseId}", new Dictionary<string, string>())).GetDocumentAsync();

        // Assert
        Assert.Equal(
        [
            "Select who was contacted",
            "Select what the contact was about",
            "Select how they were contacted",
            "Enter the date of the contact",
            "Enter the time of the contact",
            "Enter what they were told and what they said",
        ], document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task Post_ContactInTheFuture_R41_ShowsRule()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitFormAsync($"/workspace/cases/record-victim-contact/{created.CaseId}",
            Answers(created.VictimId, new DateOnly(2026, 11, 28), "23:00"))).GetDocumentAsync();

        // Assert
        Assert.Equal(["The contact must be in the past (R41)"], document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task Get_OfficerOfAnotherTeam_ReturnsNotFound()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/cases/record-victim-contact/{created.CaseId}", StaffRoles.Officer, HttpStatusCode.NotFound, "Another Team");
    }

    [Theory]
    [MemberData(nameof(RolesWithoutCaseAccess))]
    public async Task Get_RoleWithoutCaseAccess_ReturnsForbidden(string role)
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/cases/record-victim-contact/{created.CaseId}", role, HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(CaseRoles))]
    public async Task Get_CaseRole_ReturnsOk(string role)
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/cases/record-victim-contact/{created.CaseId}", role, HttpStatusCode.OK);
    }
}
