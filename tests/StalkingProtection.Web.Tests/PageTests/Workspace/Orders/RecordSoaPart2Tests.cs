using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Web.Tests.Infrastructure;
using static StalkingProtection.Web.Tests.PageTests.Workspace.Orders.OrderPages;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

/// <summary>The workspace journey for the respondent's Sexual Offences Act 2003 Part 2 notification starting and ending (SPA 2019 s.9(5)–(7)).</summary>
public class RecordSoaPart2Tests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task R25_RecordStart_SaysNoNewDutyArisesWhileItLasts()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).ServedOn(new DateOnly(2026, 11, 3)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (check, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-soa-part2/{order.OrderId}",
            [F("Change", "Started"), .. Date("On", new DateOnly(2026, 11, 10))]);
        var orderPage = await client.GetDocumentAsync(saved.Headers.Location!.OriginalString);

        // Assert
        Assert.Equal("Check Sexual Offences Act 2003 Part 2 notification", check.HeadingText());
        var banner = orderPage.QuerySelector(".govuk-notification-banner")!.TextContent;
        Assert.Contains("from 10 November 2026", banner, StringComparison.Ordinal);
        Assert.Contains("(SPA 2019 s.9(5), R25)", banner, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Respondents.Where(r => r.Id == order.Case.RespondentId)
            .AnyAsync(r => r.SoaPeriods.Any(p => p.StartedOn == new DateOnly(2026, 11, 10) && p.FinalDay == null))));
    }

    [Fact]
    public async Task R26_RecordFinalDay_WhileTheOrderIsInEffect_CreatesTheInitialDutyFromIt()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).ServedOn(new DateOnly(2026, 11, 3)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-soa-part2/{order.OrderId}", [F("Change", "Started"), .. Date("On", new DateOnly(2026, 11, 10))]);

        // Act
        var (check, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-soa-part2/{order.OrderId}",
            [F("Change", "Ended"), .. Date("On", new DateOnly(2026, 11, 25))]);
        var orderPage = await client.GetDocumentAsync(saved.Headers.Location!.OriginalString);

        // Assert
        Assert.Contains("The notification requirements came to their final day", check.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("R26", orderPage.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var duty = await factory.WithDbAsync(db => db.NotificationObligations.SingleAsync(o => o.RespondentId == order.Case.RespondentId && o.Trigger == NotificationTrigger.FinalDaySoa));
        Assert.Equal(new DateOnly(2026, 11, 25), duty.TriggerDate);
    }

    [Fact]
    public async Task R26_FinalDayWithNoPeriodOpen_ShowsTheRuleInTheErrorSummaryAndSavesNothing()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).ServedOn(new DateOnly(2026, 11, 3)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/orders/record-soa-part2/{order.OrderId}";
        var continued = await client.PostFormAsync(await client.GetDocumentAsync(url), url, [F("Change", "Ended"), .. Date("On", new DateOnly(2026, 11, 25))]);
        var checkUrl = continued.Headers.Location!.OriginalString;

        // Act
        var page = await (await client.PostFormAsync(await client.GetDocumentAsync(checkUrl), checkUrl)).GetDocumentAsync();

        // Assert
        Assert.Contains(page.ErrorSummaryMessages(), m => m.Contains("no Sexual Offences Act 2003 Part 2 notification period that was open on that day", StringComparison.Ordinal));
        Assert.False(await factory.WithDbAsync(db => db.NotificationObligations.AnyAsync(o => o.RespondentId == order.Case.RespondentId && o.Trigger == NotificationTrigger.FinalDaySoa)));
    }

    [Fact]
    public async Task RecordSoaPart2_NothingEntered_ShowsGovUkErrors()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).ServedOn(new DateOnly(2026, 11, 3)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-soa-part2/{order.OrderId}", []);

        // Assert
        Assert.Equal(["Select whether the notification requirements started or came to their final day", "Enter the date the notification requirements started"],
            page.ErrorSummaryMessages());
    }
}
