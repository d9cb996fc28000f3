using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Orders;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;
using static StalkingProtection.Web.Tests.PageTests.Workspace.Orders.OrderPages;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

public class RecordBreachTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static IEnumerable<KeyValuePair<string, string>> Answers(Guid conditionId, DateOnly on) =>
        [F("ConditionId", conditionId.ToString()), .. Date("IncidentOn", on), F("IncidentTime", "21:15"), F("IncidentLocation", "Outside her work"), F("Description", "He waited outside and followed her.")];

    [Fact]
    public async Task RecordBreach_InsideTheConditionsWindow_SavesAndPromptsToRescreenTheRisk()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).ServedOn(new DateOnly(2026, 11, 3)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (check, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-breach/{order.OrderId}", Answers(order.ConditionIds[0], new DateOnly(2026, 11, 20)));
        var outcome = await client.GetDocumentAsync(saved.Headers.Location!.OriginalString);

        // Assert
        Assert.Equal("Check the breach", check.HeadingText());
        saved.AssertRedirectTo($"/workspace/orders/record-breach/outcome/{order.OrderId}/");
        Assert.Contains("Re-screen the risk", outcome.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("R37", outcome.QuerySelector("[data-penalty]")!.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Breaches.AnyAsync(b => b.OrderId == order.OrderId && b.ConditionId == order.ConditionIds[0])));
    }

    [Fact]
    public async Task R35_IncidentBeforeTheConditionWasInForce_ShowsTheRuleAtTheQuestion()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).ServedOn(new DateOnly(2026, 11, 3)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-breach/{order.OrderId}", Answers(order.ConditionIds[0], new DateOnly(2026, 10, 30)));

        // Assert
        Assert.Equal("Record a breach", page.HeadingText());
        Assert.Contains("R35", page.InlineError("IncidentOn"), StringComparison.Ordinal);
        Assert.Equal("#IncidentOn-day", page.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task R36_IncidentAfterTheOrderWasDischarged_ShowsTheRuleAtTheQuestion()
    {
        // Arrange
        var data = factory.Data();
        var order = await data.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 11, 2)).LastDay(new DateOnly(2026, 12, 30)).ServedOn(new DateOnly(2026, 11, 3)));
        await data.WithServicesAsync(new DateOnly(2026, 11, 10), s => s.Orders.DischargeAsync(new DischargeOrderOptions(order.OrderId, Core.Applications.ApplicantParty.Defendant, null,
            new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 10), []), TestData.Officer));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-breach/{order.OrderId}", Answers(order.ConditionIds[0], new DateOnly(2026, 11, 20)));

        // Assert
        Assert.Equal("Record a breach", page.HeadingText());
        Assert.Contains("R36", page.InlineError("IncidentOn"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continue_IncidentInTheFuture_ShowsTheRuleUnderTheDate()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).ServedOn(new DateOnly(2026, 11, 3)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-breach/{order.OrderId}", Answers(order.ConditionIds[0], new DateOnly(2026, 12, 2)));

        // Assert
        Assert.Contains(Core.Rules.RuleCheck.NotYetHappenedMessage, page.InlineError("IncidentOn"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task R35_IncidentBeforeService_WarnsAndSavesForLegalReviewWithTheReason()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).ServedOn(new DateOnly(2026, 11, 10)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/orders/record-breach/{order.OrderId}";

        // Act
        var (check, warned) = await client.AnswerCheckAndSaveAsync(url, Answers(order.ConditionIds[0], new DateOnly(2026, 11, 5)));
        var warning = await warned.GetDocumentAsync();
        var checkUrl = warned.RequestMessage!.RequestUri!.PathAndQuery;
        var saved = await client.PostFormAsync(warning, checkUrl, [F("OverrideReason", "He was in court when the order was made")]);

        // Assert
        Assert.Equal("Check the breach", check.HeadingText());
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("R35", warning.QuerySelector("[data-warnings]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(warning.QuerySelector("textarea[name=OverrideReason]"));
        saved.AssertRedirectTo("/workspace/orders/record-breach/outcome/");
        Assert.True(await factory.WithDbAsync(db => db.Breaches.AnyAsync(b => b.OrderId == order.OrderId && b.NeedsLegalReview && b.LegalReviewReason == "He was in court when the order was made")));
    }

    [Fact]
    public async Task RecordBreach_ChangeFromCheckYourAnswers_KeepsTheAnswersInTheJourneyNotTheForm()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).ServedOn(new DateOnly(2026, 11, 3)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var check = await client.AnswerAsync($"/workspace/orders/record-breach/{order.OrderId}", Answers(order.ConditionIds[0], new DateOnly(2026, 11, 20)));
        var changeUrl = check.QuerySelector(".govuk-summary-list__actions a")!.GetAttribute("href")!;

        // Act
        var questions = await client.GetDocumentAsync(changeUrl);
        var (rechecked, saved) = await client.AnswerCheckAndSaveAsync(changeUrl, [F("IncidentLocation", "Outside her home")]);

        // Assert
        Assert.Empty(check.QuerySelectorAll("form input[type=hidden]:not([name=__RequestVerificationToken])"));
        Assert.Contains("20 November 2026 at 9:15pm", check.QuerySelectorAll(".govuk-summary-list")[^1].TextContent, StringComparison.Ordinal);
        Assert.Equal("21:15", ((AngleSharp.Html.Dom.IHtmlInputElement)questions.QuerySelector("#IncidentTime")!).Value);
        Assert.NotNull(questions.QuerySelector($"input[name=ConditionId][value='{order.ConditionIds[0]}'][checked]"));
        Assert.Contains("Outside her home", rechecked.QuerySelectorAll(".govuk-summary-list")[^1].TextContent, StringComparison.Ordinal);
        saved.AssertRedirectTo($"/workspace/orders/record-breach/outcome/{order.OrderId}/");
    }

    [Fact]
    public async Task Continue_NothingEntered_ShowsGovUkErrors()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).ServedOn(new DateOnly(2026, 11, 3)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-breach/{order.OrderId}", []);

        // Assert
        Assert.Equal(["Select the condition that was broken", "Enter the date of the incident", "Enter the time of the incident", "Describe what happened"], page.ErrorSummaryMessages());
    }

    [Fact]
    public async Task R37_RecordConviction_ShowsTheMaximumPenaltyAndSavesTheOutcome()
    {
        // Arrange
        var (order, breachId) = await OrderWithBreachAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/orders/record-breach/outcome/{order.OrderId}/{breachId}";

        // Act
        var (check, saved) = await client.AnswerCheckAndSaveAsync(url,
            [F("CrimeReference", "CR/12345/26"), F("Outcome", "Convicted"), .. Date("ConvictedOn", new DateOnly(2026, 11, 27)), F("Sentence", "12 weeks"), .. Date("VictimInformedOn", new DateOnly(2026, 11, 27))]);

        // Assert
        Assert.Contains("12 months", check.QuerySelector("[data-penalty]")!.TextContent, StringComparison.Ordinal);
        saved.AssertRedirectTo($"/workspace/orders/{order.OrderId}");
        var breach = await factory.WithDbAsync(db => db.Breaches.SingleAsync(b => b.Id == breachId));
        Assert.Equal(BreachOutcome.Convicted, breach.Outcome);
        Assert.NotNull(breach.VictimInformedAt);
    }

    [Fact]
    public async Task RecordOutcome_ConvictedWithoutADate_ShowsGovUkError()
    {
        // Arrange
        var (order, breachId) = await OrderWithBreachAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-breach/outcome/{order.OrderId}/{breachId}", [F("Outcome", "Convicted")]);

        // Assert
        Assert.Equal(["Enter the date of conviction"], page.ErrorSummaryMessages());
    }

    [Fact]
    public async Task RL4_SomeoneElseUpdatedTheBreach_ShowsTheConflict()
    {
        // Arrange
        var (order, breachId) = await OrderWithBreachAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/orders/record-breach/outcome/{order.OrderId}/{breachId}";
        var question = await client.GetDocumentAsync(url);
        await factory.Data().WithServicesAsync(new DateOnly(2026, 11, 28), s => s.Breaches.RecordOutcomeAsync(
            new RecordBreachOutcomeOptions(breachId, BreachOutcome.NoFurtherAction, null, null), TestData.Coordinator));
        var continued = await client.PostFormAsync(question, url, [F("Outcome", "Charged")]);
        var checkUrl = continued.Headers.Location!.OriginalString;
        var check = await client.GetDocumentAsync(checkUrl);

        // Act
        var response = await client.PostFormAsync(check, checkUrl);
        var page = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("[data-conflict]"));
        var outcome = await factory.WithDbAsync(db => db.Breaches.Where(b => b.Id == breachId).Select(b => b.Outcome).SingleAsync());
        Assert.Equal(BreachOutcome.NoFurtherAction, outcome);
    }

    [Fact]
    public async Task R37_ConvictionBeforeTheIncident_ShowsTheRuleAtTheQuestion()
    {
        // Arrange
        var (order, breachId) = await OrderWithBreachAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-breach/outcome/{order.OrderId}/{breachId}",
            [F("Outcome", "Convicted"), .. Date("ConvictedOn", new DateOnly(2026, 11, 19)), .. Date("ArrestedOn", new DateOnly(2026, 12, 2))]);

        // Assert
        Assert.Equal("Record what happened after the breach", page.HeadingText());
        Assert.Contains("cannot be before the incident on 20 November 2026", page.InlineError("ConvictedOn"), StringComparison.Ordinal);
        Assert.Contains("R37", page.InlineError("ConvictedOn"), StringComparison.Ordinal);
        Assert.Contains(Core.Rules.RuleCheck.NotYetHappenedMessage, page.InlineError("ArrestedOn"), StringComparison.Ordinal);
        Assert.Equal(BreachOutcome.UnderInvestigation, await factory.WithDbAsync(db => db.Breaches.Where(b => b.Id == breachId).Select(b => b.Outcome).SingleAsync()));
    }

    [Fact]
    public async Task RecordOutcome_ChangeFromCheckYourAnswers_RestoresTheAnswersAndSavesNothingUntilConfirmed()
    {
        // Arrange
        var (order, breachId) = await OrderWithBreachAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var check = await client.AnswerAsync($"/workspace/orders/record-breach/outcome/{order.OrderId}/{breachId}",
            [F("CrimeReference", "CR/1/26"), F("Outcome", "Charged"), .. Date("ChargedOn", new DateOnly(2026, 11, 25))]);
        var changeUrl = check.QuerySelector(".govuk-summary-list__actions a")!.GetAttribute("href")!;

        // Act
        var questions = await client.GetDocumentAsync(changeUrl);
        var savedBeforeConfirm = await factory.WithDbAsync(db => db.Breaches.Where(b => b.Id == breachId).Select(b => b.CrimeReference).SingleAsync());
        var (rechecked, saved) = await client.AnswerCheckAndSaveAsync(changeUrl, [F("CrimeReference", "CR/2/26")]);

        // Assert
        Assert.Equal("Check what happened after the breach", check.HeadingText());
        Assert.Empty(check.QuerySelectorAll("form input[type=hidden]:not([name=__RequestVerificationToken])"));
        Assert.Null(savedBeforeConfirm);
        Assert.Equal("CR/1/26", questions.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=CrimeReference]")!.Value);
        Assert.NotNull(questions.QuerySelector("input[name=Outcome][value=Charged][checked]"));
        Assert.Equal("25", questions.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='ChargedOn.Day']")!.Value);
        Assert.Contains("CR/2/26", rechecked.QuerySelectorAll(".govuk-summary-list")[^1].TextContent, StringComparison.Ordinal);
        saved.AssertRedirectTo($"/workspace/orders/{order.OrderId}");
        Assert.Equal("CR/2/26", await factory.WithDbAsync(db => db.Breaches.Where(b => b.Id == breachId).Select(b => b.CrimeReference).SingleAsync()));
    }

    [Fact]
    public async Task RecordOutcome_CheckAnswersPostedAgainAfterSaving_StartsTheJourneyAgain()
    {
        // Arrange
        var (order, breachId) = await OrderWithBreachAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/orders/record-breach/outcome/{order.OrderId}/{breachId}";
        var continued = await client.PostFormAsync(await client.GetDocumentAsync(url), url, [F("Outcome", "Charged")]);
        var checkUrl = continued.Headers.Location!.OriginalString;
        var check = await client.GetDocumentAsync(checkUrl);
        (await client.PostFormAsync(check, checkUrl)).AssertRedirectTo($"/workspace/orders/{order.OrderId}");

        // Act
        var replayed = await client.PostFormAsync(check, checkUrl);

        // Assert
        replayed.AssertRedirectTo(url);
    }

    private async Task<(CreatedOrder Order, Guid BreachId)> OrderWithBreachAsync()
    {
        var data = factory.Data();
        var order = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).ServedOn(new DateOnly(2026, 11, 3)));
        var breachId = await data.WithServicesAsync(new DateOnly(2026, 11, 21), async s => (await s.Breaches.RecordBreachAsync(
            new RecordBreachOptions(order.OrderId, order.ConditionIds[0], TestData.NoonOn(new DateOnly(2026, 11, 20)), null, "Sent her messages"), TestData.Officer)).BreachId);
        return (order, breachId);
    }
}
