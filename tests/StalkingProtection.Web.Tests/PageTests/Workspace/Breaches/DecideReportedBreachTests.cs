using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.Public;
using StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Breaches;

public class DecideReportedBreachTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private async Task<(Guid OrderId, Guid ReportedId)> ReportedAsync(bool knownOrder = true)
    {
        var data = new TestData(factory.Database);
        var order = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 3, 16)).ServedOn(new DateOnly(2026, 3, 16)));
        var victimReference = knownOrder
            ? await factory.WithDbAsync(db => db.Orders.Where(o => o.Id == order.OrderId).Select(o => o.VictimReference!).SingleAsync())
            : "SPO-ZZZZ-3333";
        var (id, _) = await data.CreateReportedBreachAsync(factory.Services.GetRequiredService<IDataProtectionProvider>(), victimReference, new DateOnly(2026, 11, 27));
        return (order.OrderId, id);
    }

    [Fact]
    public async Task Get_OrderPage_ShowsTheVictimReferenceAndTheReportedBreach()
    {
        // Arrange
        var (orderId, reportedId) = await ReportedAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.GetDocumentAsync($"/workspace/orders/{orderId}");

        // Assert
        Assert.Matches("^SPO-[A-Z2-9]{4}-[A-Z2-9]{4}$", page.QuerySelector("[data-victim-reference]")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"[data-reported-breaches] a[href='/workspace/breaches/decide-reported-breach/{reportedId}']"));
    }

    [Fact]
    public async Task R39_Post_NoDecisionOrReasons_ShowsTheErrorSummaryAndTheTaskStaysOpen()
    {
        // Arrange
        var (_, reportedId) = await ReportedAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/breaches/decide-reported-breach/{reportedId}";

        // Act
        var response = await client.SubmitMainFormAsync(url, ("Decision", "sp-unknown-option"), ("Reasons", "  "));
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = document.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#Decision", links);
        Assert.Contains("#Reasons", links);
        Assert.Equal(StaffTaskStatus.Open, await factory.WithDbAsync(db => db.StaffTasks.Where(t => t.RecordId == reportedId).Select(t => t.Status).SingleAsync()));
    }

    [Fact]
    public async Task R41_Post_ReasonsWithAPhoneNumber_ShowsTheErrorOnTheReasonsAndRecordsNothing()
    {
        // Arrange
        var (_, reportedId) = await ReportedAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/breaches/decide-reported-breach/{reportedId}";
        var check = await client.AnswerAsync(url,
            [OrderPages.F("Decision", nameof(ReportedBreachDecision.NoBreach)), OrderPages.F("Reasons", "His employer confirmed it on 0113 496 0000.")]);

        // Act
        var response = await client.PostFormAsync(check, url);
        var document = await response.GetDocumentAsync();
        var error = Assert.Single(document.QuerySelectorAll(".govuk-error-summary a"));
        var question = await client.GetDocumentAsync(error.GetAttribute("href")!);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("#Reasons", error.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("must not contain a phone number", error.TextContent, StringComparison.Ordinal);
        Assert.Equal("His employer confirmed it on 0113 496 0000.", question.QuerySelector("textarea[name=Reasons]")!.TextContent.Trim());
        Assert.Null(await factory.WithDbAsync(db => db.ReportedBreaches.Where(r => r.Id == reportedId).Select(r => r.Decision).SingleAsync()));
    }

    [Fact]
    public async Task SPA2019_s8_Post_DecisionWithReasons_RecordsItClosesTheTaskAndKeepsTheOutcomeToTellTheVictim()
    {
        // Arrange
        var (orderId, reportedId) = await ReportedAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (_, response) = await client.AnswerCheckAndSaveAsync($"/workspace/breaches/decide-reported-breach/{reportedId}",
            [OrderPages.F("Decision", nameof(ReportedBreachDecision.FurtherEnquiries)), OrderPages.F("Reasons", "Asking the neighbour for doorbell video.")]);

        // Assert
        PublicFormExtensions.AssertRedirectTo(response, $"/workspace/orders/{orderId}");
        var reported = await factory.WithDbAsync(db => db.ReportedBreaches.SingleAsync(r => r.Id == reportedId));
        Assert.Equal(ReportedBreachDecision.FurtherEnquiries, reported.Decision);
        Assert.True(reported.OutcomeToTell);
        Assert.Equal(StaffTaskStatus.Done, await factory.WithDbAsync(db => db.StaffTasks.Where(t => t.RecordId == reportedId).Select(t => t.Status).SingleAsync()));
        Assert.False(await factory.WithDbAsync(db => db.Breaches.AnyAsync(b => b.OrderId == orderId)));
    }

    [Fact]
    public async Task SPA2019_s8_R35_R36_Post_Arrest_RecordsABreachOfTheChosenConditionWithTheArrest()
    {
        // Arrange
        var (orderId, reportedId) = await ReportedAsync();
        var conditionId = await factory.WithDbAsync(async db => (await db.Orders.SingleAsync(o => o.Id == orderId)).ConditionSets.SelectMany(c => c.Conditions).First().Id);
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (_, response) = await client.AnswerCheckAndSaveAsync($"/workspace/breaches/decide-reported-breach/{reportedId}",
            [OrderPages.F("Decision", nameof(ReportedBreachDecision.Arrest)), OrderPages.F("Reasons", "Doorbell video shows him at her door."),
                OrderPages.F("ConditionId", conditionId.ToString()), .. OrderPages.Date("ArrestedOn", new DateOnly(2026, 11, 28)), OrderPages.F("ArrestedTime", "09:15")]);

        // Assert
        PublicFormExtensions.AssertRedirectTo(response, $"/workspace/orders/{orderId}");
        Assert.Equal(ReportedBreachDecision.Arrest, await factory.WithDbAsync(db => db.ReportedBreaches.Where(r => r.Id == reportedId).Select(r => r.Decision).SingleAsync()));
        var breach = await factory.WithDbAsync(db => db.Breaches.SingleAsync(b => b.OrderId == orderId));
        Assert.Equal(conditionId, breach.ConditionId);
        Assert.Equal(LondonTime.ToUtc(new DateOnly(2026, 11, 28), new TimeOnly(9, 15)), breach.ArrestedAt);
        Assert.Equal(LondonTime.ToUtc(new DateOnly(2026, 11, 27), new TimeOnly(17, 30)), breach.IncidentAt);
    }

    [Fact]
    public async Task SPA2019_s8_R35_CheckAnswers_ListsTheArrestAndChangeKeepsTheAnswersWithNothingSaved()
    {
        // Arrange
        var (orderId, reportedId) = await ReportedAsync();
        var conditionId = await factory.WithDbAsync(async db => (await db.Orders.SingleAsync(o => o.Id == orderId)).ConditionSets.SelectMany(c => c.Conditions).First().Id);
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var arrestedAt = LondonTime.ToUtc(new DateOnly(2026, 11, 28), new TimeOnly(9, 15));

        // Act
        var check = await client.AnswerAsync($"/workspace/breaches/decide-reported-breach/{reportedId}",
            [OrderPages.F("Decision", nameof(ReportedBreachDecision.Arrest)), OrderPages.F("Reasons", "Doorbell video shows him at her door."),
                OrderPages.F("ConditionId", conditionId.ToString()), .. OrderPages.Date("ArrestedOn", new DateOnly(2026, 11, 28)), OrderPages.F("ArrestedTime", "09:15")]);
        var change = await client.GetDocumentAsync(check.QuerySelector("[data-decision-answers] a")!.GetAttribute("href")!);

        // Assert
        var answers = check.QuerySelector("[data-decision-answers]")!.TextContent;
        Assert.Equal("Check your answers", check.HeadingText());
        Assert.Contains("Arrest the respondent", answers, StringComparison.Ordinal);
        Assert.Contains("Doorbell video shows him at her door.", answers, StringComparison.Ordinal);
        Assert.Contains("condition 1", answers, StringComparison.Ordinal);
        Assert.Contains(Display.DateTime(arrestedAt), answers, StringComparison.Ordinal);
        Assert.Equal(nameof(ReportedBreachDecision.Arrest), change.QuerySelector("input[name=Decision]:checked")!.GetAttribute("value"));
        Assert.Equal(conditionId.ToString(), change.QuerySelector("input[name=ConditionId]:checked")!.GetAttribute("value"));
        Assert.Equal("Doorbell video shows him at her door.", change.QuerySelector("textarea[name=Reasons]")!.TextContent.Trim());
        Assert.Equal("09:15", change.QuerySelector("input[name=ArrestedTime]")!.GetAttribute("value"));
        Assert.Null(await factory.WithDbAsync(db => db.ReportedBreaches.Where(r => r.Id == reportedId).Select(r => r.Decision).SingleAsync()));
    }

    [Fact]
    public async Task R39_R41_CheckAnswers_SavedDecisionIsAuditedOnceAndARefusedOneNotAtAll()
    {
        // Arrange
        var (_, refusedId) = await ReportedAsync();
        var (_, savedId) = await ReportedAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var refusedUrl = $"/workspace/breaches/decide-reported-breach/{refusedId}";
        var refusedCheck = await client.AnswerAsync(refusedUrl,
            [OrderPages.F("Decision", nameof(ReportedBreachDecision.NoBreach)), OrderPages.F("Reasons", "Call her on 0113 496 0000.")]);

        // Act
        var refused = await (await client.PostFormAsync(refusedCheck, refusedUrl)).GetDocumentAsync();
        var (_, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/breaches/decide-reported-breach/{savedId}",
            [OrderPages.F("Decision", nameof(ReportedBreachDecision.NoBreach)), OrderPages.F("Reasons", "He was in custody at that time.")]);

        // Assert
        Assert.Equal("Check your answers", refused.HeadingText());
        Assert.Contains(refused.ErrorSummaryMessages(), m => m.Contains("R41", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "ReportedBreach.Decided" && e.RecordId == refusedId.ToString())));
        Assert.Equal(StaffTaskStatus.Open, await factory.WithDbAsync(db => db.StaffTasks.Where(t => t.RecordId == refusedId).Select(t => t.Status).SingleAsync()));
        var audited = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "ReportedBreach.Decided" && e.RecordId == savedId.ToString()));
        Assert.Contains(nameof(ReportedBreachDecision.NoBreach), audited.NewValues, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R35_Post_ArrestWithoutTheConditionOrTheArrest_ShowsTheErrorSummaryAndRecordsNothing()
    {
        // Arrange
        var (orderId, reportedId) = await ReportedAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var response = await client.SubmitMainFormAsync($"/workspace/breaches/decide-reported-breach/{reportedId}",
            ("Decision", nameof(ReportedBreachDecision.Arrest)), ("Reasons", "Doorbell video shows him at her door."), ("ArrestedTime", "quarter past"));
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = document.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#ConditionId", links);
        Assert.Contains("#ArrestedTime", links);
        Assert.Contains(links, l => l!.StartsWith("#ArrestedOn", StringComparison.Ordinal));
        Assert.Null(await factory.WithDbAsync(db => db.ReportedBreaches.Where(r => r.Id == reportedId).Select(r => r.Decision).SingleAsync()));
        Assert.False(await factory.WithDbAsync(db => db.Breaches.AnyAsync(b => b.OrderId == orderId)));
    }

    [Fact]
    public async Task DPA2018_s62_ShowContact_HiddenUntilAReasonIsGivenThenShownAndAuditedWithTheReason()
    {
        // Arrange
        var (_, reportedId) = await ReportedAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/breaches/decide-reported-breach/{reportedId}";

        // Act
        var page = await client.GetDocumentAsync(url);
        var withoutReason = await (await client.SubmitFormAsync(url, new Dictionary<string, string> { ["ContactReason"] = " " }, "form[data-show-contact]")).GetDocumentAsync();
        var withReason = await (await client.SubmitFormAsync(url, new Dictionary<string, string> { ["ContactReason"] = "To tell her the decision" }, "form[data-show-contact]"))
            .GetDocumentAsync();

        // Assert
        Assert.DoesNotContain("07700 900456", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-contact-details]"));
        Assert.Contains("#ContactReason", withoutReason.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")));
        Assert.DoesNotContain("07700 900456", withoutReason.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("07700 900456", withReason.QuerySelector("[data-contact-details]")!.TextContent, StringComparison.Ordinal);
        var reads = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "ReportedBreach.ContactDetailsViewed" && e.RecordId == reportedId.ToString()).ToListAsync());
        Assert.Equal("To tell her the decision", Assert.Single(reads).Justification);
    }

    [Fact]
    public async Task Get_ReportForNoOrder_IsForCoordinatorsOnlyAndListedInTheirTasks()
    {
        // Arrange
        var (_, reportedId) = await ReportedAsync(knownOrder: false);
        var officer = factory.CreateBrowser(await factory.OfficerAsync());
        var coordinator = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Coordinator, OrderPages.CaseTeam));

        // Act
        var asOfficer = await officer.GetAsync($"/workspace/breaches/decide-reported-breach/{reportedId}");
        var asCoordinator = await coordinator.GetAsync($"/workspace/breaches/decide-reported-breach/{reportedId}");
        var tasks = await coordinator.GetDocumentAsync("/workspace/tasks");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, asOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asCoordinator.StatusCode);
        Assert.NotNull(tasks.QuerySelector($"a[href='/workspace/breaches/decide-reported-breach/{reportedId}']"));
    }

    [Fact]
    public async Task R41_RecordReporterTold_PhoneCall_ChecksTheAnswersThenShowsWhenTheyWereToldOnTheDecisionPage()
    {
        // Arrange
        var (_, reportedId) = await ReportedAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var decisionUrl = $"/workspace/breaches/decide-reported-breach/{reportedId}";
        await client.AnswerCheckAndSaveAsync(decisionUrl, [OrderPages.F("Decision", nameof(ReportedBreachDecision.NoBreach)), OrderPages.F("Reasons", "He was in custody at that time.")]);
        var before = await client.GetDocumentAsync(decisionUrl);
        var toldAt = LondonTime.ToUtc(new DateOnly(2026, 11, 28), new TimeOnly(12, 0));

        // Act
        var (check, saved) = await client.AnswerCheckAndSaveAsync(before.QuerySelector("a[data-record-reporter-told]")!.GetAttribute("href")!,
            [OrderPages.F("How", nameof(ReporterToldHow.PhoneCall)), .. OrderPages.Date("ToldOn", new DateOnly(2026, 11, 28)), OrderPages.F("ToldAt", "12:00")]);
        var after = await client.GetDocumentAsync(decisionUrl);

        // Assert
        Assert.StartsWith("Not yet", before.QuerySelector("[data-reporter-told]")!.TextContent.Trim(), StringComparison.Ordinal);
        var checkedAnswers = check.QuerySelector("[data-reporter-told]")!.TextContent;
        Assert.Contains("A phone call", checkedAnswers, StringComparison.Ordinal);
        Assert.Contains(Display.DateTime(toldAt), checkedAnswers, StringComparison.Ordinal);
        PublicFormExtensions.AssertRedirectTo(saved, decisionUrl);
        Assert.Equal(Display.DateTime(toldAt), after.QuerySelector("[data-reporter-told]")!.TextContent.Trim());
        Assert.Null(after.QuerySelector("a[data-record-reporter-told]"));
        Assert.Equal(toldAt, await factory.WithDbAsync(db => db.ReportedBreaches.Where(r => r.Id == reportedId).Select(r => r.VictimToldAt).SingleAsync()));
        var audited = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "ReportedBreach.ReporterTold" && e.RecordId == reportedId.ToString()));
        Assert.Contains(nameof(ReporterToldHow.PhoneCall), audited.NewValues, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R41_RecordReporterTold_BeforeADecisionOrWithoutAnswers_ShowsTheErrorSummaryAndSavesNothing()
    {
        // Arrange
        var (_, reportedId) = await ReportedAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/breaches/record-reporter-told/{reportedId}", [OrderPages.F("ToldAt", "quarter past")]);

        // Assert
        var messages = page.ErrorSummaryMessages();
        Assert.Contains("Record the decision before recording that the person who reported was told it", messages);
        var links = page.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#How", links);
        Assert.Contains("#ToldAt", links);
        Assert.Null(await factory.WithDbAsync(db => db.ReportedBreaches.Where(r => r.Id == reportedId).Select(r => r.VictimToldAt).SingleAsync()));
    }
}
