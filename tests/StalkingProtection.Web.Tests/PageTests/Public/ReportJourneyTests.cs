using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Reports;
using StalkingProtection.Web.Pages.Public.Report;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Public;

public class ReportJourneyTests(PublicSiteFactory factory) : IClassFixture<PublicSiteFactory>
{
    [Fact]
    public async Task Get_Start_ShowsStartPageWithQuickExitAndNoDraft()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync("/report");
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Report stalking", document.HeadingText());
        Assert.NotNull(document.QuerySelector(".app-quick-exit__button"));
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("sp-report", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_WholeJourney_LandsInTriageQueueWithEncryptedContactAndAudit()
    {
        // Arrange
        var client = factory.CreateBrowser();
        await ReportJourney.AnswerAllAsync(client);

        // Act
        var check = await client.GetDocumentAsync("/report/check-answers");
        var sent = await ReportJourney.SendAsync(client);
        var confirmation = await client.GetAsync(sent.Location());
        var page = await confirmation.GetDocumentAsync();

        // Assert
        Assert.Contains("Leaves notes on my car", check.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        sent.AssertRedirectTo("/report/confirmation");
        var reference = page.QuerySelector("[data-report-reference]")!.TextContent.Trim();
        Assert.Matches("^SPR-[A-Z2-9]{4}-[A-Z2-9]{4}$", reference);
        var report = await factory.WithDbAsync(db => db.PublicReports.SingleAsync(r => r.Reference == reference));
        Assert.Equal(PublicReportStatus.New, report.Status);
        Assert.Equal(StalkingBehaviours.Following | StalkingBehaviours.SomethingElse, report.Behaviours);
        Assert.Equal("Leaves notes on my car", report.OtherBehaviour);
        Assert.Equal(HowOften.SeveralTimesAWeek, report.HowOften);
        Assert.Equal("Alex Example", report.SuspectName);
        Assert.Equal(SafeContactMethods.Phone | SafeContactMethods.Email, report.ContactMethods);
        Assert.DoesNotContain("07700", report.ProtectedContact, StringComparison.Ordinal);
        Assert.DoesNotContain("sam@example.com", report.ProtectedContact, StringComparison.Ordinal);
        var protector = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(PublicReportService.ContactPurpose);
        Assert.Contains("07700 900982", protector.Unprotect(report.ProtectedContact!), StringComparison.Ordinal);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.RecordId == report.Id.ToString()));
        Assert.Equal(AuditKind.Collection, audit.Kind);
        Assert.Equal("PublicReport.Submitted", audit.Action);
        Assert.DoesNotContain("07700", audit.NewValues ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Confirmation_DeletesJourneyCookie()
    {
        // Arrange
        var client = factory.CreateBrowser();
        await ReportJourney.AnswerAllAsync(client);
        await ReportJourney.SendAsync(client);

        // Act
        var confirmation = await client.GetAsync("/report/confirmation");
        var again = await client.GetAsync("/report/confirmation");

        // Assert
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        again.AssertRedirectTo("/report");
    }

    [Fact]
    public async Task Post_SendTwice_CreatesOneReport()
    {
        // Arrange
        var client = factory.CreateBrowser();
        await ReportJourney.AnswerAllAsync(client);
        var token = await ReportJourney.SendTokenAsync(client);
        var before = await factory.WithDbAsync(db => db.PublicReports.CountAsync());

        // Act
        var first = await ReportJourney.SendWithTokenAsync(client, token);
        var second = await ReportJourney.SendWithTokenAsync(client, token);

        // Assert
        first.AssertRedirectTo("/report/confirmation");
        second.AssertRedirectTo("/report/confirmation");
        Assert.Equal(before + 1, await factory.WithDbAsync(db => db.PublicReports.CountAsync()));
    }

    [Fact]
    public async Task RL9_Post_SendAgainAfterTheConfirmationWasShown_ShowsTheSameReferenceAndCreatesNoSecondReport()
    {
        // Arrange: a double click with JavaScript off, the second send arriving after the first one's confirmation
        var client = factory.CreateBrowser();
        await ReportJourney.AnswerAllAsync(client);
        var token = await ReportJourney.SendTokenAsync(client);
        var before = await factory.WithDbAsync(db => db.PublicReports.CountAsync());
        (await ReportJourney.SendWithTokenAsync(client, token)).AssertRedirectTo("/report/confirmation");
        var confirmation = await client.GetDocumentAsync("/report/confirmation");

        // Act
        var again = await ReportJourney.SendWithTokenAsync(client, token);
        var document = await again.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("Report sent", document.HeadingText());
        var reference = confirmation.QuerySelector("[data-report-reference]")!.TextContent;
        Assert.Equal(reference, document.QuerySelector("[data-report-reference]")!.TextContent);
        Assert.True(await factory.WithDbAsync(db => db.PublicReports.AnyAsync(r => r.Reference == reference)));
        Assert.Equal(before + 1, await factory.WithDbAsync(db => db.PublicReports.CountAsync()));
        (await client.GetAsync("/report/confirmation")).AssertRedirectTo("/report");
    }

    [Fact]
    public async Task Post_SendAgainMoreThanAMinuteAfterTheConfirmation_StartsAfreshAndShowsNoReference()
    {
        // Arrange
        var client = factory.CreateBrowser();
        await ReportJourney.AnswerAllAsync(client);
        var token = await ReportJourney.SendTokenAsync(client);
        (await ReportJourney.SendWithTokenAsync(client, token)).AssertRedirectTo("/report/confirmation");
        await client.GetDocumentAsync("/report/confirmation");
        factory.Clock.Advance(ReportCookie.SentLifetime + TimeSpan.FromSeconds(1));

        // Act
        var again = await ReportJourney.SendWithTokenAsync(client, token);

        // Assert
        again.AssertRedirectTo("/report");
    }

    [Fact]
    public async Task Post_SendTwiceAtOnce_CreatesOneReport()
    {
        // Arrange
        var client = factory.CreateBrowser();
        await ReportJourney.AnswerAllAsync(client);
        var token = await ReportJourney.SendTokenAsync(client);
        var before = await factory.WithDbAsync(db => db.PublicReports.CountAsync());

        // Act
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ReportJourney.SendWithTokenAsync(client, token)));

        // Assert
        Assert.All(responses, r => r.AssertRedirectTo("/report/confirmation"));
        Assert.Equal(before + 1, await factory.WithDbAsync(db => db.PublicReports.CountAsync()));
    }

