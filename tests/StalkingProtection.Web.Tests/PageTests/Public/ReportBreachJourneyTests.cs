using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Tasks;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Public;

/// <summary>Drives the breach report over HTTP with a full set of valid answers.</summary>
public static class BreachJourney
{
    public static IReadOnlyList<(string Url, (string Name, string Value)[] Values, string Next)> Steps(string orderReference) =>
    [
        ("/report-breach/order-reference", [("OrderReference", orderReference)], "/report-breach/reporting-for"),
        ("/report-breach/reporting-for", [("ReportingFor", "Myself")], "/report-breach/what-happened"),
        ("/report-breach/what-happened", [("WhatHappened", "He came to my door and shouted.")], "/report-breach/when-it-happened"),
        ("/report-breach/when-it-happened", [("HappenedOn.Day", "27"), ("HappenedOn.Month", "11"), ("HappenedOn.Year", "2026"), ("HappenedAt", "9:15pm")], "/report-breach/where-it-happened"),
        ("/report-breach/where-it-happened", [("Location", "At my home")], "/report-breach/evidence"),
        ("/report-breach/evidence", [("Evidence", "Doorbell camera video")], "/report-breach/safe-contact"),
        ("/report-breach/safe-contact", [("ContactMethods", "Phone")], "/report-breach/contact-details"),
        ("/report-breach/contact-details", [("PhoneNumber", "07700 900982"), ("SafeTimes", "Weekday mornings"), ("VoicemailAllowed", "no")], "/report-breach/check-answers"),
    ];

    public static async Task StartAsync(HttpClient client) =>
        (await client.SubmitMainFormAsync("/report-breach")).AssertRedirectTo("/report-breach/order-reference");

    public static async Task AnswerAllAsync(HttpClient client, string orderReference)
    {
        await StartAsync(client);
        foreach (var (url, values, next) in Steps(orderReference))
        {
            (await client.SubmitMainFormAsync(url, values)).AssertRedirectTo(next);
        }
    }

    /// <summary>Answers every question, sends the report and returns the reference the confirmation shows.</summary>
    public static async Task<string> SendAsync(HttpClient client, string orderReference) => (await SendForConfirmationAsync(client, orderReference)).Reference;

    /// <summary>Sends a report and returns the reference and the main content of the confirmation page.</summary>
    public static async Task<(string Reference, string Main)> SendForConfirmationAsync(HttpClient client, string orderReference)
    {
        await AnswerAllAsync(client, orderReference);
        (await client.SubmitMainFormAsync("/report-breach/check-answers", ("Website", ""))).AssertRedirectTo("/report-breach/confirmation");
        var confirmation = await client.GetDocumentAsync("/report-breach/confirmation");
        return (confirmation.QuerySelector("[data-report-reference]")!.TextContent.Trim(), confirmation.QuerySelector("main")!.InnerHtml);
    }
}

