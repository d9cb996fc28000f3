using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Cases;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Applications;

/// <summary>An application's task is a journey: its answers are checked on "check your answers" before the one save.</summary>
public class ApplicationTaskJourneyTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    private async Task<(CreatedCase Case, Guid ApplicationId)> BareDraftAsync(Action<CaseBuilder>? configure = null)
    {
        var created = await TestData.CreateCaseAsync(configure);
        var id = await TestData.WithServicesAsync(new DateOnly(2026, 11, 28), async s => (await s.Applications.CreateAsync(new CreateApplicationOptions(created.CaseId,
            ApplicationType.Full, PoliceForce.WestYorkshire, CourtVenue.MagistratesCourt, ""), StalkingProtection.TestCommon.TestData.Officer)).ApplicationId);
        return (created, id);
    }

    private static Dictionary<string, string> Jurisdiction(string notes) =>
        new() { ["Basis"] = nameof(JurisdictionBasis.ResidesInArea), ["Notes"] = notes };

    private Task<Application> ApplicationAsync(Guid id) => Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == id));

    [Fact]
    public async Task Continue_R2_CheckPageListsTheAnswers_AndNothingIsSavedYet()
    {
        // Arrange
        var (_, id) = await BareDraftAsync();
        var client = await BrowserAsync();

        // Act
        var check = await client.ContinueAsync($"/workspace/applications/set-jurisdiction/{id}", Jurisdiction("Lives at 1 Main Street, Leeds"));

        // Assert
        Assert.Equal("Check why the force may apply", check.HeadingText());
        var answers = check.QuerySelector("[data-answers]")!.TextContent;
        Assert.Contains("The respondent lives in the force's area", answers, StringComparison.Ordinal);
        Assert.Contains("Lives at 1 Main Street, Leeds", answers, StringComparison.Ordinal);
        Assert.Null((await ApplicationAsync(id)).JurisdictionNotes);
    }

    [Fact]
    public async Task Change_FromTheCheckPage_ComesBackToTheQuestionWithTheAnswersKept()
    {
        // Arrange
        var (_, id) = await BareDraftAsync();
        var client = await BrowserAsync();
        var check = await client.ContinueAsync($"/workspace/applications/set-jurisdiction/{id}", Jurisdiction("Lives at 1 Main Street, Leeds"));
        var change = check.QuerySelector("[data-answers] .govuk-summary-list__actions a")!.GetAttribute("href")!;

        // Act
        var question = await client.GetDocumentAsync(change);

        // Assert
        Assert.StartsWith($"/workspace/applications/set-jurisdiction/{id}?journey=", change, StringComparison.Ordinal);
        Assert.Equal("Lives at 1 Main Street, Leeds", question.QuerySelector("#Notes")!.TextContent.Trim());
        Assert.NotNull(question.QuerySelector("input[name=Basis][value=ResidesInArea][checked]"));
    }

    [Fact]
    public async Task Save_RuleRefused_R4_ShowsOnTheCheckPageLinkedToTheQuestion_AndSavesNothing()
    {
        // Arrange
        var (created, id) = await BareDraftAsync();
        var victimOnly = (await TestData.WithServicesAsync(new DateOnly(2026, 11, 28), s => s.Cases.AddVictimAsync(new AddVictimOptions(created.CaseId,
            new PersonDetails("Vic", "Only", null), VictimRole.DirectVictim, RelationshipToRespondent.Work), StalkingProtection.TestCommon.TestData.Officer))).RecordId;
        var client = await BrowserAsync();
        var check = await client.ContinueAsync($"/workspace/applications/add-protected-person/{id}", new Dictionary<string, string> { ["VictimId"] = victimOnly.ToString() });

        // Act
        var response = await client.SubmitFormAsync(check.CheckAnswersUrl(), new Dictionary<string, string>());
        var page = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Check the person to protect", page.HeadingText());
        var error = page.QuerySelector(".govuk-error-summary__list a")!;
        Assert.Contains("SPA 2019 s.1(1)(c)", error.TextContent, StringComparison.Ordinal);
        Assert.StartsWith($"/workspace/applications/add-protected-person/{id}?journey=", error.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Empty((await ApplicationAsync(id)).ProtectedPersons);
    }

    [Fact]
    public async Task Save_AfterSomeoneElseChangedTheApplication_RL4_ShowsTheConflictKeepsTheAnswers_AndSavesThemWhenConfirmedAgain()
    {
        // Arrange
        var (_, id) = await BareDraftAsync();
        var client = await BrowserAsync();
        var check = await client.ContinueAsync($"/workspace/applications/set-jurisdiction/{id}", Jurisdiction("My notes"));
        await TestData.WithServicesAsync(new DateOnly(2026, 11, 28), s => s.Applications.SetJurisdictionAsync(
            new SetJurisdictionOptions(id, JurisdictionBasis.BelievedInArea, "Seen in Leeds city centre daily"), StalkingProtection.TestCommon.TestData.Coordinator));

        // Act
        var conflict = await (await client.SubmitFormAsync(check.CheckAnswersUrl(), new Dictionary<string, string>())).GetDocumentAsync();
        var notesAfterConflict = (await ApplicationAsync(id)).JurisdictionNotes;
        var saved = await client.SubmitFormAsync(check.CheckAnswersUrl(), new Dictionary<string, string>());

        // Assert
        Assert.Equal([ConflictMessage], AllErrors(conflict));
        Assert.Contains("My notes", conflict.QuerySelector("[data-answers]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Seen in Leeds city centre daily", conflict.QuerySelector("[data-current]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Seen in Leeds city centre daily", notesAfterConflict);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("My notes", (await ApplicationAsync(id)).JurisdictionNotes);
    }
}