    [Fact]
    public async Task Post_HoneypotFilled_PretendsSuccessAndStoresNothing()
    {
        // Arrange
        var client = factory.CreateBrowser();
        await ReportJourney.AnswerAllAsync(client);
        var reportsBefore = await factory.WithDbAsync(db => db.PublicReports.CountAsync());
        var auditBefore = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());

        // Act
        var response = await ReportJourney.SendAsync(client, website: "http://spam.example");
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Report sent", document.QuerySelector(".govuk-panel__title")!.TextContent.Trim());
        Assert.Matches("^SPR-[A-Z2-9]{4}-[A-Z2-9]{4}$", document.QuerySelector("[data-report-reference]")!.TextContent.Trim());
        Assert.Equal(reportsBefore, await factory.WithDbAsync(db => db.PublicReports.CountAsync()));
        Assert.Equal(auditBefore, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
        (await client.GetAsync("/report/check-answers")).AssertRedirectTo("/report");
    }

    [Fact]
    public async Task Get_QuestionAfterThirtyMinutesIdle_DeletesAnswersAndShowsSessionEnded()
    {
        // Arrange
        var client = factory.CreateBrowser();
        var draftId = await ReportJourney.StartAsync(client, factory.Services);
        await client.SubmitMainFormAsync("/report/reporting-for", ("ReportingFor", "Myself"));

        // Act
        factory.Clock.Advance(PublicReportService.DraftLifetime + TimeSpan.FromSeconds(1));
        var response = await client.GetAsync("/report/immediate-danger");
        var ended = await client.GetDocumentAsync(response.Location()!);

        // Assert
        response.AssertRedirectTo("/report/session-ended");
        Assert.Equal("Your answers have been deleted", ended.HeadingText());
        Assert.False(await factory.WithDbAsync(db => db.PublicReportDrafts.AnyAsync(d => d.Id == draftId)));
        (await client.GetAsync("/report/immediate-danger")).AssertRedirectTo("/report");
    }

    [Fact]
    public async Task Post_StartAgain_DeletesTheEarlierDraft()
    {
        // Arrange
        var client = factory.CreateBrowser();
        var first = await ReportJourney.StartAsync(client, factory.Services);

        // Act
        var second = await ReportJourney.StartAsync(client, factory.Services);

        // Assert
        Assert.NotEqual(first, second);
        Assert.False(await factory.WithDbAsync(db => db.PublicReportDrafts.AnyAsync(d => d.Id == first)));
        Assert.True(await factory.WithDbAsync(db => db.PublicReportDrafts.AnyAsync(d => d.Id == second)));
    }

