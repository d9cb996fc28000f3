using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Notifications;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;
using static StalkingProtection.Web.Tests.PageTests.Workspace.Orders.OrderPages;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

/// <summary>What became of a suspected notification offence (SPA 2019 s.11): a question page and "check your answers" over the journey store.</summary>
public class RecordNotificationOffenceOutcomeTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    /// <summary>SPA 2019 s.11(1)(a): served on 20 March, the initial notification was due by the end of 23 March and never made.</summary>
    private async Task<(CreatedOrder Order, Guid OffenceId, string Url)> OffenceAsync()
    {
        var data = factory.Data();
        var order = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 3, 16)).ServedOn(new DateOnly(2026, 3, 20)));
        var offenceId = await data.WithServicesAsync(new DateOnly(2026, 4, 1), async s => (await s.Notifications.RecordOffenceAsync(
            new RecordNotificationOffenceOptions(order.Case.RespondentId, order.ObligationId, null, NotificationOffence.InitialNotNotified, null), TestData.Officer)).OffenceId);
        return (order, offenceId, $"/workspace/orders/record-notification-offence/outcome/{order.OrderId}/{offenceId}");
    }

    [Fact]
    public async Task SPA2019_s11_OutcomeDateBeforeTheOffence_ShowsTheRuleAtTheQuestion()
    {
        // Arrange
        var (_, offenceId, url) = await OffenceAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync(url, [F("Outcome", nameof(NotificationOffenceOutcome.Charged)), .. Date("OutcomeOn", new DateOnly(2026, 3, 1))]);

        // Assert
        Assert.Equal("Record the outcome of a suspected notification offence", page.HeadingText());
        Assert.Contains("cannot be before the suspected offence", page.InlineError("OutcomeOn"), StringComparison.Ordinal);
        Assert.Equal(NotificationOffenceOutcome.UnderInvestigation,
            await factory.WithDbAsync(db => db.NotificationOffences.Where(o => o.Id == offenceId).Select(o => o.Outcome).SingleAsync()));
    }

    [Fact]
    public async Task ChangeFromCheckYourAnswers_RestoresTheAnswersAndSavesNothingUntilConfirmed()
    {
        // Arrange
        var (order, offenceId, url) = await OffenceAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var check = await client.AnswerAsync(url, [F("Outcome", nameof(NotificationOffenceOutcome.Charged)), .. Date("OutcomeOn", new DateOnly(2026, 4, 2))]);
        var changeUrl = check.QuerySelector(".govuk-summary-list__actions a")!.GetAttribute("href")!;

        // Act
        var questions = await client.GetDocumentAsync(changeUrl);
        var beforeConfirm = await factory.WithDbAsync(db => db.NotificationOffences.Where(o => o.Id == offenceId).Select(o => o.Outcome).SingleAsync());
        var (rechecked, saved) = await client.AnswerCheckAndSaveAsync(changeUrl, [F("Outcome", nameof(NotificationOffenceOutcome.Cautioned))]);

        // Assert
        Assert.Equal("Check the outcome of the suspected offence", check.HeadingText());
        Assert.Empty(check.QuerySelectorAll("form input[type=hidden]:not([name=__RequestVerificationToken])"));
        Assert.Equal(NotificationOffenceOutcome.UnderInvestigation, beforeConfirm);
        Assert.NotNull(questions.QuerySelector("input[name=Outcome][value=Charged][checked]"));
        Assert.Equal("2", questions.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='OutcomeOn.Day']")!.Value);
        Assert.Contains("2 April 2026", rechecked.QuerySelectorAll(".govuk-summary-list")[^1].TextContent, StringComparison.Ordinal);
        saved.AssertRedirectTo($"/workspace/orders/{order.OrderId}");
        Assert.Equal(NotificationOffenceOutcome.Cautioned,
            await factory.WithDbAsync(db => db.NotificationOffences.Where(o => o.Id == offenceId).Select(o => o.Outcome).SingleAsync()));
    }

    [Fact]
    public async Task RL4_SomeoneElseRecordedAnOutcomeFirst_ShowsTheConflictAndKeepsTheirs()
    {
        // Arrange
        var (_, offenceId, url) = await OffenceAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var continued = await client.PostFormAsync(await client.GetDocumentAsync(url), url,
            [F("Outcome", nameof(NotificationOffenceOutcome.Charged)), .. Date("OutcomeOn", new DateOnly(2026, 4, 2))]);
        var checkUrl = continued.Headers.Location!.OriginalString;
        var check = await client.GetDocumentAsync(checkUrl);
        await factory.Data().WithServicesAsync(new DateOnly(2026, 4, 3), s => s.Notifications.RecordOffenceOutcomeAsync(
            new RecordNotificationOffenceOutcomeOptions(offenceId, NotificationOffenceOutcome.NoFurtherAction, new DateOnly(2026, 4, 3), null), TestData.Coordinator));

        // Act
        var response = await client.PostFormAsync(check, checkUrl);
        var page = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("[data-conflict]"));
        Assert.Equal(NotificationOffenceOutcome.NoFurtherAction,
            await factory.WithDbAsync(db => db.NotificationOffences.Where(o => o.Id == offenceId).Select(o => o.Outcome).SingleAsync()));
    }

    [Fact]
    public async Task CheckAnswersPostedAgainAfterSaving_StartsTheJourneyAgain()
    {
        // Arrange
        var (order, _, url) = await OffenceAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var continued = await client.PostFormAsync(await client.GetDocumentAsync(url), url, [F("Outcome", nameof(NotificationOffenceOutcome.UnderInvestigation))]);
        var checkUrl = continued.Headers.Location!.OriginalString;
        var check = await client.GetDocumentAsync(checkUrl);
        (await client.PostFormAsync(check, checkUrl)).AssertRedirectTo($"/workspace/orders/{order.OrderId}");

        // Act
        var replayed = await client.PostFormAsync(check, checkUrl);

        // Assert
        replayed.AssertRedirectTo(url);
    }
}
