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
    public async Task R24_AppellantWhoCannotAppealThatDecision_ShowsTheRule()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (_, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-appeal/{order.OrderId}",
            [F("Appellant", "Defendant"), F("Decision", "RefusalOfOrder"), F("Grounds", "Wrong.")]);
        var page = await saved.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("R24", page.InlineError("Decision"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAppeal_ChangeYourAnswers_ThenContinue_ReachesCheckYourAnswers()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/orders/record-appeal/{order.OrderId}";
        var check = await client.AnswerAsync(url, [F("Appellant", "Defendant"), F("Decision", "MakingOfOrder"), F("Grounds", "The order is not necessary.")]);

        // Act: the browser's address is now ?handler=Change, so the question form must say where it posts.
        var questions = await (await client.PostFormAsync(check, url, handler: "Change")).GetDocumentAsync();
        var form = questions.QuerySelectorAll("form").Single(f => f.GetAttribute("method") == "post");
        var checkAgain = await (await client.PostFormAsync(questions, url + "?handler=Change", [F("Grounds", "The order was not necessary on the evidence.")]))
            .GetDocumentAsync();

        // Assert
        Assert.Equal("Record an appeal to the Crown Court", questions.HeadingText());
        Assert.Equal(url, form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal("Check the appeal", checkAgain.HeadingText());
        Assert.Contains("The order was not necessary on the evidence.", checkAgain.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Appeals.AnyAsync(a => a.OrderId == order.OrderId)));
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
