using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Pages.Workspace.Cases.AddPerson;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

public class AddPersonTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    [Fact]
    public async Task Post_ProtectedPersonWhoIsNoVictim_R4_IsAddedAsProtectedPersonOnly()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();

        // Act
        var question = await client.SubmitFormAsync($"/workspace/cases/add-person/{created.CaseId}", new Dictionary<string, string>
        {
            ["Role"] = nameof(PersonRole.ProtectedPerson),
            ["GivenNames"] = "Priya",
            ["FamilyName"] = "Sister",
            ["Gender"] = nameof(Gender.Female),
            ["Relationship"] = nameof(RelationshipToRespondent.Family),
        });
        var checkUrl = question.Headers.Location!.OriginalString;
        var check = await client.GetDocumentAsync(checkUrl);
        var saved = await client.SubmitFormAsync(checkUrl, new Dictionary<string, string>());

        // Assert
        Assert.Contains("Priya Sister", check.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var victim = await Factory.WithDbAsync(db => db.Victims.SingleAsync(v => v.CaseId == created.CaseId && v.Person.Names.Any(n => n.GivenNames == "Priya")));
        Assert.Equal(VictimRole.ProtectedPerson, victim.Role);
        Assert.Equal(RelationshipToRespondent.Family, victim.Relationship);
    }

    [Fact]
    public async Task Post_Respondent_SetsTheCasesRespondent()
    {
        // Arrange
        var caseId = (await TestData.WithServicesAsync(new DateOnly(2026, 11, 1), s => s.Cases.OpenCaseAsync(
            new OpenCaseOptions(["CR/777/26"], OffencesConsidered.StalkingPha2A, new DateOnly(2026, 11, 1), TestData.Officer.Name, CaseTeam), TestData.Officer))).RecordId;
        var client = await BrowserAsync();
        var fields = new Dictionary<string, string>
        {
            ["Role"] = nameof(PersonRole.Respondent),
            ["GivenNames"] = "Rex",
            ["FamilyName"] = "Respondent",
            ["Gender"] = nameof(Gender.Male),
            ["HomeAddress"] = "1 Main Street, Leeds",
            ["HomeAddressPoliceArea"] = "WestYorkshire",
        };
        foreach (var (k, v) in Date("DateOfBirth", new DateOnly(1980, 2, 3)))
        {
            fields[k] = v;
        }

        // Act
        var question = await client.SubmitFormAsync($"/workspace/cases/add-person/{caseId}", fields);
        await client.SubmitFormAsync(question.Headers.Location!.OriginalString, new Dictionary<string, string>());

        // Assert
        var stalkingCase = await Factory.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == caseId));
        var respondent = await Factory.WithDbAsync(db => db.Respondents.SingleAsync(r => r.Id == stalkingCase.RespondentId));
        Assert.Equal(new DateOnly(1980, 2, 3), respondent.Person.DateOfBirth);
        Assert.Equal("1 Main Street, Leeds", Assert.Single(respondent.Addresses).Address);
    }

    [Fact]
    public async Task Post_NothingEntered_ShowsEachRequiredFieldError()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitFormAsync($"/workspace/cases/add-person/{created.CaseId}", new Dictionary<string, string>())).GetDocumentAsync();

        // Assert
        Assert.Equal(["Select who you are adding", "Enter the person's given names or family name", "Select the person's sex, or 'Not known'"],
            document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task Post_VictimWithoutRelationship_ShowsRelationshipError()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitFormAsync($"/workspace/cases/add-person/{created.CaseId}", new Dictionary<string, string>
        {
            ["Role"] = nameof(PersonRole.DirectVictim),
            ["FamilyName"] = "Victim",
            ["Gender"] = nameof(Gender.NotKnown),
        })).GetDocumentAsync();

        // Assert
        Assert.Equal(["Select the person's relationship to the respondent"], document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task Post_SecondRespondent_IsRefused()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitFormAsync($"/workspace/cases/add-person/{created.CaseId}", new Dictionary<string, string>
        {
            ["Role"] = nameof(PersonRole.Respondent),
            ["FamilyName"] = "Other",
            ["Gender"] = nameof(Gender.Male),
        })).GetDocumentAsync();

        // Assert
        Assert.Equal(["The case already has a respondent"], document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task Get_OfficerOfAnotherTeam_ReturnsNotFound()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/cases/add-person/{created.CaseId}", StaffRoles.Officer, HttpStatusCode.NotFound, "Another Team");
    }

    [Theory]
    [MemberData(nameof(RolesWithoutCaseAccess))]
    public async Task Get_RoleWithoutCaseAccess_ReturnsForbidden(string role)
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/cases/add-person/{created.CaseId}", role, HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(CaseRoles))]
    public async Task Get_CaseRole_ReturnsOk(string role)
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();

        // Act and Assert
        await AssertAccessAsync($"/workspace/cases/add-person/{created.CaseId}", role, HttpStatusCode.OK);
    }
}
