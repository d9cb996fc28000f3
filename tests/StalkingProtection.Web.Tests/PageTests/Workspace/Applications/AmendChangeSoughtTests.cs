using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Applications;

/// <summary>Amending what a variation, renewal or discharge application asks for, and why (SPA 2019 s.4, R21), while it is drafted.</summary>
public class AmendChangeSoughtTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    private static readonly DateOnly _made = new(2026, 3, 16);
    private static readonly DateOnly _drafted = new(2026, 11, 2);

    private static string Url(Guid id) => $"/workspace/applications/amend-change-sought/{id}";

    private static Dictionary<string, string> Answers(string changeSought = "Add an exclusion zone around Holt Park and Moss Lane.", string addsOrTightens = "Yes",
        string rationale = "He has been seen near her new home twice this month.") => new()
    {
        ["ChangeSought"] = changeSought,
        ["AddsOrTightens"] = addsOrTightens,
        ["NecessityRationale"] = rationale,
    };

    /// <summary>A variation drafted by the chief officer and returned by the coordinator with comments.</summary>
    private async Task<Guid> ReturnedVariationAsync(ApplicationType type = ApplicationType.Variation)
    {
        var order = await TestData.CreateOrderAsync(o => o.MadeOn(_made).ServedOn(_made));
        return await TestData.WithServicesAsync(_drafted, async s =>
        {
            var id = (await s.Applications.CreateChangeAsync(new CreateChangeApplicationOptions(order.OrderId, type, ApplicantParty.ChiefOfficer,
                PoliceForce.WestYorkshire, "Leeds Magistrates' Court", "She has moved.", "Add an exclusion zone around Moss Lane.",
                type == ApplicationType.Variation ? true : null), StalkingProtection.TestCommon.TestData.Officer)).ApplicationId;
            await s.Applications.ReturnAsync(new ReturnApplicationOptions(id, "Name the streets of the new zone and say why her new route needs it."),
                StalkingProtection.TestCommon.TestData.Coordinator);
            return id;
        });
    }

    private static string? TaskLink(AngleSharp.Dom.IDocument document, string name) =>
        document.QuerySelectorAll("[data-tasks] .govuk-task-list__item")
            .Single(i => i.QuerySelector(".govuk-task-list__name-and-hint")!.FirstElementChild!.TextContent.Trim() == name)
            .QuerySelector("a")?.GetAttribute("href");

    [Fact]
    public async Task R21_ReturnedVariation_AmendedThroughCheckYourAnswers_IsSavedAndAudited()
    {
        // Arrange
        var id = await ReturnedVariationAsync();
        var client = await BrowserAsync();
        var taskList = await client.GetDocumentAsync($"/workspace/applications/{id}");
        var questions = await client.GetDocumentAsync(Url(id));

        // Act
        var toCheck = await client.SubmitFormAsync(Url(id), Answers());
        var check = await client.GetDocumentAsync(toCheck.Headers.Location!.OriginalString);
        var saved = await client.SubmitFormAsync(toCheck.Headers.Location!.OriginalString, new Dictionary<string, string>());
        var after = await client.GetDocumentAsync($"/workspace/applications/{id}");

        // Assert
        Assert.Equal(Url(id), TaskLink(taskList, "What the application asks the court to do"));
        Assert.Equal(Url(id), TaskLink(taskList, "Why it is necessary to protect a person"));
        Assert.Equal("Add an exclusion zone around Moss Lane.", questions.QuerySelector("#ChangeSought")!.TextContent);
        Assert.NotNull(questions.QuerySelector("input[name=AddsOrTightens][value=Yes][checked]"));
        Assert.StartsWith("/workspace/applications/amend-change-sought/check-answers/", toCheck.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("Check your answers", check.HeadingText());
        Assert.Contains("Add an exclusion zone around Holt Park and Moss Lane.", check.QuerySelector("[data-answers]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/workspace/applications/{id}", saved.Headers.Location!.OriginalString);
        Assert.Contains("What the application asks for saved", after.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Add an exclusion zone around Holt Park and Moss Lane.", after.QuerySelector("[data-change-sought]")!.TextContent, StringComparison.Ordinal);
        var application = await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == id));
        Assert.Equal(("Add an exclusion zone around Holt Park and Moss Lane.", (bool?)true, "He has been seen near her new home twice this month."),
            (application.ChangeSought, application.AddsOrTightens, application.NecessityRationale));
        var audit = await Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.RecordId == id.ToString() && e.Action == "Application.ChangeSoughtAmended").ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Contains("around Moss Lane.", entry.OldValues!, StringComparison.Ordinal);
        Assert.Contains("Holt Park", entry.NewValues!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NothingEntered_ShowsEachErrorInTheSummary()
    {
        // Arrange
        var id = await ReturnedVariationAsync();
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitFormAsync(Url(id), Answers("", "", ""))).GetDocumentAsync();

        // Assert
        Assert.Equal(["Enter how the application asks the court to change the order", "Select whether the variation adds conditions or makes any stricter",
            "Enter why this is necessary to protect a person from a risk associated with stalking (R21)"], document.ErrorSummaryMessages());
        Assert.Equal("Add an exclusion zone around Moss Lane.", (await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == id))).ChangeSought);
    }

    [Fact]
    public async Task R21_RenewalWithoutRationale_ShowsTheRule()
    {
        // Arrange
        var id = await ReturnedVariationAsync(ApplicationType.Renewal);
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitFormAsync(Url(id), new Dictionary<string, string> { ["ChangeSought"] = "Renew until further order.", ["NecessityRationale"] = " " }))
            .GetDocumentAsync();

        // Assert
        Assert.Equal(["Enter why this is necessary to protect a person from a risk associated with stalking (R21)"], document.ErrorSummaryMessages());
        Assert.Null(document.QuerySelector("input[name=AddsOrTightens]"));
    }

    [Fact]
    public async Task ChangeFromCheckYourAnswers_ShowsTheAnswersGiven_AndContinueReturnsToCheckYourAnswers()
    {
        // Arrange
        var id = await ReturnedVariationAsync();
        var client = await BrowserAsync();
        var checkUrl = (await client.SubmitFormAsync(Url(id), Answers(addsOrTightens: "No", rationale: ""))).Headers.Location!.OriginalString;
        var changeHref = (await client.GetDocumentAsync(checkUrl)).QuerySelector("[data-answers] .govuk-summary-list__actions a")!.GetAttribute("href")!;

        // Act
        var questions = await client.GetDocumentAsync(changeHref);
        var again = await client.SubmitFormAsync(changeHref, new Dictionary<string, string> { ["ChangeSought"] = "Remove the curfew.", ["AddsOrTightens"] = "No" });

        // Assert
        Assert.Equal("Add an exclusion zone around Holt Park and Moss Lane.", questions.QuerySelector("#ChangeSought")!.TextContent);
        Assert.NotNull(questions.QuerySelector("input[name=AddsOrTightens][value=No][checked]"));
        Assert.Equal(checkUrl, again.Headers.Location!.OriginalString);
        Assert.Contains("Remove the curfew.", (await client.GetDocumentAsync(checkUrl)).QuerySelector("[data-answers]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RL4_SomeoneElseChangedTheApplication_ShowsTheConflictWithCurrentValues_ThenSavesOnConfirmingAgain()
    {
        // Arrange
        var id = await ReturnedVariationAsync();
        var client = await BrowserAsync();
        var checkUrl = (await client.SubmitFormAsync(Url(id), Answers())).Headers.Location!.OriginalString;
        await TestData.WithServicesAsync(_drafted, s => s.Applications.ChooseCourtAsync(new ChooseCourtOptions(id, CourtVenue.MagistratesCourt, "Bradford Magistrates' Court"),
            StalkingProtection.TestCommon.TestData.Officer));

        // Act
        var conflict = await client.SubmitFormAsync(checkUrl, new Dictionary<string, string>());
        var conflictPage = await conflict.GetDocumentAsync();
        var unchanged = await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == id));
        var saved = await client.SubmitFormAsync(checkUrl, new Dictionary<string, string>());

        // Assert
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Equal([ConflictMessage], AllErrors(conflictPage));
        Assert.Contains("Add an exclusion zone around Moss Lane.", conflictPage.QuerySelector("[data-current]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Holt Park", conflictPage.QuerySelector("[data-answers]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Add an exclusion zone around Moss Lane.", unchanged.ChangeSought);
        Assert.Equal($"/workspace/applications/{id}", saved.Headers.Location!.OriginalString);
        Assert.Equal("Add an exclusion zone around Holt Park and Moss Lane.", (await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == id))).ChangeSought);
    }

    [Fact]
    public async Task AuthorisedWhileAmending_ConflictShownThenTheAmendmentWithdrawsTheAuthorisationAndGoesBackToTheCoordinators()
    {
        // Arrange
        var id = await ReturnedVariationAsync();
        var client = await BrowserAsync();
        var checkUrl = (await client.SubmitFormAsync(Url(id), Answers())).Headers.Location!.OriginalString;
        await TestData.WithServicesAsync(_drafted, s => s.Applications.AuthoriseAsync(new AuthoriseApplicationOptions(id), StalkingProtection.TestCommon.TestData.Coordinator));

        // Act: the first confirm meets the authorisation made meanwhile (RL4); confirming again changes what was authorised.
        var conflict = await (await client.SubmitFormAsync(checkUrl, new Dictionary<string, string>())).GetDocumentAsync();
        await client.SubmitFormAsync(checkUrl, new Dictionary<string, string>());
        var taskList = await client.GetDocumentAsync($"/workspace/applications/{id}");

        // Assert: what is lodged is what was authorised, so the change withdrew the authorisation.
        Assert.Equal([ConflictMessage], AllErrors(conflict));
        var application = await Factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == id));
        Assert.Equal("Add an exclusion zone around Holt Park and Moss Lane.", application.ChangeSought);
        Assert.Null(application.AuthorisedAt);
        Assert.NotNull(application.AwaitingAuthorisationSince);
        Assert.Equal("Awaiting authorisation", taskList.QuerySelector("[data-status]")!.TextContent.Trim());
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Application.AuthorisationWithdrawn" && e.RecordId == id.ToString())));
    }

    [Fact]
    public async Task Get_LodgedApplication_GoesBackToTheApplication()
    {
        // Arrange
        var id = await ReturnedVariationAsync();
        await TestData.WithServicesAsync(_drafted, async s =>
        {
            await s.Applications.AuthoriseAsync(new AuthoriseApplicationOptions(id), StalkingProtection.TestCommon.TestData.Coordinator);
            await s.Applications.SubmitAsync(new SubmitApplicationOptions(id), StalkingProtection.TestCommon.TestData.Officer);
        });
        var client = await BrowserAsync();

        // Act
        var response = await client.GetAsync(Url(id));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/workspace/applications/{id}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Get_FullOrderApplication_ReturnsNotFound()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var id = await TestData.WithServicesAsync(_drafted, async s => (await s.Applications.CreateAsync(new CreateApplicationOptions(created.CaseId, ApplicationType.Full,
            PoliceForce.WestYorkshire, CourtVenue.MagistratesCourt, ""), StalkingProtection.TestCommon.TestData.Officer)).ApplicationId);

        // Act and Assert
        await AssertAccessAsync(Url(id), StaffRoles.Officer, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_OfficerOfAnotherTeam_ReturnsNotFound()
    {
        // Arrange
        var id = await ReturnedVariationAsync();

        // Act and Assert
        await AssertAccessAsync(Url(id), StaffRoles.Officer, HttpStatusCode.NotFound, "Another Team");
    }

    [Theory]
    [MemberData(nameof(RolesWithoutCaseAccess))]
    public async Task Get_RoleWithoutCaseAccess_ReturnsForbidden(string role)
    {
        // Arrange
        var id = await ReturnedVariationAsync();

        // Act and Assert
        await AssertAccessAsync(Url(id), role, HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(CaseRoles))]
    public async Task Get_CaseRole_ReturnsOk(string role)
    {
        // Arrange
        var id = await ReturnedVariationAsync();

        // Act and Assert
        await AssertAccessAsync(Url(id), role, HttpStatusCode.OK);
    }
}