    [Fact]
    public async Task Purge_AbandonedDraftPastExpiry_IsDeletedWithoutAVisit()
    {
        // Arrange
        var client = factory.CreateBrowser();
        var draftId = await ReportJourney.StartAsync(client, factory.Services);
        factory.Clock.Advance(PublicReportService.DraftLifetime);
        var purge = factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<StalkingProtection.Web.Pages.Public.Report.ExpiredDraftPurge>().Single();

        // Act
        await purge.PurgeOnceAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.False(await factory.WithDbAsync(db => db.PublicReportDrafts.AnyAsync(d => d.Id == draftId)));
    }

    [Fact]
    public async Task Get_QuestionWithinThirtyMinutesOfLastActivity_KeepsAnswers()
    {
        // Arrange
        var client = factory.CreateBrowser();
        await ReportJourney.StartAsync(client);
        await client.SubmitMainFormAsync("/report/reporting-for", ("ReportingFor", "Myself"));
        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        await client.GetAsync("/report/immediate-danger");

        // Act
        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        var response = await client.GetAsync("/report/reporting-for");
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(document.QuerySelector("input[name=ReportingFor][value=Myself][checked]"));
    }

    [Fact]
    public async Task Get_QuestionPage_ShowsTimeoutWarningWithoutJavaScript()
    {
        // Arrange
        var client = factory.CreateBrowser();
        await ReportJourney.StartAsync(client);

        // Act
        var document = await client.GetDocumentAsync("/report/immediate-danger");

        // Assert
        Assert.Contains("we will delete your answers if you do nothing for 30 minutes",
            document.QuerySelector("[data-report-timeout]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_QuestionWithoutDraft_RedirectsToStart()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync("/report/effect");

        // Assert
        response.AssertRedirectTo("/report");
    }

    [Fact]
    public async Task Post_InImmediateDanger_ShowsCall999ThenContinues()
    {
        // Arrange
        var client = factory.CreateBrowser();
        await ReportJourney.StartAsync(client);

        // Act
        var response = await client.SubmitMainFormAsync("/report/immediate-danger", ("InImmediateDanger", "yes"));
        var interrupt = await client.GetDocumentAsync(response.Location()!);

        // Assert
        response.AssertRedirectTo("/report/emergency");
        Assert.Equal("Call 999 now", interrupt.HeadingText());
        Assert.Equal("/report/reporting-for", interrupt.QuerySelector("main a.govuk-button")!.GetAttribute("href"));
        Assert.NotNull(interrupt.QuerySelector(".app-quick-exit__button"));
    }

    [Fact]
    public async Task Post_DoNotContactMe_SkipsContactQuestionsAndStoresNoContact()
    {
        // Arrange
        var client = factory.CreateBrowser();
        await ReportJourney.AnswerAllAsync(client);

        // Act
        var response = await client.SubmitMainFormAsync("/report/safe-contact", ("ContactMethods", "None"));
        var check = await client.GetDocumentAsync("/report/check-answers");
        var sent = await ReportJourney.SendAsync(client);
        var reference = (await client.GetDocumentAsync("/report/confirmation")).QuerySelector("[data-report-reference]")!.TextContent.Trim();

        // Assert
        response.AssertRedirectTo("/report/check-answers");
        Assert.DoesNotContain("Safe phone number", check.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        sent.AssertRedirectTo("/report/confirmation");
        var report = await factory.WithDbAsync(db => db.PublicReports.SingleAsync(r => r.Reference == reference));
        Assert.Equal(SafeContactMethods.None, report.ContactMethods);
        Assert.Null(report.ProtectedContact);
    }

    [Fact]
    public async Task Post_ChangeFromCheckAnswers_ReturnsToCheckAnswers()
    {
        // Arrange
        var client = factory.CreateBrowser();
        await ReportJourney.AnswerAllAsync(client);
        var check = await client.GetDocumentAsync("/report/check-answers");
        var changeLink = check.QuerySelectorAll(".govuk-summary-list__actions a").First(a => a.TextContent.Contains("how often", StringComparison.Ordinal));

        // Act
        var response = await client.SubmitMainFormAsync(changeLink.GetAttribute("href")!, ("HowOften", "EveryDay"));
        var after = await client.GetDocumentAsync("/report/check-answers");

        // Assert
        response.AssertRedirectTo("/report/check-answers");
        Assert.Contains("Every day", after.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ChangeToTextMessageFromCheckAnswers_AsksForPhoneNumberFirst()
    {
        // Arrange
        var client = factory.CreateBrowser();
        await ReportJourney.StartAsync(client);
        foreach (var (url, values, _) in ReportJourney.Steps.TakeWhile(s => s.Url != "/report/safe-contact"))
        {
            await client.SubmitMainFormAsync(url, values);
        }

        await client.SubmitMainFormAsync("/report/safe-contact", ("ContactMethods", "Email"));
        await client.SubmitMainFormAsync("/report/contact-details", ("Email", "sam@example.com"));
        (await client.SubmitMainFormAsync("/report/safe-times", ("SafeTimes", "Evenings"))).AssertRedirectTo("/report/check-answers");

        // Act
        var response = await client.SubmitMainFormAsync("/report/safe-contact", ("ContactMethods", "Text"));

        // Assert
        response.AssertRedirectTo("/report/contact-details");
    }

    [Fact]
    public async Task Post_DoNotKnowWhoFromCheckAnswers_ClearsWhatWasSaidAboutThem()
    {
        // Arrange
        var client = factory.CreateBrowser();
        await ReportJourney.AnswerAllAsync(client);

        // Act
        var response = await client.SubmitMainFormAsync("/report/who-is-doing-it", ("SuspectKnown", "no"));
        var check = await client.GetDocumentAsync("/report/check-answers");

        // Assert
        response.AssertRedirectTo("/report/check-answers");
        Assert.DoesNotContain("Alex Example", check.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        (await client.GetAsync("/report/about-them")).AssertRedirectTo("/report/check-answers");
    }

    [Fact]
    public async Task Get_CheckAnswersWithQuestionsLeft_RedirectsToFirstUnanswered()
    {
        // Arrange
        var client = factory.CreateBrowser();
        await ReportJourney.StartAsync(client);
        await client.SubmitMainFormAsync("/report/reporting-for", ("ReportingFor", "Myself"));

        // Act
        var response = await client.GetAsync("/report/check-answers");

        // Assert
        response.AssertRedirectTo("/report/immediate-danger");
    }

    [Fact]
    public async Task Post_SendWithQuestionsLeft_StoresNothingAndRedirectsToQuestion()
    {
        // Arrange
        var client = factory.CreateBrowser();
        await ReportJourney.StartAsync(client);
        await client.SubmitMainFormAsync("/report/reporting-for", ("ReportingFor", "Myself"));
        var page = await client.GetDocumentAsync("/report/immediate-danger");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = await factory.WithDbAsync(db => db.PublicReports.CountAsync());

        // Act
        var response = await client.PostAsync("/report/submit", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        // Assert
        response.AssertRedirectTo("/report/immediate-danger");
        Assert.Equal(before, await factory.WithDbAsync(db => db.PublicReports.CountAsync()));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Returns400()
    {
        // Arrange
        var client = factory.CreateBrowser();
        await ReportJourney.StartAsync(client);

        // Act
        var response = await client.PostAsync("/report/immediate-danger", new FormUrlEncodedContent([new("InImmediateDanger", "no")]));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Get_SensitiveFields_HaveAutocompleteOff()
    {
        // Arrange
        var client = factory.CreateBrowser();
        await ReportJourney.AnswerAllAsync(client);

        // Act
        var document = await client.GetDocumentAsync("/report/contact-details");

        // Assert
        var inputs = document.QuerySelectorAll("main input[type=text], main input[type=tel], main input[type=email]");
        Assert.Equal(3, inputs.Length);
        Assert.All(inputs, i => Assert.Equal("off", i.GetAttribute("autocomplete")));
    }

    [Fact]
    public async Task Get_EveryJourneyPage_HasBackLinkAndQuickExit()
    {
        // Arrange
        var client = factory.CreateBrowser();
        await ReportJourney.AnswerAllAsync(client);

        // Act
        var documents = new List<AngleSharp.Html.Dom.IHtmlDocument>();
        foreach (var url in ReportJourney.Steps.Select(s => s.Url).Append("/report/check-answers"))
        {
            documents.Add(await client.GetDocumentAsync(url));
        }

        // Assert
        Assert.All(documents, d =>
        {
            Assert.NotNull(d.QuerySelector("a.govuk-back-link"));
            Assert.NotNull(d.QuerySelector(".app-quick-exit__button"));
            Assert.Single(d.QuerySelectorAll("h1"));
        });
    }
}