public class ReportBreachJourneyTests(PublicSiteFactory factory) : IClassFixture<PublicSiteFactory>
{
    private async Task<(Guid OrderId, string Reference)> OrderAsync(bool ended = false)
    {
        var order = await new TestData(factory.Database).CreateOrderAsync(o =>
        {
            o.MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 3));
            if (ended)
            {
                o.Interim();
            }
        });
        return (order.OrderId, await factory.WithDbAsync(db => db.Orders.Where(o => o.Id == order.OrderId).Select(o => o.VictimReference!).SingleAsync()));
    }

    [Fact]
    public async Task Get_Start_Tells999FirstAndIsLinkedFromTheHomeAndOrderPages()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var start = await client.GetDocumentAsync("/report-breach");
        var home = await client.GetDocumentAsync("/");
        var orders = await client.GetDocumentAsync("/stalking-protection-orders");

        // Assert
        Assert.Equal("Report a breach of a stalking protection order", start.HeadingText());
        Assert.NotNull(start.QuerySelector(".govuk-warning-text a[href='tel:999']"));
        Assert.NotNull(start.QuerySelector(".app-quick-exit__button"));
        Assert.NotNull(home.QuerySelector("main a[href='/report-breach']"));
        Assert.NotNull(orders.QuerySelector("main a[href='/report-breach']"));
    }

    [Fact]
    public async Task SPA2019_s8_Post_WholeJourneyForALiveOrder_RecordsASuspectedBreachAndATaskForTheOfficerInChargeDueNextBusinessDay()
    {
        // Arrange
        var (orderId, orderReference) = await OrderAsync();
        var client = factory.CreateBrowser();

        // Act
        var reference = await BreachJourney.SendAsync(client, orderReference);

        // Assert
        Assert.Matches("^SPB-[A-Z2-9]{4}-[A-Z2-9]{4}$", reference);
        var reported = await factory.WithDbAsync(db => db.ReportedBreaches.SingleAsync(r => r.Reference == reference));
        Assert.Equal(orderId, reported.OrderId);
        Assert.Equal(new DateOnly(2026, 11, 27), reported.HappenedOn);
        Assert.Equal(new TimeOnly(21, 15), reported.HappenedAtTime);
        Assert.DoesNotContain("07700", reported.ProtectedContact, StringComparison.Ordinal);
        var task = await factory.WithDbAsync(db => db.StaffTasks.SingleAsync(t => t.RecordId == reported.Id));
        Assert.Equal(StaffTaskType.DecideReportedBreach, task.Type);

        // Saturday 28 November 2026: the next business day is Monday 30 November.
        Assert.Equal(new DateOnly(2026, 11, 30), task.DueOn);
        Assert.NotNull(task.AssignedOfficer);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_UnknownOrEndedOrderReference_ShowsTheSameNeutralConfirmationAndATaskForTheCoordinators(bool ended)
    {
        // Arrange
        var (_, liveReference) = await OrderAsync();
        var other = ended ? (await OrderAsync(ended: true)).Reference : "SPO-ZZZZ-2222";
        var liveClient = factory.CreateBrowser();
        var otherClient = factory.CreateBrowser();

        // Act
        var (liveReportReference, liveMain) = await BreachJourney.SendForConfirmationAsync(liveClient, liveReference);
        var (otherReportReference, otherMain) = await BreachJourney.SendForConfirmationAsync(otherClient, other);

        // Assert: the two confirmations differ only in the reference, so nobody can learn from them which orders exist.
        Assert.Equal(liveMain.Replace(liveReportReference, "", StringComparison.Ordinal), otherMain.Replace(otherReportReference, "", StringComparison.Ordinal));
        var otherReport = await factory.WithDbAsync(db => db.ReportedBreaches.SingleAsync(r => r.Reference == otherReportReference));
        Assert.False(otherReport.OrderWasLive);
        Assert.Equal(ended, otherReport.OrderId is not null);
        var task = await factory.WithDbAsync(db => db.StaffTasks.SingleAsync(t => t.RecordId == otherReport.Id));
        Assert.Equal(StaffTaskType.CheckReportedBreach, task.Type);
        Assert.Null(task.AssignedOfficer);
        Assert.Null(task.AssignedTeam);
    }

    [Fact]
    public async Task Post_SendTwice_RecordsOneReportAndShowsTheSameReference()
    {
        // Arrange
        var (_, orderReference) = await OrderAsync();
        var client = factory.CreateBrowser();
        await BreachJourney.AnswerAllAsync(client, orderReference);
        var page = await client.GetDocumentAsync("/report-breach/check-answers");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = await factory.WithDbAsync(db => db.ReportedBreaches.CountAsync());
        FormUrlEncodedContent Send() => new([new("__RequestVerificationToken", token), new("Website", "")]);

        // Act
        var first = await client.PostAsync("/report-breach/submit", Send());
        var confirmation = await client.GetDocumentAsync("/report-breach/confirmation");
        var second = await client.PostAsync("/report-breach/submit", Send());
        var again = await second.GetDocumentAsync();

        // Assert
        first.AssertRedirectTo("/report-breach/confirmation");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(confirmation.QuerySelector("[data-report-reference]")!.TextContent, again.QuerySelector("[data-report-reference]")!.TextContent);
        Assert.Equal(before + 1, await factory.WithDbAsync(db => db.ReportedBreaches.CountAsync()));
    }

    [Theory]
    [InlineData("/report-breach/order-reference", "OrderReference", "", "Enter the reference of the order")]
    [InlineData("/report-breach/order-reference", "OrderReference", "ABC", "Enter the reference in the format SPO-7KQ2-M9XD")]
    [InlineData("/report-breach/what-happened", "WhatHappened", " ", "Enter what happened")]
    [InlineData("/report-breach/where-it-happened", "Location", "", "Enter where it happened")]
    [InlineData("/report-breach/when-it-happened", "HappenedAt", "25:99", "Enter a time, like 9:30am or 21:30")]
    public async Task Post_InvalidAnswer_ShowsTheGovUkErrorSummaryLinkedToTheField(string url, string field, string value, string message)
    {
        // Arrange
        var client = factory.CreateBrowser();
        await BreachJourney.StartAsync(client);
        (string, string)[] values = field == "HappenedAt"
            ? [("HappenedOn.Day", "1"), ("HappenedOn.Month", "11"), ("HappenedOn.Year", "2026"), (field, value)]
            : [(field, value)];

        // Act
        var response = await client.SubmitMainFormAsync(url, values);
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = document.QuerySelector(".govuk-error-summary a")!;
        Assert.Equal(message, link.TextContent.Trim());
        Assert.Equal($"#{field}", link.GetAttribute("href"));
    }

    [Fact]
    public async Task Post_DateInTheFuture_ShowsAnErrorAndSavesNothing()
    {
        // Arrange
        var client = factory.CreateBrowser();
        await BreachJourney.StartAsync(client);

        // Act
        var response = await client.SubmitMainFormAsync("/report-breach/when-it-happened", ("HappenedOn.Day", "29"), ("HappenedOn.Month", "11"), ("HappenedOn.Year", "2026"));
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The date it happened must be today or in the past", document.QuerySelector(".govuk-error-summary a")!.TextContent.Trim());
    }

    [Fact]
    public async Task Get_AQuestionWithoutStarting_GoesToTheStartPage()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync("/report-breach/what-happened");

        // Assert
        response.AssertRedirectTo("/report-breach");
    }
}

public class ReportBreachRateLimitTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task Post_StartBreachReportTooOften_Returns429PageWithHelplinesAndQuickExit()
    {
        // Arrange
        var client = factory.CreateBrowser();
        for (var i = 0; i < 3; i++)
        {
            await BreachJourney.StartAsync(client);
        }

        // Act
        var response = await client.SubmitMainFormAsync("/report-breach");
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(["tel:999", "tel:101", "tel:08088020300"], document.QuerySelectorAll("[data-helplines] a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(document.QuerySelector(".app-quick-exit__button"));
    }
}
