using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Rules;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;
using static StalkingProtection.Web.Tests.PageTests.Workspace.Orders.OrderPages;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

/// <summary>Case, application and order link both ways; the order "as at" a date; the PNC reference, s.11 offences and the acknowledgement.</summary>
public class OrderNavigationAndActionsTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly DateOnly _made = new(2026, 3, 16);

    private Task<CreatedOrder> ServedOrderAsync() => factory.Data().CreateOrderAsync(o => o.MadeOn(_made).ServedOn(new DateOnly(2026, 3, 20)));

    [Fact]
    public async Task CasePageListsItsOrders_AndTheOrderPageLinksToItsCaseAndApplication()
    {
        // Arrange
        var order = await ServedOrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var casePage = await client.GetDocumentAsync($"/workspace/cases/{order.Case.CaseId}");
        var orderPage = await client.GetDocumentAsync($"/workspace/orders/{order.OrderId}");

        // Assert
        var listed = casePage.QuerySelector("[data-orders] a")!;
        Assert.Equal($"/workspace/orders/{order.OrderId}", listed.GetAttribute("href"));
        Assert.Contains("made 16 March 2026", listed.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/workspace/cases/{order.Case.CaseId}", orderPage.QuerySelector("[data-case-link]")!.GetAttribute("href"));
        var application = orderPage.QuerySelector("[data-application-link]")!;
        Assert.Equal($"/workspace/applications/{order.Application.ApplicationId}", application.GetAttribute("href"));
        Assert.Equal("Application for a full order", application.TextContent.Trim());
    }

    [Fact]
    public async Task OrderPage_AsAtADateBeforeItWasMade_ShowsItWasNotYetMadeWithNoTerms()
    {
        // Arrange
        var order = await ServedOrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var before = await client.GetDocumentAsync($"/workspace/orders/{order.OrderId}?AsAt.Day=1&AsAt.Month=3&AsAt.Year=2026");
        var after = await client.GetDocumentAsync($"/workspace/orders/{order.OrderId}?AsAt.Day=1&AsAt.Month=4&AsAt.Year=2026");
        var wrong = await client.GetDocumentAsync($"/workspace/orders/{order.OrderId}?AsAt.Day=31&AsAt.Month=2&AsAt.Year=2026");

        // Assert
        var shownBefore = before.QuerySelector("[data-as-at]")!.TextContent;
        Assert.Contains("On 1 March 2026: not yet made", shownBefore, StringComparison.Ordinal);
        Assert.Contains("No terms were in force at the end of that day.", shownBefore, StringComparison.Ordinal);
        var shownAfter = after.QuerySelector("[data-as-at]")!.TextContent;
        Assert.Contains("On 1 April 2026: in force", shownAfter, StringComparison.Ordinal);
        Assert.Contains("Terms in force at the end of that day (version 1)", shownAfter, StringComparison.Ordinal);
        Assert.Null(wrong.QuerySelector("[data-as-at]"));
        Assert.NotEmpty(wrong.ErrorSummaryMessages());
    }

    [Fact]
    public async Task R42_RecordPncReference_ChecksThenSavesThroughTheOrderServiceAndClosesNothingHalfDone()
    {
        // Arrange
        var order = await ServedOrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/orders/record-pnc-reference/{order.OrderId}";

        // Act
        var empty = await client.AnswerAsync(url, [F("PncReference", " ")]);
        var (check, saved) = await client.AnswerCheckAndSaveAsync(url, [F("PncReference", "26/0012345Q")]);
        var orderPage = await client.GetDocumentAsync($"/workspace/orders/{order.OrderId}");

        // Assert
        Assert.Equal("Enter the PNC reference", empty.InlineError("PncReference").Replace("Error:", "", StringComparison.Ordinal).Trim());
        Assert.Equal("Check the PNC reference", check.HeadingText());
        saved.AssertRedirectTo($"/workspace/orders/{order.OrderId}");
        Assert.Contains("PNC reference 26/0012345Q recorded.", orderPage.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Order.PncRecorded" && e.RecordId == order.OrderId.ToString())));
        Assert.Equal("26/0012345Q", await factory.WithDbAsync(db => db.Orders.Where(o => o.Id == order.OrderId).Select(o => o.PncReference).SingleAsync()));
    }

    [Fact]
    public async Task SPA2019_s11_RecordAFailureToNotify_ThenItsOutcome_AskingForTheOutcomeDateAtTheQuestion()
    {
        // Arrange: served on 20 March, the initial notification was due by the end of 23 March and never made.
        var order = await ServedOrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/orders/record-notification-offence/{order.OrderId}";
        var question = await client.GetDocumentAsync(url);
        var duty = question.QuerySelector("input[name=Offence]")!;

        // Act
        var (check, saved) = await client.AnswerCheckAndSaveAsync(url, [F("Offence", duty.GetAttribute("value")!)]);
        var offenceId = await factory.WithDbAsync(db => db.NotificationOffences.Where(f => f.ObligationId == order.ObligationId).Select(f => f.Id).SingleAsync());
        var outcomeUrl = $"/workspace/orders/record-notification-offence/outcome/{order.OrderId}/{offenceId}";
        var noDate = await client.AnswerAsync(outcomeUrl, [F("Outcome", nameof(NotificationOffenceOutcome.Charged))]);
        var (_, outcomeSaved) = await client.AnswerCheckAndSaveAsync(outcomeUrl,
            [F("Outcome", nameof(NotificationOffenceOutcome.Charged)), .. Date("OutcomeOn", new DateOnly(2026, 4, 2))]);
        var orderPage = await client.GetDocumentAsync($"/workspace/orders/{order.OrderId}");

        // Assert
        Assert.Contains("(offence H20165)", question.QuerySelector($"label[for={duty.Id}]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Check the suspected offence", check.HeadingText());
        saved.AssertRedirectTo($"/workspace/orders/{order.OrderId}");
        Assert.Contains("Enter the date of the outcome", noDate.InlineError("OutcomeOn"), StringComparison.Ordinal);
        Assert.DoesNotContain("Check", noDate.HeadingText(), StringComparison.Ordinal);
        outcomeSaved.AssertRedirectTo($"/workspace/orders/{order.OrderId}");
        var offences = orderPage.QuerySelector("[data-offences]")!.TextContent;
        Assert.Contains("Failing to notify after service of the order (offence H20165)", offences, StringComparison.Ordinal);
        Assert.Contains("charged (2 April 2026)", offences, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R31_Acknowledgement_CanBeReprintedFromTheOrder_WithoutStaffNavigationInPrint()
    {
        // Arrange
        var order = await ServedOrderAsync();
        var recorded = await factory.Data().WithServicesAsync(new DateOnly(2026, 3, 21), s => s.Notifications.RecordNotificationAsync(
            new RecordNotificationOptions(order.Case.RespondentId, new NotificationEvent.Details(TestData.NoonOn(new DateOnly(2026, 3, 21)), "Leeds Central",
                Core.Applications.PoliceForce.WestYorkshire, NotificationMode.InPersonOral, "PC Desk", false, null, "A Person", "1 High Street", "ACK-REPRINT-1",
                TestData.NoonOn(new DateOnly(2026, 3, 21)), "SP-ACK-1")), TestData.Officer));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var orderPage = await client.GetDocumentAsync($"/workspace/orders/{order.OrderId}");
        var reprintUrl = orderPage.QuerySelector("[data-reprint]")!.GetAttribute("href")!;
        var reprint = await client.GetDocumentAsync(reprintUrl);
        var css = await factory.CreateClient().GetStringAsync("/css/app.min.css");

        // Assert
        Assert.Equal($"/workspace/orders/record-notification/acknowledgement/{order.OrderId}/{recorded.NotificationId}", reprintUrl);
        Assert.Equal("Acknowledgement of notification", reprint.HeadingText());
        Assert.Null(reprint.QuerySelector(".govuk-panel"));
        Assert.Contains("ACK-REPRINT-1", reprint.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(reprint.QuerySelector(".app-no-print [data-print-hint]"));
        Assert.Matches(@"@media print\{[^}]*\.govuk-template__header[^}]*\.app-no-print\{display:none", css);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Notification.AcknowledgementViewed" && e.RecordId == recorded.NotificationId.ToString())));
    }

    [Fact]
    public async Task R31_NotificationInTheFuture_IsRefusedAtTheDateItWasGiven()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)).ServedOn(new DateOnly(2026, 11, 26)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act: noon on the test clock's day, so 18:00 today has not happened yet.
        var page = await client.AnswerAsync($"/workspace/orders/record-notification/{order.OrderId}",
            [F("NotifiedTime", "18:00"), F("StationName", "Leeds Central"), F("StationPoliceArea", "WestYorkshire"), F("Mode", "InPersonOral"),
                F("ReceivedByAuthorisedPerson", "No"), F("NamesGiven", "John Smith"), F("AddressGiven", "2 New Street, Leeds")]);

        // Assert
        Assert.Equal("Record a notification at a police station", page.HeadingText());
        Assert.Contains(RuleCheck.NotYetHappenedMessage, page.InlineError("NotifiedOn"), StringComparison.Ordinal);
        Assert.DoesNotContain(page.ErrorSummaryMessages(), m => m.Contains("written acknowledgement was given", StringComparison.Ordinal));
    }
}
