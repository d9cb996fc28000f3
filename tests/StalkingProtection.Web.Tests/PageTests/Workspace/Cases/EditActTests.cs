using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

public class EditActTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    private static Dictionary<string, string> Answers(string country, string reason)
    {
        var fields = new Dictionary<string, string>
        {
            ["LocationCountry"] = country,
            ["Categories"] = "Loitering",
            ["Channel"] = "InPerson",
            ["Description"] = "Waited outside the victim's home for hours.",
            ["Reason"] = reason,
        };
        foreach (var (k, v) in Date("OccurredFrom", new DateOnly(2019, 12, 24)))
        {
            fields[k] = v;
        }

        return fields;
    }

    [Fact]
    public async Task Post_CorrectionWithReasonThenConfirm_R5_ChangesActAndAuditsReason()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();

        // Act
        var form = await client.GetDocumentAsync($"/workspace/cases/edit-act/{created.CaseId}/{created.ActId}");
        var question = await client.SubmitFormAsync($"/workspace/cases/edit-act/{created.CaseId}/{created.ActId}", Answers("France", "The victim corrected the place and date"));
        var checkUrl = question.Headers.Location!.OriginalString;
        var saved = await client.SubmitFormAsync(checkUrl, new Dictionary<string, string>());

        // Assert
        Assert.Equal("United Kingdom", form.QuerySelector("#LocationCountry")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var act = await Factory.WithDbAsync(db => db.StalkingActs.SingleAsync(a => a.Id == created.ActId));
        Assert.Equal("France", act.LocationCountry);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == "Act.Amended" && e.RecordId == created.ActId.ToString() && e.Justification == "The victim corrected the place and date")));
    }

    [Fact]
    public async Task Post_NoReasonOrCountry_ShowsEachError()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitFormAsync($"/workspace/cases/edit-act/{created.CaseId}/{created.ActId}", Answers("", ""))).GetDocumentAsync();

        // Assert
        var errors = document.ErrorSummaryMessages();
        Assert.Contains("Enter the country where it happened", errors);
        Assert.Contains("Enter why you are changing the record of this act", errors);
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public async Task Post_AfterSomeoneElseChangedTheCase_RL4_ShowsConflictWithCurrentAct()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var first = await BrowserAsync();
        var second = await BrowserAsync();
        var url = $"/workspace/cases/edit-act/{created.CaseId}/{created.ActId}";
        var firstCheck = (await first.SubmitFormAsync(url, Answers("Spain", "First correction"))).Headers.Location!.OriginalString;
        var secondCheck = (await second.SubmitFormAsync(url, Answers("Ireland", "Second correction"))).Headers.Location!.OriginalString;
        await first.SubmitFormAsync(firstCheck, new Dictionary<string, string>());

        // Act
        var response = await second.SubmitFormAsync(secondCheck, new Dictionary<string, string>());
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([ConflictMessage], AllErrors(document));
        Assert.Contains("Spain", document.QuerySelector("[data-act]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Spain", (await Factory.WithDbAsync(db => db.StalkingActs.SingleAsync(a => a.Id == created.ActId))).LocationCountry);
    }

    [Fact]
    public async Task Get_OfficerOfAnotherTeam_ReturnsNotFound()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/cases/edit-act/{created.CaseId}/{created.ActId}", StaffRoles.Officer, HttpStatusCode.NotFound, "Another Team");
    }

    [Theory]
    [MemberData(nameof(RolesWithoutCaseAccess))]
    public async Task Get_RoleWithoutCaseAccess_ReturnsForbidden(string role)
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/cases/edit-act/{created.CaseId}/{created.ActId}", role, HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(CaseRoles))]
    public async Task Get_CaseRole_ReturnsOk(string role)
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/cases/edit-act/{created.CaseId}/{created.ActId}", role, HttpStatusCode.OK);
    }
}
