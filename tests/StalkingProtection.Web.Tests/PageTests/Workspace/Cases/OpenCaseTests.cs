using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

public class OpenCaseTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    [Fact]
    public async Task Get_Officer_DefaultsOfficerInChargeToCurrentOfficerAndTeam()
    {
        // Arrange
        var officer = await Factory.CreateUserAsync(StaffRoles.Officer, "Team North");
        var client = Factory.CreateBrowser(officer);

        // Act
        var document = await client.GetDocumentAsync("/workspace/cases/open-case");

        // Assert
        Assert.Equal(officer.Id.ToString(), document.QuerySelector("#OfficerInCharge option[selected]")?.GetAttribute("value"));
        Assert.Equal("Team North", document.QuerySelector("#Team")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Post_ValidAnswersThenConfirm_ShowsCheckAnswersThenOpensCaseAudited()
    {
        // Arrange
        var officer = await Factory.CreateUserAsync(StaffRoles.Officer, "Team North");
        var client = Factory.CreateBrowser(officer);
        var reference = $"CR/{Random.Shared.Next(10000, 99999)}/26";
        var fields = new Dictionary<string, string>
        {
            ["CrimeReferences"] = reference,
            ["Offences"] = nameof(OffencesConsidered.StalkingPha2A),
            ["OfficerInCharge"] = officer.Id.ToString(),
            ["Team"] = "Team North",
        };
        foreach (var (k, v) in Date("ReportedOn", new DateOnly(2026, 11, 20)))
        {
            fields[k] = v;
        }

        // Act
        var question = await client.SubmitFormAsync("/workspace/cases/open-case", fields);
        var checkUrl = question.Headers.Location!.OriginalString;
        var check = await client.GetDocumentAsync(checkUrl);
        var saved = await client.SubmitFormAsync(checkUrl, new Dictionary<string, string>());

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, question.StatusCode);
        Assert.Equal("Check your answers", check.HeadingText());
        Assert.Contains(reference, check.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var opened = await Factory.WithDbAsync(db => db.Cases.SingleAsync(c => c.CrimeReferences == reference));
        Assert.Equal(officer.Id.ToString(), opened.OfficerInCharge);
        Assert.Equal("Team North", opened.Team);
        Assert.Equal(new DateOnly(2026, 11, 20), opened.ReportedOn);
        Assert.Equal($"/workspace/cases/{opened.Id}", saved.Headers.Location!.OriginalString);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Case.Opened" && e.RecordId == opened.Id.ToString())));
    }

    [Fact]
    public async Task Post_NothingEntered_ShowsEachRequiredFieldErrorAndSavesNothing()
    {
        // Arrange
        var client = await BrowserAsync();
        var before = await Factory.WithDbAsync(db => db.Cases.CountAsync());

        // Act
        var response = await client.SubmitFormAsync("/workspace/cases/open-case", new Dictionary<string, string> { ["Team"] = "" });
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Enter the crime reference", "Select the offences considered", "Enter the date reported", "Select the officer in charge", "Enter the team"], document.ErrorSummaryMessages());
        Assert.NotNull(document.QuerySelector("#CrimeReferences-error"));
        Assert.Equal(before, await Factory.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task Post_DateInFuture_ShowsDateError()
    {
        // Arrange
        var officer = await Factory.CreateUserAsync(StaffRoles.Officer, CaseTeam);
        var client = Factory.CreateBrowser(officer);
        var fields = new Dictionary<string, string>
        {
            ["CrimeReferences"] = "CR/1/26",
            ["Offences"] = nameof(OffencesConsidered.HarassmentPha2),
            ["OfficerInCharge"] = officer.Id.ToString(),
            ["Team"] = CaseTeam,
        };
        foreach (var (k, v) in Date("ReportedOn", new DateOnly(2026, 12, 25)))
        {
            fields[k] = v;
        }

        // Act
        var document = await (await client.SubmitFormAsync("/workspace/cases/open-case", fields)).GetDocumentAsync();

        // Assert
        Assert.Equal([RuleCheck.NotYetHappenedMessage], document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task Get_CheckAnswersWithoutJourney_RedirectsToStart()
    {
        // Arrange
        var client = await BrowserAsync();

        // Act
        var response = await client.GetAsync($"/workspace/cases/open-case/check-answers/{Guid.NewGuid()}");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/workspace/cases/open-case", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(RolesWithoutCaseAccess))]
    public Task Get_RoleWithoutCaseAccess_ReturnsForbidden(string role) =>
        AssertAccessAsync($"/workspace/cases/open-case/check-answers/{Guid.NewGuid()}", role, HttpStatusCode.Forbidden);
}
