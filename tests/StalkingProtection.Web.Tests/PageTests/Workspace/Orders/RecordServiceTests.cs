using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Tests.Infrastructure;
using static StalkingProtection.Web.Tests.PageTests.Workspace.Orders.OrderPages;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

public class RecordServiceTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static IEnumerable<KeyValuePair<string, string>> Answers(DateOnly servedOn) =>
        [.. Date("ServedOn", servedOn), F("ServedTime", "10:30"), F("Method", "Personal"), F("ServedBy", "PC Jones")];

    [Fact]
    public async Task R25_RecordService_ChecksAnswersThenSavesAndShowsTheNotificationDeadline()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/orders/record-service/{order.OrderId}";

        // Act
        var (check, saved) = await client.AnswerCheckAndSaveAsync(url, Answers(new DateOnly(2026, 11, 27)));
        var orderPage = await client.GetDocumentAsync($"/workspace/orders/{order.OrderId}");

        // Assert
        Assert.Equal("Check the service details", check.HeadingText());
        saved.AssertRedirectTo($"/workspace/orders/{order.OrderId}");
        Assert.Contains("must notify the police by the end of 29 November 2026", orderPage.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var servedBy = await factory.WithDbAsync(db => db.Orders.Where(o => o.Id == order.OrderId).Select(o => o.ServedBy).SingleAsync());
        Assert.Equal("PC Jones", servedBy);
    }

    [Fact]
    public async Task ChangeFromCheckYourAnswers_KeepsTheAnswersInTheJourneyNotTheForm()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var check = await client.AnswerAsync($"/workspace/orders/record-service/{order.OrderId}", Answers(new DateOnly(2026, 11, 27)));
        var changeUrl = check.QuerySelector(".govuk-summary-list__actions a")!.GetAttribute("href")!;

        // Act
        var questions = await client.GetDocumentAsync(changeUrl);
        var (rechecked, saved) = await client.AnswerCheckAndSaveAsync(changeUrl, [F("ServedBy", "PC Shah")]);

        // Assert
        Assert.Empty(check.QuerySelectorAll("input[type=hidden]:not([name=__RequestVerificationToken])"));
        Assert.Equal("Record service of the order", questions.HeadingText());
        Assert.Equal("PC Jones", ((AngleSharp.Html.Dom.IHtmlInputElement)questions.QuerySelector("#ServedBy")!).Value);
        Assert.Equal("10:30", ((AngleSharp.Html.Dom.IHtmlInputElement)questions.QuerySelector("#ServedTime")!).Value);
        Assert.Equal("Check the service details", rechecked.HeadingText());
        Assert.Contains("27 November 2026 at 10:30am", rechecked.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        saved.AssertRedirectTo($"/workspace/orders/{order.OrderId}");
        Assert.Equal("PC Shah", await factory.WithDbAsync(db => db.Orders.Where(o => o.Id == order.OrderId).Select(o => o.ServedBy).SingleAsync()));
    }

    [Fact]
    public async Task Continue_NothingEntered_ShowsGovUkErrors()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-service/{order.OrderId}", [F("ServedBy", "")]);

        // Assert
        Assert.Equal(
            ["Enter the date the order was served", "Enter the time the order was served", "Select how the order was served", "Enter the name of the officer who served the order"],
            page.ErrorSummaryMessages());
        Assert.Contains("Enter the date the order was served", page.InlineError("ServedOn"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continue_TimeThatIsNotATime_ShowsGovUkError()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-service/{order.OrderId}", [.. Answers(new DateOnly(2026, 11, 27)).Where(a => a.Key != "ServedTime"), F("ServedTime", "25:99")]);

        // Assert
        Assert.Equal(["Enter the time as hours and minutes, for example 14:30"], page.ErrorSummaryMessages());
    }

    [Fact]
    public async Task Change_FromCheckYourAnswers_ShowsTheQuestionsWithTheAnswersAndSavesNothing()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var check = await client.AnswerAsync($"/workspace/orders/record-service/{order.OrderId}", Answers(new DateOnly(2026, 11, 27)));

        // Act
        var questions = await client.GetDocumentAsync(check.QuerySelector(".govuk-summary-list__actions a")!.GetAttribute("href")!);

        // Assert
        Assert.Equal("Record service of the order", questions.HeadingText());
        Assert.Equal("27", ((AngleSharp.Html.Dom.IHtmlInputElement)questions.QuerySelector("#ServedOn-day")!).Value);
        Assert.Null(await factory.WithDbAsync(db => db.Orders.Where(o => o.Id == order.OrderId).Select(o => o.ServedAt).SingleAsync()));
    }

    [Fact]
    public async Task Continue_ServiceInTheFuture_ShowsTheRuleUnderTheDateAtTheQuestion()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-service/{order.OrderId}", Answers(new DateOnly(2026, 12, 5)));

        // Assert
        Assert.Equal("Record service of the order", page.HeadingText());
        Assert.Equal([RuleCheck.NotYetHappenedMessage], page.ErrorSummaryMessages());
        Assert.Equal("#ServedOn-day", page.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Continue_OrderAlreadyServed_SaysSoAtTheQuestion_SPA2019_s9_1()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)).ServedOn(new DateOnly(2026, 11, 21)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-service/{order.OrderId}", Answers(new DateOnly(2026, 11, 27)));

        // Assert
        Assert.Contains("Service of this order has already been recorded", page.InlineError("ServedOn"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continue_ServedBeforeTheOrderWasMade_ShowsTheRuleUnderTheDateAtTheQuestion()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-service/{order.OrderId}", Answers(new DateOnly(2026, 11, 19)));

        // Assert
        Assert.Equal("Record service of the order", page.HeadingText());
        Assert.Contains("An order cannot be served before the day it was made (20 November 2026)", page.InlineError("ServedOn"), StringComparison.Ordinal);
        Assert.Contains(page.ErrorSummaryMessages(), m => m.Contains("SPA 2019 s.9(1)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task R19_ServiceOfAFullOrderReplacingAnInterimOrder_SaysThereIsNoNewNotificationDuty()
    {
        // Arrange
        var data = factory.Data();
        var interim = await data.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 11, 2)).LastDay(new DateOnly(2026, 12, 30)).ServedOn(new DateOnly(2026, 11, 3)));
        var full = await data.CreateOrderAsync(o => o.ReplacingInterim(interim).MadeOn(new DateOnly(2026, 11, 20)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (_, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-service/{full.OrderId}", Answers(new DateOnly(2026, 11, 27)));
        var orderPage = await client.GetDocumentAsync(saved.Headers.Location!.OriginalString);

        // Assert
        Assert.Contains("R19", orderPage.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R25_RespondentOnTheSexOffendersRegister_NoNotificationDutyUnderThisAct()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)).WithCase(c => c.RespondentSubjectToSoaPart2(new DateOnly(2020, 1, 1))));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (_, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-service/{order.OrderId}", Answers(new DateOnly(2026, 11, 27)));
        var orderPage = await client.GetDocumentAsync(saved.Headers.Location!.OriginalString);

        // Assert
        Assert.Contains("SPA 2019 s.9(5)", orderPage.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.NotificationObligations.AnyAsync(o => o.OrderId == order.OrderId)));
    }

    [Fact]
    public async Task RL4_SomeoneElseChangedTheOrder_ShowsTheConflictWithCurrentValuesAndKeepsTheAnswers()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/orders/record-service/{order.OrderId}";
        var question = await client.GetDocumentAsync(url);
        await factory.SomeoneElseChangesAsync(order.OrderId);
        var checkUrl = (await client.PostFormAsync(question, url, Answers(new DateOnly(2026, 11, 27)))).Headers.Location!.OriginalString;
        var check = await client.GetDocumentAsync(checkUrl);

        // Act
        var conflict = await client.PostFormAsync(check, checkUrl);
        var page = await conflict.GetDocumentAsync();
        var retried = await client.PostFormAsync(page, checkUrl);

        // Assert
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("Someone else changed this order", page.QuerySelector("[data-conflict]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not yet served", page.QuerySelector("[data-current-order]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("PC Jones", page.QuerySelectorAll(".govuk-summary-list")[^1].TextContent, StringComparison.Ordinal);
        retried.AssertRedirectTo($"/workspace/orders/{order.OrderId}");
    }
}
