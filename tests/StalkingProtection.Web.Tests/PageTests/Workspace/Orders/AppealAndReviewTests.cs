using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Web.Tests.Infrastructure;
using static StalkingProtection.Web.Tests.PageTests.Workspace.Orders.OrderPages;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

public class AppealAndReviewTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private Task<TestCommon.CreatedOrder> OrderAsync() =>
        factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)).ServedOn(new DateOnly(2026, 11, 20)));

    [Fact]
    public async Task R24_DefendantAppealsTheOrder_SavesWithTheProvisionalDeadline()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (check, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-appeal/{order.OrderId}",
            [F("Appellant", "Defendant"), F("Decision", "MakingOfOrder"), .. Date("NoticeServedOn", new DateOnly(2026, 11, 27)), F("Grounds", "The order is not necessary.")]);

        // Assert
        Assert.Contains("11 December 2026", check.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        saved.AssertRedirectTo($"/workspace/orders/{order.OrderId}");
        Assert.True(await factory.WithDbAsync(db => db.Appeals.AnyAsync(a => a.OrderId == order.OrderId && a.LodgingDeadline == new DateOnly(2026, 12, 11))));
    }

    [Fact]
    public async Task R24_AppellantWhoCannotAppealThatDecision_ShowsTheRuleAtTheQuestion()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-appeal/{order.OrderId}",
            [F("Appellant", "Defendant"), F("Decision", "RefusalOfOrder"), F("Grounds", "Wrong.")]);

        // Assert
        Assert.Equal("Record an appeal to the Crown Court", page.HeadingText());
        Assert.Contains("R24", page.InlineError("Decision"), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Appeals.AnyAsync(a => a.OrderId == order.OrderId)));
    }

    [Fact]
    public async Task RecordAppeal_DecisionOrNoticeInTheFuture_ShowsTheRuleUnderTheDate()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-appeal/{order.OrderId}", [F("Appellant", "Defendant"), F("Decision", "MakingOfOrder"),
            .. Date("DecisionOn", new DateOnly(2026, 11, 29)), .. Date("NoticeServedOn", new DateOnly(2026, 12, 1)), F("Grounds", "Not necessary.")]);

        // Assert
        Assert.Contains(Core.Rules.RuleCheck.NotYetHappenedMessage, page.InlineError("DecisionOn"), StringComparison.Ordinal);
        Assert.Contains(Core.Rules.RuleCheck.NotYetHappenedMessage, page.InlineError("NoticeServedOn"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task R24_NoticeServedAfterTheProvisionalDeadline_WarnsAtCheckYourAnswersAndSavesWithTheReason()
    {
        // Arrange: decided on 2 November, so the provisional deadline was 23 November.
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).ServedOn(new DateOnly(2026, 11, 2)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (check, warned) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-appeal/{order.OrderId}",
            [F("Appellant", "Defendant"), F("Decision", "MakingOfOrder"), .. Date("NoticeServedOn", new DateOnly(2026, 11, 27)), F("Grounds", "Not necessary.")]);
        var warning = await warned.GetDocumentAsync();
        var checkUrl = warned.RequestMessage!.RequestUri!.PathAndQuery;
        var saved = await client.PostFormAsync(warning, checkUrl, [F("OverrideReason", "The court extended time for the notice")]);

        // Assert
        Assert.Equal("Check the appeal", check.HeadingText());
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("R24", warning.QuerySelector("[data-warnings]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(warning.QuerySelector("textarea[name=OverrideReason]"));
        saved.AssertRedirectTo($"/workspace/orders/{order.OrderId}");
        Assert.True(await factory.WithDbAsync(db => db.Appeals.AnyAsync(a => a.OrderId == order.OrderId && a.LodgedLate)));
    }

    [Fact]
    public async Task RecordAppeal_ChangeFromCheckYourAnswers_KeepsTheAnswersInTheJourneyNotTheForm()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/orders/record-appeal/{order.OrderId}";
        var check = await client.AnswerAsync(url, [F("Appellant", "Defendant"), F("Decision", "MakingOfOrder"), F("Grounds", "The order is not necessary.")]);
        var changeUrl = check.QuerySelector(".govuk-summary-list__actions a")!.GetAttribute("href")!;

        // Act
        var questions = await client.GetDocumentAsync(changeUrl);
        var form = questions.QuerySelectorAll("form").Single(f => f.GetAttribute("method") == "post");
        var checkAgain = await client.AnswerAsync(changeUrl, [F("Grounds", "The order was not necessary on the evidence.")]);

        // Assert
        Assert.Empty(check.QuerySelectorAll("form input[type=hidden]:not([name=__RequestVerificationToken])"));
        Assert.Equal("Record an appeal to the Crown Court", questions.HeadingText());
        Assert.StartsWith(url + "?journey=", form.GetAttribute("action"), StringComparison.Ordinal);
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal("The order is not necessary.", questions.QuerySelector("textarea[name=Grounds]")!.TextContent.Trim());
        Assert.NotNull(questions.QuerySelector("input[name=Appellant][value=Defendant][checked]"));
        Assert.Equal("Check the appeal", checkAgain.HeadingText());
        Assert.Contains("The order was not necessary on the evidence.", checkAgain.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Appeals.AnyAsync(a => a.OrderId == order.OrderId)));
    }

    [Fact]
    public async Task RecordAppeal_CheckAnswersPostedAgainAfterSaving_StartsTheJourneyAgainAndSavesOnce()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/orders/record-appeal/{order.OrderId}";
        var continued = await client.PostFormAsync(await client.GetDocumentAsync(url), url,
            [F("Appellant", "Defendant"), F("Decision", "MakingOfOrder"), F("Grounds", "Not necessary.")]);
        var checkUrl = continued.Headers.Location!.OriginalString;
        var check = await client.GetDocumentAsync(checkUrl);
        (await client.PostFormAsync(check, checkUrl)).AssertRedirectTo($"/workspace/orders/{order.OrderId}");

        // Act
        var replayed = await client.PostFormAsync(check, checkUrl);

        // Assert
        replayed.AssertRedirectTo(url);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Appeals.CountAsync(a => a.OrderId == order.OrderId)));
    }

    [Fact]
    public async Task RecordAppeal_NothingEntered_ShowsGovUkErrors()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-appeal/{order.OrderId}", []);

        // Assert
        Assert.Equal(["Select who is appealing", "Enter the grounds of appeal"], page.ErrorSummaryMessages());
    }

    [Fact]
    public async Task R42_RecordReview_SavesAndSetsTheNextReview()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (_, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-review/{order.OrderId}",
            [F("LeadOfficer", "DC Patel"), F("Summary", "Compliant; no contact reported."), F("PncEntryChecked", "Yes"), .. Date("NextReviewDue", new DateOnly(2027, 2, 26))]);
        var orderPage = await client.GetDocumentAsync($"/workspace/orders/{order.OrderId}");

        // Assert
        saved.AssertRedirectTo($"/workspace/orders/{order.OrderId}");
        Assert.Contains("26 February 2027", orderPage.QuerySelector("[data-deadlines]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R42_NextReviewInThePast_ShowsTheRule()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-review/{order.OrderId}",
            [F("LeadOfficer", "DC Patel"), F("Summary", "Compliant."), F("PncEntryChecked", "No"), .. Date("NextReviewDue", new DateOnly(2026, 11, 1))]);

        // Assert
        Assert.Contains("R42", page.InlineError("NextReviewDue"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordReview_NothingEntered_ShowsGovUkErrors()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-review/{order.OrderId}", [F("LeadOfficer", ""), F("NextReviewDue.Day", ""), F("NextReviewDue.Month", ""), F("NextReviewDue.Year", "")]);

        // Assert
        Assert.Equal(["Enter the lead officer", "Enter a summary of the review", "Select whether the PNC entry has been checked", "Enter the date of the next review"],
            page.ErrorSummaryMessages());
    }

    [Fact]
    public async Task RecordReview_ChangeFromCheckYourAnswers_KeepsTheAnswersInTheJourneyNotTheForm()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var check = await client.AnswerAsync($"/workspace/orders/record-review/{order.OrderId}",
            [F("LeadOfficer", "DC Patel"), F("Summary", "Compliant."), F("PncEntryChecked", "Yes"), .. Date("NextReviewDue", new DateOnly(2027, 2, 26))]);
        var changeUrl = check.QuerySelector(".govuk-summary-list__actions a")!.GetAttribute("href")!;

        // Act
        var change = await client.GetDocumentAsync(changeUrl);
        var (rechecked, saved) = await client.AnswerCheckAndSaveAsync(changeUrl, [F("LeadOfficer", "DC Shah")]);

        // Assert
        Assert.Empty(check.QuerySelectorAll("input[type=hidden]:not([name=__RequestVerificationToken])"));
        Assert.Equal("DC Patel", change.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=LeadOfficer]")!.Value);
        Assert.Equal("Compliant.", change.QuerySelector("textarea[name=Summary]")!.TextContent.Trim());
        Assert.Equal("26", change.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='NextReviewDue.Day']")!.Value);
        Assert.Contains("DC Shah", rechecked.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        saved.AssertRedirectTo($"/workspace/orders/{order.OrderId}");
        Assert.Equal("DC Shah", await factory.WithDbAsync(db => db.ManagementReviews.Where(r => r.OrderId == order.OrderId).Select(r => r.LeadOfficer).SingleAsync()));
    }

    [Fact]
    public async Task RecordReview_CheckAnswersWithoutAJourney_StartsTheJourneyAgain()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var response = await client.GetAsync($"/workspace/orders/record-review/check-answers/{order.OrderId}/{Guid.NewGuid()}");

        // Assert
        response.AssertRedirectTo($"/workspace/orders/record-review/{order.OrderId}");
    }

    [Fact]
    public async Task RecordReview_JourneyIdThatIsNotOne_RestartsOnOpenAndAnswers400OnPost()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/orders/record-review/{order.OrderId}?journey=%3Cscript%3E";
        var page = await client.GetDocumentAsync(url);

        // Act
        var posted = await client.PostFormAsync(page, url, [F("LeadOfficer", "DC Patel"), F("Summary", "Compliant."), F("PncEntryChecked", "Yes"), .. Date("NextReviewDue", new DateOnly(2027, 2, 26))]);

        // Assert
        Assert.Empty(page.ErrorSummaryMessages());
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
    }
}
