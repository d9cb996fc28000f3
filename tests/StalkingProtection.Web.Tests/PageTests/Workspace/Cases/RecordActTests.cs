using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

public class RecordActTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    private static Dictionary<string, string> Answers(DateOnly on, string country, ActCategory category)
    {
        var fields = new Dictionary<string, string> { ["LocationCountry"] = country, ["Channel"] = nameof(ActChannel.Online), ["Description"] = "Sent messages through a fake profile." };
        foreach (var (k, v) in Date("OccurredFrom", on))
        {
            fields[k] = v;
        }

        fields["Categories"] = category.ToString();
        return fields;
    }

    [Fact]
    public async Task Post_ActAbroadBefore2020_R5_IsAcceptedAndRecorded()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();

        // Act
        var question = await client.SubmitFormAsync($"/workspace/cases/record-act/{created.CaseId}",
            Answers(new DateOnly(2018, 5, 1), "Spain", ActCategory.Contacting));
        var checkUrl = question.Headers.Location!.OriginalString;
        var check = await client.GetDocumentAsync(checkUrl);
        var saved = await client.SubmitFormAsync(checkUrl, new Dictionary<string, string>());

        // Assert
        Assert.Contains("Spain", check.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var act = await Factory.WithDbAsync(db => db.StalkingActs.SingleAsync(a => a.CaseId == created.CaseId && a.LocationCountry == "Spain"));
        Assert.Equal(ActCategory.Contacting, act.Categories);
        Assert.Equal(ActChannel.Online, act.Channel);
    }

    [Fact]
    public async Task Post_NothingEntered_R6_ShowsEachRequiredFieldError()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitFormAsync($"/workspace/cases/record-act/{created.CaseId}",
            new Dictionary<string, string> { ["LocationCountry"] = "" })).GetDocumentAsync();

        // Assert
        Assert.Equal(
        [
            "Enter the date it happened",
            "Enter the country where it happened",
            "Select at least one kind of act associated with stalking (SPA 2019 s.1(6), R6)",
            "Select how it was done",
            "Enter what happened",
        ], document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task Post_OtherWithoutDescription_R6_ShowsCoreRuleAndSavesNothing()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();
        var question = await client.SubmitFormAsync($"/workspace/cases/record-act/{created.CaseId}",
            Answers(new DateOnly(2026, 11, 1), "United Kingdom", ActCategory.Other));

        // Act
        var document = await (await client.SubmitFormAsync(question.Headers.Location!.OriginalString, new Dictionary<string, string>())).GetDocumentAsync();

        // Assert
        var message = Assert.Single(AllErrors(document));
        Assert.Contains("R6", message, StringComparison.Ordinal);
        Assert.Contains("SPA 2019 s.1(6)", message, StringComparison.Ordinal);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.StalkingActs.CountAsync(a => a.CaseId == created.CaseId)));
    }

    [Fact]
    public async Task Get_OfficerOfAnotherTeam_ReturnsNotFound()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/cases/record-act/{created.CaseId}", StaffRoles.Officer, HttpStatusCode.NotFound, "Another Team");
    }

    [Theory]
    [MemberData(nameof(RolesWithoutCaseAccess))]
    public async Task Get_RoleWithoutCaseAccess_ReturnsForbidden(string role)
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/cases/record-act/{created.CaseId}", role, HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(CaseRoles))]
    public async Task Get_CaseRole_ReturnsOk(string role)
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/cases/record-act/{created.CaseId}", role, HttpStatusCode.OK);
    }
}
