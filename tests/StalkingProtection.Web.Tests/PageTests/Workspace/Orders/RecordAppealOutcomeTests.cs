using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;
using static StalkingProtection.Web.Tests.PageTests.Workspace.Orders.OrderPages;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

/// <summary>The Crown Court's decision on an appeal (SPA 2019 s.7, R24).</summary>
public class RecordAppealOutcomeTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly DateOnly _made = new(2026, 11, 2);

    private async Task<(CreatedOrder Order, Guid AppealId, string Url)> AppealAsync(AppealableDecision decision = AppealableDecision.MakingOfOrder)
    {
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(_made).ServedOn(_made));
        var appealId = await factory.Data().WithServicesAsync(new DateOnly(2026, 11, 5), async s => (await s.Appeals.LodgeAsync(new LodgeAppealOptions(order.OrderId, null,
            AppellantType.Defendant, decision, _made, new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 5), "The order is not necessary."), TestData.Officer)).AppealId);
        return (order, appealId, $"/workspace/orders/record-appeal-outcome/{order.OrderId}/{appealId}");
    }

    [Fact]
    public async Task R24_AppealAllowedAgainstTheMakingOfTheOrder_QuashesItAndShowsTheOutcomeOnTheOrderPage()
    {
        // Arrange
        var (order, appealId, url) = await AppealAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (check, saved) = await client.AnswerCheckAndSaveAsync(url,
            [F("Outcome", "Allowed"), .. Date("DecidedOn", new DateOnly(2026, 11, 27)), F("CrownCourtReference", "T20267001"), F("ConsequentialOrders", "No order for costs.")]);
        var orderPage = await client.GetDocumentAsync($"/workspace/orders/{order.OrderId}");

        // Assert
        Assert.Contains("The order is quashed from 27 November 2026", check.QuerySelector("[data-effect-on-order]")!.TextContent, StringComparison.Ordinal);
        saved.AssertRedirectTo($"/workspace/orders/{order.OrderId}");
        var appeal = orderPage.QuerySelector($"[data-appeal='{appealId}']")!.TextContent;
        Assert.Contains("Allowed on 27 November 2026", appeal, StringComparison.Ordinal);
        Assert.Contains("T20267001", appeal, StringComparison.Ordinal);
        Assert.Contains("No order for costs.", appeal, StringComparison.Ordinal);
        Assert.Contains("23 November 2026 (15 business days, CrimPR r.34.2, R24)", appeal, StringComparison.Ordinal);
        Assert.Contains("Quashed", orderPage.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R24_AppealDismissed_LeavesTheOrderInForce()
    {
        // Arrange
        var (order, appealId, url) = await AppealAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (check, saved) = await client.AnswerCheckAndSaveAsync(url, [F("Outcome", "Dismissed"), .. Date("DecidedOn", new DateOnly(2026, 11, 27)), F("CrownCourtReference", "T20267002")]);

        // Assert
        Assert.Equal("The order is unchanged", check.QuerySelector("[data-effect-on-order]")!.TextContent.Trim());
        saved.AssertRedirectTo($"/workspace/orders/{order.OrderId}");
        var (outcome, status) = await factory.WithDbAsync(async db => ((await db.Appeals.SingleAsync(a => a.Id == appealId)).Outcome,
            (await db.Orders.SingleAsync(o => o.Id == order.OrderId)).StatusOn(new DateOnly(2026, 11, 28))));
        Assert.Equal((AppealOutcome.Dismissed, OrderStatus.InForce), (outcome, status));
    }

    [Fact]
    public async Task R24_AppealAllowedAgainstAVariation_SaysTheOrderStaysUntilTheChangeIsRecorded()
    {
        // Arrange
        var (_, _, url) = await AppealAsync(AppealableDecision.MakingOfS4OrderOnChiefOfficerApplication);
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var check = await client.AnswerAsync(url, [F("Outcome", "Allowed"), .. Date("DecidedOn", new DateOnly(2026, 11, 27)), F("CrownCourtReference", "T20267003")]);

        // Assert
        Assert.Contains("record a variation, renewal or discharge", check.QuerySelector("[data-effect-on-order]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R24_DecidedBeforeTheDecisionAppealed_ShowsTheRuleAtTheQuestion()
    {
        // Arrange
        var (_, appealId, url) = await AppealAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync(url, [F("Outcome", "Dismissed"), .. Date("DecidedOn", new DateOnly(2026, 10, 1)), F("CrownCourtReference", "T1")]);

        // Assert
        Assert.Equal("Record the outcome of the appeal", page.HeadingText());
        Assert.Contains("cannot be decided before the decision appealed", page.InlineError("DecidedOn"), StringComparison.Ordinal);
        Assert.Contains("R24", page.InlineError("DecidedOn"), StringComparison.Ordinal);
        Assert.Equal(AppealOutcome.Pending, await factory.WithDbAsync(db => db.Appeals.Where(a => a.Id == appealId).Select(a => a.Outcome).SingleAsync()));
    }

    [Fact]
    public async Task R24_DecidedInTheFuture_ShowsTheRuleAtTheQuestion()
    {
        // Arrange
        var (_, _, url) = await AppealAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync(url, [F("Outcome", "Dismissed"), .. Date("DecidedOn", new DateOnly(2026, 12, 1)), F("CrownCourtReference", "T1")]);

        // Assert
        Assert.Contains("cannot be in the future", page.InlineError("DecidedOn"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAppealOutcome_NothingEntered_ShowsGovUkErrors()
    {
        // Arrange
        var (_, _, url) = await AppealAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var empty = await client.AnswerAsync(url, []);
        var tooLong = await client.AnswerAsync(url, [F("Outcome", "Abandoned"), .. Date("DecidedOn", new DateOnly(2026, 11, 27)),
            F("CrownCourtReference", new string('T', 101)), F("ConsequentialOrders", new string('x', 4001))]);

        // Assert
        Assert.Equal(["Select what the Crown Court decided", "Enter the date the appeal was decided", "Enter the Crown Court reference"], empty.ErrorSummaryMessages());
        Assert.Equal(["The Crown Court reference must be 100 characters or fewer", "The consequential orders must be 4000 characters or fewer"], tooLong.ErrorSummaryMessages());
    }

    [Fact]
    public async Task ChangeFromCheckYourAnswers_RestoresTheAnswers_ThenContinue_ReachesCheckYourAnswers()
    {
        // Arrange
        var (_, appealId, url) = await AppealAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var check = await client.AnswerAsync(url, [F("Outcome", "Dismissed"), .. Date("DecidedOn", new DateOnly(2026, 11, 27)), F("CrownCourtReference", "T9")]);
        var changeUrl = check.QuerySelector(".govuk-summary-list__actions a")!.GetAttribute("href")!;

        // Act
        var questions = await client.GetDocumentAsync(changeUrl);
        var checkAgain = await client.AnswerAsync(changeUrl, [F("CrownCourtReference", "T20267001")]);

        // Assert
        Assert.Empty(check.QuerySelectorAll("form input[type=hidden]:not([name=__RequestVerificationToken])"));
        Assert.Equal("Record the outcome of the appeal", questions.HeadingText());
        Assert.StartsWith(url + "?journey=", questions.QuerySelectorAll("form").Single(f => f.GetAttribute("method") == "post").GetAttribute("action"), StringComparison.Ordinal);
        Assert.Equal("T9", questions.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=CrownCourtReference]")!.Value);
        Assert.NotNull(questions.QuerySelector("input[name=Outcome][value=Dismissed][checked]"));
        Assert.Equal("Check the appeal outcome", checkAgain.HeadingText());
        Assert.Contains("T20267001", checkAgain.QuerySelectorAll(".govuk-summary-list")[^1].TextContent, StringComparison.Ordinal);
        Assert.Equal(AppealOutcome.Pending, await factory.WithDbAsync(db => db.Appeals.Where(a => a.Id == appealId).Select(a => a.Outcome).SingleAsync()));
    }

    [Fact]
    public async Task CheckAnswersPostedAgainAfterSaving_StartsTheJourneyAgain()
    {
        // Arrange
        var (order, _, url) = await AppealAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var continued = await client.PostFormAsync(await client.GetDocumentAsync(url), url,
            [F("Outcome", "Dismissed"), .. Date("DecidedOn", new DateOnly(2026, 11, 27)), F("CrownCourtReference", "T9")]);
        var checkUrl = continued.Headers.Location!.OriginalString;
        var check = await client.GetDocumentAsync(checkUrl);
        (await client.PostFormAsync(check, checkUrl)).AssertRedirectTo($"/workspace/orders/{order.OrderId}");

        // Act
        var replayed = await client.PostFormAsync(check, checkUrl);

        // Assert
        replayed.AssertRedirectTo(url);
    }

    [Fact]
    public async Task RL4_SomeoneElseRecordedTheOutcomeFirst_ShowsTheConflictAndKeepsTheirs()
    {
        // Arrange
        var (order, appealId, url) = await AppealAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var question = await client.GetDocumentAsync(url);
        var continued = await client.PostFormAsync(question, url, [F("Outcome", "Allowed"), .. Date("DecidedOn", new DateOnly(2026, 11, 27)), F("CrownCourtReference", "T9")]);
        var checkUrl = continued.Headers.Location!.OriginalString;
        var check = await client.GetDocumentAsync(checkUrl);
        await factory.Data().WithServicesAsync(new DateOnly(2026, 11, 28), s => s.Appeals.DecideAsync(
            new DecideAppealOptions(appealId, AppealOutcome.Abandoned, new DateOnly(2026, 11, 26), null), TestData.Coordinator));

        // Act
        var page = await (await client.PostFormAsync(check, checkUrl)).GetDocumentAsync();

        // Assert
        Assert.Contains("Someone else changed this order", page.QuerySelector("[data-conflict]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Abandoned on 26 November 2026", page.QuerySelector("[data-current-appeal]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.InForce, await factory.WithDbAsync(async db => (await db.Orders.SingleAsync(o => o.Id == order.OrderId)).StatusOn(new DateOnly(2026, 11, 28))));
    }

    [Fact]
    public async Task Get_AppealOfAnotherOrder_Returns404()
    {
        // Arrange
        var (_, appealId, _) = await AppealAsync();
        var other = await factory.Data().CreateOrderAsync(o => o.MadeOn(_made));
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Coordinator, CaseTeam));

        // Act
        var response = await client.GetAsync($"/workspace/orders/record-appeal-outcome/{other.OrderId}/{appealId}");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
