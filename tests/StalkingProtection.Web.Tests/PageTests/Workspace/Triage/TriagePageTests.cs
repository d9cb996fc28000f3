using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Reports;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Workspace.Cases;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Triage;

public sealed class TriageMatrix : IAuthorisationMatrixPart
{
    public IReadOnlyDictionary<string, string[]> Routes { get; } = new Dictionary<string, string[]>
    {
        ["/workspace/triage"] = [.. StaffRoles.CaseRoles],
        ["/workspace/people/duplicates"] = [.. StaffRoles.CaseRoles],
    };
}

public class TriagePageTests(WebAppFactory factory) : CasePageTestBase(factory)
{
    private Task<(Guid Id, string Reference)> ReportAsync(Action<ReportAnswers>? change = null, DateTimeOffset? sentAt = null) =>
        TestData.CreatePublicReportAsync(Factory.Services.GetRequiredService<IDataProtectionProvider>(), change, sentAt);

    private static string Journey(Guid id, string page = "") => $"/workspace/triage/triage-report/{(page.Length == 0 ? "" : page + "/")}{id}";

    /// <summary>Answers the outcome and details pages, ending on "Check your answers".</summary>
    private static async Task<string> AnswerAsync(HttpClient client, Guid id, TriageOutcome outcome, Dictionary<string, string> details)
    {
        var outcomeResponse = await client.SubmitFormAsync(Journey(id), new Dictionary<string, string> { ["Outcome"] = outcome.ToString() });
        Assert.Equal(Journey(id, "details"), outcomeResponse.Headers.Location!.OriginalString);
        var detailsResponse = await client.SubmitFormAsync(Journey(id, "details"), details);
        Assert.Equal(HttpStatusCode.Redirect, detailsResponse.StatusCode);
        return detailsResponse.Headers.Location!.OriginalString;
    }

    private static Dictionary<string, string> CloseDetails(string reason = "Advice given on the phone") => new()
    {
        ["CloseReason"] = nameof(TriageCloseReason.NoFurtherAction),
        ["CloseDetails"] = reason,
    };

