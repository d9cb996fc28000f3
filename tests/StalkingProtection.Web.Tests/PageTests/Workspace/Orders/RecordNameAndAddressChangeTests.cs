using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Web.Tests.Infrastructure;
using static StalkingProtection.Web.Tests.PageTests.Workspace.Orders.OrderPages;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

public class RecordNameAndAddressChangeTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task R27_RecordNewName_CreatesTheDutyDueInThreeDays()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).ServedOn(new DateOnly(2026, 11, 3)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (check, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-name-change/{order.OrderId}",
            [F("GivenNames", "Jon"), F("FamilyName", "Smythe"), .. Date("FirstUsedOn", new DateOnly(2026, 11, 27))]);
        var orderPage = await client.GetDocumentAsync(saved.Headers.Location!.OriginalString);

        // Assert
        Assert.Equal("Check the new name", check.HeadingText());
        Assert.Contains("by the end of 29 November 2026 (SPA 2019 s.9(3), R27)", orderPage.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.NotificationObligations.AnyAsync(o => o.OrderId == order.OrderId && o.Trigger == NotificationTrigger.NewName)));
    }

    [Fact]
    public async Task RecordNewName_NothingEntered_ShowsGovUkErrors()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).ServedOn(new DateOnly(2026, 11, 3)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-name-change/{order.OrderId}", []);

        // Assert
        Assert.Equal(["Enter the new name", "Enter the date they first used the name"], page.ErrorSummaryMessages());
    }

    [Fact]
    public async Task R28_MoveNotifiedBeforeItHappens_CreatesTheDutyFromTheMovingDay()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).ServedOn(new DateOnly(2026, 11, 3)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (_, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-address-change/{order.OrderId}",
            [F("Address", "9 Park Lane, Bradford"), F("OutsideEnglandAndWales", "No"), F("PoliceArea", "WestYorkshire"), .. Date("MovedOn", new DateOnly(2026, 12, 5))]);
        var orderPage = await client.GetDocumentAsync(saved.Headers.Location!.OriginalString);

        // Assert
        Assert.Contains("by the end of 7 December 2026 (SPA 2019 s.9(4), R28)", orderPage.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAddressChange_NothingEntered_ShowsGovUkErrors()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).ServedOn(new DateOnly(2026, 11, 3)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-address-change/{order.OrderId}", [F("OutsideEnglandAndWales", "No")]);

        // Assert
        Assert.Equal(["Enter the new home address", "Select the police area of the new address", "Enter the date they move, or moved"], page.ErrorSummaryMessages());
    }

    [Fact]
    public async Task RecordNewName_ChangeFromCheckYourAnswers_KeepsTheAnswersInTheJourneyNotTheForm()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).ServedOn(new DateOnly(2026, 11, 3)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var check = await client.AnswerAsync($"/workspace/orders/record-name-change/{order.OrderId}",
            [F("GivenNames", "Jon"), F("FamilyName", "Smythe"), .. Date("FirstUsedOn", new DateOnly(2026, 11, 27))]);
        var changeUrl = check.QuerySelector(".govuk-summary-list__actions a")!.GetAttribute("href")!;

        // Act
        var questions = await client.GetDocumentAsync(changeUrl);
        var (rechecked, saved) = await client.AnswerCheckAndSaveAsync(changeUrl, [F("FamilyName", "Smyth")]);

        // Assert
        Assert.Empty(check.QuerySelectorAll("form input[type=hidden]:not([name=__RequestVerificationToken])"));
        Assert.Equal("Smythe", ((AngleSharp.Html.Dom.IHtmlInputElement)questions.QuerySelector("#FamilyName")!).Value);
        Assert.Contains("Jon Smyth", rechecked.QuerySelectorAll(".govuk-summary-list")[^1].TextContent, StringComparison.Ordinal);
        saved.AssertRedirectTo($"/workspace/orders/{order.OrderId}");
    }

    [Fact]
    public async Task R28_AddressChange_ChangeFromCheckYourAnswers_KeepsTheAnswersInTheJourneyNotTheForm()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).ServedOn(new DateOnly(2026, 11, 3)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var check = await client.AnswerAsync($"/workspace/orders/record-address-change/{order.OrderId}",
            [F("Address", "9 Park Lane, Bradford"), F("OutsideEnglandAndWales", "Yes"), .. Date("MovedOn", new DateOnly(2026, 11, 27))]);
        var changeUrl = check.QuerySelector(".govuk-summary-list__actions a")!.GetAttribute("href")!;

        // Act
        var questions = await client.GetDocumentAsync(changeUrl);
        var (rechecked, saved) = await client.AnswerCheckAndSaveAsync(changeUrl, [F("OutsideEnglandAndWales", "No"), F("PoliceArea", "WestYorkshire")]);

        // Assert
        Assert.Contains("Outside England and Wales", check.QuerySelectorAll(".govuk-summary-list")[^1].TextContent, StringComparison.Ordinal);
        Assert.Equal("9 Park Lane, Bradford", questions.QuerySelector("textarea[name=Address]")!.TextContent.Trim());
        Assert.NotNull(questions.QuerySelector("input[name=OutsideEnglandAndWales][value=Yes][checked]"));
        Assert.Contains("West Yorkshire", rechecked.QuerySelectorAll(".govuk-summary-list")[^1].TextContent, StringComparison.Ordinal);
        saved.AssertRedirectTo($"/workspace/orders/{order.OrderId}");
    }
}