    [Fact]
    public async Task Queue_NewReports_InImmediateDangerFirstThenOldestFirst()
    {
        // Arrange
        var older = await ReportAsync(sentAt: new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        var danger = await ReportAsync(a => a.InImmediateDanger = true, new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var client = await BrowserAsync();

        // Act
        var document = await client.GetDocumentAsync("/workspace/triage");

        // Assert
        var rows = document.QuerySelectorAll("[data-triage-queue] tbody tr").Select(r => r.GetAttribute("data-report")).ToList();
        Assert.True(rows.IndexOf(danger.Reference) < rows.IndexOf(older.Reference));
        Assert.NotNull(document.QuerySelector($"[data-report='{danger.Reference}'] [data-immediate-danger]"));
        Assert.Null(document.QuerySelector($"[data-report='{older.Reference}'] [data-immediate-danger]"));
        Assert.Contains("New", document.QuerySelector($"[data-report='{older.Reference}']")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RolesWithoutCaseAccess))]
    public Task Queue_RoleWithoutCaseAccess_IsRefused(string role) => AssertAccessAsync("/workspace/triage", role, HttpStatusCode.Forbidden);

    [Fact]
    public async Task WorkspaceHome_Officer_LinksToTheTriageQueue()
    {
        // Arrange
        var client = await BrowserAsync();

        // Act
        var document = await client.GetDocumentAsync("/workspace");

        // Assert
        Assert.Contains(document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/workspace/triage" && a.TextContent.Contains("Triage online reports", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dashboard_Coordinator_ShowsReportsWaitingForTriageLinkedToTheQueue()
    {
        // Arrange
        await ReportAsync();
        var client = await BrowserAsync(StaffRoles.Coordinator);

        // Act
        var document = await client.GetDocumentAsync("/workspace");

        // Assert
        var figure = document.QuerySelector("[data-dashboard-figure=reports-awaiting-triage]")!;
        Assert.Contains("online reports waiting for triage", figure.TextContent, StringComparison.Ordinal);
        Assert.Equal("/workspace/triage", figure.QuerySelector("a")!.GetAttribute("href"));
    }

    /// <summary>A coordinator who has started triaging the report, as the person who decides it.</summary>
    private async Task<HttpClient> TriagingCoordinatorAsync(Guid reportId)
    {
        var coordinator = await Factory.CreateUserAsync(StaffRoles.Coordinator, CaseTeam);
        var client = Factory.CreateBrowser(coordinator);
        var start = await client.SubmitFormAsync($"/workspace/triage/{reportId}", new Dictionary<string, string>(), "form[action*=Start]");
        Assert.Equal(Journey(reportId), start.Headers.Location!.OriginalString);
        return client;
    }

    [Fact]
    public async Task RL4_StartTriage_WithAStaleVersion_ShowsSomeoneElseChangedThisAndStartsNothing()
    {
        // Arrange
        var (id, _) = await ReportAsync();
        var coordinator = await Factory.CreateUserAsync(StaffRoles.Coordinator, CaseTeam);
        var client = Factory.CreateBrowser(coordinator);

        // Act
        var response = await client.SubmitFormAsync($"/workspace/triage/{id}", new Dictionary<string, string> { ["Version"] = "999" }, "form[action*=Start]");
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([ConflictMessage], document.ErrorSummaryMessages());
        Assert.Null(await Factory.WithDbAsync(db => db.PublicReports.Where(r => r.Id == id).Select(r => r.TriageStartedAt).SingleAsync()));
    }

    [Theory]
    [InlineData("not a number")]
    [InlineData("99999999999999999999999")]
    public async Task StartTriage_WithAVersionTheFormNeverHeld_AnswersTheBadRequestPage(string version)
    {
        // Arrange
        var (id, _) = await ReportAsync();
        var coordinator = await Factory.CreateUserAsync(StaffRoles.Coordinator, CaseTeam);
        var client = Factory.CreateBrowser(coordinator);

        // Act
        var response = await client.SubmitFormAsync($"/workspace/triage/{id}", new Dictionary<string, string> { ["Version"] = version }, "form[action*=Start]");
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Sorry, there is a problem with your request", document.HeadingText());
        Assert.Null(await Factory.WithDbAsync(db => db.PublicReports.Where(r => r.Id == id).Select(r => r.TriageStartedAt).SingleAsync()));
    }

    private static Task<HttpResponseMessage> ShowContactAsync(HttpClient client, Guid reportId, string reason) =>
        client.SubmitFormAsync($"/workspace/triage/{reportId}", new Dictionary<string, string> { ["ContactReason"] = reason }, "form[data-show-contact]");

    [Fact]
    public async Task DPA2018_s62_ViewReport_TriagingCoordinator_SeesContactDetailsOnlyAfterGivingAReasonWhichIsAudited()
    {
        // Arrange
        var (id, reference) = await ReportAsync();
        var client = await TriagingCoordinatorAsync(id);
        var reason = "Calling them back to arrange a statement";

        // Act
        var page = await client.GetDocumentAsync($"/workspace/triage/{id}");
        var noReason = await (await ShowContactAsync(client, id, "  ")).GetDocumentAsync();
        var shown = await (await ShowContactAsync(client, id, reason)).GetDocumentAsync();

        // Assert
        Assert.Equal(reference, page.HeadingText());
        Assert.Contains("Hanging around places they go", page.QuerySelector("[data-report-answers]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("07700", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Give the reason you need to see the safe contact details"], noReason.ErrorSummaryMessages());
        Assert.DoesNotContain("07700", noReason.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("07700 900456", shown.QuerySelector("[data-contact-details]")!.TextContent, StringComparison.Ordinal);
        var reads = await Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "PublicReport.ContactDetailsViewed" && e.RecordId == id.ToString()).ToListAsync());
        var read = Assert.Single(reads);
        Assert.Equal(AuditKind.Consultation, read.Kind);
        Assert.Equal(reason, read.Justification);
    }

    [Fact]
    public async Task DPA2018_s62_ViewReport_OfficerOrAnotherCoordinator_SeeThatContactDetailsExistButAreRefusedThem()
    {
        // Arrange
        var (id, _) = await ReportAsync();
        await TriagingCoordinatorAsync(id);
        var officer = Factory.CreateBrowser(await Factory.CreateUserAsync(StaffRoles.Officer, CaseTeam));
        var otherCoordinator = Factory.CreateBrowser(await Factory.CreateUserAsync(StaffRoles.Coordinator, CaseTeam));

        // Act
        var officerPage = await officer.GetDocumentAsync($"/workspace/triage/{id}");
        var coordinatorPage = await otherCoordinator.GetDocumentAsync($"/workspace/triage/{id}");
        var token = officerPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forced = await officer.PostAsync($"/workspace/triage/{id}?handler=Contact", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["ContactReason"] = "Just checking",
        }));

        // Assert
        foreach (var page in new[] { officerPage, coordinatorPage })
        {
            Assert.Contains("The person gave safe contact details", page.QuerySelector("[data-contact-withheld]")!.TextContent, StringComparison.Ordinal);
            Assert.Null(page.QuerySelector("form[data-show-contact]"));
            Assert.DoesNotContain("07700", page.Body!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Forbidden, forced.StatusCode);
        Assert.False(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "PublicReport.ContactDetailsViewed" && e.RecordId == id.ToString())));
    }

    [Fact]
    public async Task DPA2018_s62_ViewReport_OfficerInChargeOfTheCaseItOpened_SeesContactDetailsAfterAReasonAndTheTriagingCoordinatorNoLonger()
    {
        // Arrange
        var (id, _) = await ReportAsync();
        var coordinator = await TriagingCoordinatorAsync(id);
        var officer = await Factory.CreateUserAsync(StaffRoles.Officer, CaseTeam);
        var checkUrl = await AnswerAsync(coordinator, id, TriageOutcome.CaseOpened, new Dictionary<string, string>
        {
            ["CrimeReferences"] = $"CR/{Random.Shared.Next(10000, 99999)}/26",
            ["Offences"] = nameof(OffencesConsidered.StalkingPha2A),
            ["OfficerInCharge"] = officer.Id.ToString(),
            ["Team"] = CaseTeam,
            ["AddVictim"] = "false",
        });
        await coordinator.SubmitFormAsync(checkUrl, new Dictionary<string, string>());
        var client = Factory.CreateBrowser(officer);

        // Act
        var shown = await (await ShowContactAsync(client, id, "Arranging to take her statement")).GetDocumentAsync();
        var coordinatorPage = await coordinator.GetDocumentAsync($"/workspace/triage/{id}");

        // Assert
        var caseId = await Factory.WithDbAsync(db => db.PublicReports.Where(r => r.Id == id).Select(r => r.CaseId).SingleAsync());
        Assert.Equal(officer.Id, await Factory.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.OfficerInChargeId).SingleAsync()));
        Assert.Contains("07700 900456", shown.QuerySelector("[data-contact-details]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(coordinatorPage.QuerySelector("[data-contact-withheld]"));
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "PublicReport.ContactDetailsViewed" && e.RecordId == id.ToString()
            && e.ActorId == officer.Id.ToString() && e.Justification == "Arranging to take her statement")));
    }

    [Fact]
    public async Task ThirdPartyReport_QueueAndView_SayClearlyItIsAThirdPartyReportAndShowThePersonOnlyWhenAsked()
    {
        // Arrange
        var (id, reference) = await ReportAsync(a =>
        {
            a.ReportingFor = ReportingFor.SomeoneElse;
            a.PersonName = "Robin Example";
            a.PersonKnowsAboutReport = false;
            a.PersonContactRoute = PersonContactRoute.Directly;
            a.PersonContactDetails = "Work phone 01632 960001, weekday mornings";
        });
        var own = await ReportAsync();
        var client = await TriagingCoordinatorAsync(id);

        // Act
        var queue = await client.GetDocumentAsync("/workspace/triage");
        var page = await client.GetDocumentAsync($"/workspace/triage/{id}");
        var shown = await (await ShowContactAsync(client, id, "Deciding how to reach the person safely")).GetDocumentAsync();

        // Assert
        Assert.NotNull(queue.QuerySelector($"[data-report='{reference}'] [data-third-party]"));
        Assert.Null(queue.QuerySelector($"[data-report='{own.Reference}'] [data-third-party]"));
        Assert.Contains("Third-party report", page.QuerySelector("[data-third-party]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Directly, in the safe way the reporter gave", page.QuerySelector("[data-report-answers]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Robin Example", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Robin Example", shown.QuerySelector("[data-contact-details]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("01632 960001", shown.QuerySelector("[data-contact-details]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ViewReport_LegalServices_ReadsTheAnswersButNotTheContactDetails()
    {
        // Arrange
        var (id, _) = await ReportAsync();
        var client = await BrowserAsync(StaffRoles.LegalServices);

        // Act
        var page = await client.GetDocumentAsync($"/workspace/triage/{id}");
        var contact = await client.PostAsync($"/workspace/triage/{id}?handler=Contact", new FormUrlEncodedContent([]));

        // Assert
        Assert.NotNull(page.QuerySelector("[data-report-answers]"));
        Assert.DoesNotContain("Show safe contact details", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Triage this report", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, contact.StatusCode);
    }

    [Theory]
    [MemberData(nameof(RolesWithoutCaseAccess))]
    public async Task ViewReport_RoleWithoutCaseAccess_IsRefused(string role)
    {
        var (id, _) = await ReportAsync();
        await AssertAccessAsync($"/workspace/triage/{id}", role, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ViewReport_UnknownReport_IsNotFound() => await AssertAccessAsync($"/workspace/triage/{Guid.NewGuid()}", StaffRoles.Officer, HttpStatusCode.NotFound);

    [Fact]
    public async Task TriageReport_OpenANewCaseWithTheReporterAsVictim_OpensTheCaseCopiesContactAndConfirms()
    {
        // Arrange
        var (id, reference) = await ReportAsync();
        var officer = await Factory.CreateUserAsync(StaffRoles.Officer, CaseTeam);
        var client = Factory.CreateBrowser(officer);
        var crimeReference = $"CR/{Random.Shared.Next(10000, 99999)}/26";

        // Act
        var start = await client.SubmitFormAsync($"/workspace/triage/{id}", new Dictionary<string, string>(), "form[action*=Start]");
        await client.SubmitFormAsync(Journey(id), new Dictionary<string, string> { ["Outcome"] = nameof(TriageOutcome.CaseOpened) });
        var details = await client.GetDocumentAsync(Journey(id, "details"));
        var checkUrl = await AnswerAsync(client, id, TriageOutcome.CaseOpened, new Dictionary<string, string>
        {
            ["CrimeReferences"] = crimeReference,
            ["Offences"] = nameof(OffencesConsidered.StalkingPha2A),
            ["OfficerInCharge"] = officer.Id.ToString(),
            ["Team"] = CaseTeam,
            ["AddVictim"] = "true",
            ["VictimGivenNames"] = "Jo",
            ["VictimFamilyName"] = "Bloggs",
            ["CopyContactDetails"] = "true",
        });
        var check = await client.GetDocumentAsync(checkUrl);
        var confirmed = await client.SubmitFormAsync(checkUrl, new Dictionary<string, string>());
        var confirmation = await client.GetDocumentAsync(confirmed.Headers.Location!.OriginalString);

        // Assert
        Assert.Equal(Journey(id), start.Headers.Location!.OriginalString);
        Assert.Equal("Open a new case", details.HeadingText());
        Assert.Equal("Check your answers", check.HeadingText());
        Assert.Contains("Jo Bloggs", check.QuerySelector("[data-answers]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("27 November 2026", check.QuerySelector("[data-answers]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Journey(id, "confirmation"), confirmed.Headers.Location!.OriginalString);
        Assert.Contains("Report triaged", confirmation.QuerySelector(".govuk-panel")!.TextContent, StringComparison.Ordinal);
        var report = await Factory.WithDbAsync(db => db.PublicReports.SingleAsync(r => r.Id == id));
        Assert.Equal(TriageOutcome.CaseOpened, report.Outcome);
        Assert.Equal($"/workspace/cases/{report.CaseId}", confirmation.QuerySelector("[data-case-link]")!.GetAttribute("href"));
        var opened = await Factory.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == report.CaseId));
        Assert.Equal(crimeReference, opened.CrimeReferences);
        Assert.Equal(new DateOnly(2026, 11, 27), opened.ReportedOn);
        var victim = await Factory.WithDbAsync(db => db.Victims.SingleAsync(v => v.CaseId == opened.Id));
        Assert.True(await Factory.WithDbAsync(db => db.VictimContactDetails.AnyAsync(d => d.VictimId == victim.Id)));
        Assert.True(await Factory.WithDbAsync(db => db.CaseEvents.AnyAsync(e => e.CaseId == opened.Id && e.Type == CaseEventType.ReportReceived && e.Text.Contains(reference))));
        var casePage = await client.GetDocumentAsync($"/workspace/cases/{opened.Id}");
        Assert.Contains("Hanging around places they go", casePage.QuerySelector("[data-case-events]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TriageReport_AddToAnExistingCaseByCrimeReference_LinksTheReportToThatCase()
    {
        // Arrange
        var created = await TestData.CreateCaseAsync();
        var crimeReference = await Factory.WithDbAsync(db => db.Cases.Where(c => c.Id == created.CaseId).Select(c => c.CrimeReferences).SingleAsync());
        var (id, _) = await ReportAsync();
        var client = await BrowserAsync();

        // Act
        var checkUrl = await AnswerAsync(client, id, TriageOutcome.AddedToCase, new Dictionary<string, string> { ["CaseReference"] = crimeReference });
        var check = await client.GetDocumentAsync(checkUrl);
        await client.SubmitFormAsync(checkUrl, new Dictionary<string, string>());

        // Assert
        Assert.Contains(crimeReference, check.QuerySelector("[data-answers]")!.TextContent, StringComparison.Ordinal);
        var report = await Factory.WithDbAsync(db => db.PublicReports.SingleAsync(r => r.Id == id));
        Assert.Equal(TriageOutcome.AddedToCase, report.Outcome);
        Assert.Equal(created.CaseId, report.CaseId);
    }

    // The crime reference is matched as the workspace search matches it: any one of the case's references, whatever its capitals and spaces.
    [Theory]
    [InlineData("wy-2026-{0}")]
    [InlineData(" WY-2026- {0} ")]
    [InlineData("13/{0}/24")]
    public async Task TriageReport_AddToAnExistingCaseByOneOfItsCrimeReferencesInAnyCase_LinksTheReportToThatCase(string written)
    {
        // Arrange
        var serial = Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var typed = string.Format(System.Globalization.CultureInfo.InvariantCulture, written, serial);
        var caseId = (await TestData.WithServicesAsync(new DateOnly(2026, 11, 28), s => s.Cases.OpenCaseAsync(
            new OpenCaseOptions([$"13/{serial}/24", $"WY-2026-{serial}"], OffencesConsidered.StalkingPha2A, new DateOnly(2026, 11, 28), StalkingProtection.TestCommon.TestData.Officer.Name,
                "Stalking Team"), StalkingProtection.TestCommon.TestData.Officer))).RecordId;
        var (id, _) = await ReportAsync();
        var client = await BrowserAsync();

        // Act
        var checkUrl = await AnswerAsync(client, id, TriageOutcome.AddedToCase, new Dictionary<string, string> { ["CaseReference"] = typed });
        await client.SubmitFormAsync(checkUrl, new Dictionary<string, string>());

        // Assert
        var report = await Factory.WithDbAsync(db => db.PublicReports.SingleAsync(r => r.Id == id));
        Assert.Equal(TriageOutcome.AddedToCase, report.Outcome);
        Assert.Equal(caseId, report.CaseId);
    }

    [Fact]
    public async Task TriageReport_CloseWithAReason_ClosesTheReportAndAuditsTheOutcome()
    {
        // Arrange
        var (id, _) = await ReportAsync();
        var client = await BrowserAsync(StaffRoles.Coordinator);

        // Act
        var checkUrl = await AnswerAsync(client, id, TriageOutcome.Closed, CloseDetails("Advice given; no stalking behaviour described"));
        var confirmed = await client.SubmitFormAsync(checkUrl, new Dictionary<string, string>());

        // Assert
        Assert.Equal(Journey(id, "confirmation"), confirmed.Headers.Location!.OriginalString);
        var report = await Factory.WithDbAsync(db => db.PublicReports.SingleAsync(r => r.Id == id));
        Assert.Equal(PublicReportStatus.Closed, report.Status);
        Assert.Equal(TriageCloseReason.NoFurtherAction, report.CloseReason);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == "PublicReport.Triaged" && e.RecordId == id.ToString() && e.Justification == "Advice given; no stalking behaviour described")));
        var queue = await client.GetDocumentAsync("/workspace/triage");
        Assert.Null(queue.QuerySelector($"[data-report='{report.Reference}']"));
    }

    [Fact]
    public async Task TriageReport_NoOutcomeChosen_ShowsTheError()
    {
        // Arrange
        var (id, _) = await ReportAsync();
        var client = await BrowserAsync();

        // Act
        var document = await (await client.SubmitFormAsync(Journey(id), new Dictionary<string, string>())).GetDocumentAsync();

        // Assert
        Assert.Equal(["Select what you want to do with the report"], document.ErrorSummaryMessages());
        Assert.NotNull(document.QuerySelector("#Outcome-error"));
    }

    [Fact]
    public async Task TriageReport_CloseWithNothingEntered_ShowsEachErrorCitingR39()
    {
        // Arrange
        var (id, _) = await ReportAsync();
        var client = await BrowserAsync();
        await client.SubmitFormAsync(Journey(id), new Dictionary<string, string> { ["Outcome"] = nameof(TriageOutcome.Closed) });

        // Act
        var document = await (await client.SubmitFormAsync(Journey(id, "details"), new Dictionary<string, string>())).GetDocumentAsync();

        // Assert
        Assert.Equal(["Select why you are closing the report", "Give the reason for closing the report without a case (R39)"], document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task TriageReport_OpenCaseWithNothingEntered_ShowsEachRequiredFieldError()
    {
        // Arrange
        var (id, _) = await ReportAsync();
        var client = await BrowserAsync();
        await client.SubmitFormAsync(Journey(id), new Dictionary<string, string> { ["Outcome"] = nameof(TriageOutcome.CaseOpened) });

        // Act
        var document = await (await client.SubmitFormAsync(Journey(id, "details"), new Dictionary<string, string> { ["Team"] = "", ["OfficerInCharge"] = "" })).GetDocumentAsync();

        // Assert
        Assert.Equal(["Select the offences considered", "Select the officer in charge", "Enter the team", "Select yes if you want to add the person who reported as the victim"],
            document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task TriageReport_AddToCaseWithUnknownReference_ShowsTheError()
    {
        // Arrange
        var (id, _) = await ReportAsync();
        var client = await BrowserAsync();
        await client.SubmitFormAsync(Journey(id), new Dictionary<string, string> { ["Outcome"] = nameof(TriageOutcome.AddedToCase) });

        // Act
        var document = await (await client.SubmitFormAsync(Journey(id, "details"), new Dictionary<string, string> { ["CaseReference"] = "CR/NO-SUCH/26" })).GetDocumentAsync();

        // Assert
        Assert.Equal(["There is no case you can see with that crime reference"], document.ErrorSummaryMessages());
    }

    [Fact]
    public async Task TriageReport_SomeoneElseTriagedItFirst_ShowsSomeoneElseChangedThisWithTheCurrentOutcome()
    {
        // Arrange: two officers reach "Check your answers" for the same report; the first confirms.
        var (id, _) = await ReportAsync();
        var first = await BrowserAsync();
        var second = await BrowserAsync();
        var firstCheck = await AnswerAsync(first, id, TriageOutcome.Closed, CloseDetails());
        var secondCheck = await AnswerAsync(second, id, TriageOutcome.Closed, CloseDetails("Not stalking"));
        var staleForm = await second.GetDocumentAsync(secondCheck);
        var token = staleForm.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await first.SubmitFormAsync(firstCheck, new Dictionary<string, string>());

        // Act
        var response = await second.PostAsync(secondCheck, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([ConflictMessage], document.ErrorSummaryMessages());
        Assert.Contains("Closed without a case", document.QuerySelector("[data-current-values]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(document.QuerySelectorAll("button"), b => b.TextContent.Trim() == "Confirm");
        Assert.Equal("Advice given on the phone", await Factory.WithDbAsync(db => db.PublicReports.Where(r => r.Id == id).Select(r => r.CloseDetails).SingleAsync()));
    }

    [Fact]
    public async Task TriageReport_AlreadyTriaged_GoesBackToTheReport()
    {
        // Arrange
        var (id, _) = await ReportAsync();
        var client = await BrowserAsync();
        await client.SubmitFormAsync(await AnswerAsync(client, id, TriageOutcome.Closed, CloseDetails()), new Dictionary<string, string>());

        // Act
        var response = await client.GetAsync(Journey(id));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/workspace/triage/{id}", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData(StaffRoles.Officer, HttpStatusCode.OK)]
    [InlineData(StaffRoles.Coordinator, HttpStatusCode.OK)]
    [InlineData(StaffRoles.LegalServices, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Lookup, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Analyst, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Administrator, HttpStatusCode.Forbidden)]
    public async Task TriageReport_ByRole_OnlyOfficersAndCoordinatorsMayTriage(string role, HttpStatusCode expected)
    {
        var (id, _) = await ReportAsync();
        await AssertAccessAsync(Journey(id), role, expected);
    }

    [Theory]
    [InlineData("details")]
    [InlineData("check-answers")]
    [InlineData("confirmation")]
    public async Task TriageReport_LaterPagesForLegalServices_AreRefused(string page)
    {
        var (id, _) = await ReportAsync();
        await AssertAccessAsync(Journey(id, page), StaffRoles.LegalServices, HttpStatusCode.Forbidden);
    }
}
