using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Tests.Infrastructure;
using static StalkingProtection.Web.Tests.PageTests.Workspace.Orders.OrderPages;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

public class RecordNotificationTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static IEnumerable<KeyValuePair<string, string>> Answers(string mode = "InPersonOral", string area = "WestYorkshire") =>
    [
        F("NotifiedTime", "10:00"), F("StationName", "Leeds Central"), F("StationPoliceArea", area), F("Mode", mode),
        F("ReceivedByAuthorisedPerson", "No"), F("NamesGiven", "John Smith"), F("AddressGiven", "2 New Street, Leeds"),
    ];

    [Fact]
    public async Task R31_RecordNotification_MeetsTheDutyAndProducesTheWrittenAcknowledgement()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)).ServedOn(new DateOnly(2026, 11, 26)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (check, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-notification/{order.OrderId}", Answers());
        var acknowledgement = await client.GetDocumentAsync(saved.Headers.Location!.OriginalString);

        // Assert
        Assert.Equal("Check the notification", check.HeadingText());
        saved.AssertRedirectTo($"/workspace/orders/record-notification/acknowledgement/{order.OrderId}/");
        Assert.Equal("Notification recorded", acknowledgement.HeadingText());
        Assert.Equal("Acknowledgement of notification", acknowledgement.QuerySelector("h2.govuk-heading-l")!.TextContent);
        var reference = acknowledgement.QuerySelector("[data-reference]")!.TextContent;
        Assert.StartsWith("ACK-20261128-", reference, StringComparison.Ordinal);
        Assert.Contains("28 November 2026 at 12:00", acknowledgement.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        var status = await factory.WithDbAsync(db => db.NotificationObligations.Where(o => o.Id == order.ObligationId).Select(o => o.Status).SingleAsync());
        Assert.Equal(ObligationStatus.Met, status);
    }

    [Fact]
    public async Task R30_NotificationByPhone_ShowsTheRuleAtTheQuestion()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)).ServedOn(new DateOnly(2026, 11, 26)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-notification/{order.OrderId}", Answers(mode: "Phone"));

        // Assert
        Assert.Equal("Record a notification at a police station", page.HeadingText());
        Assert.Equal("#Mode", page.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Contains("R30", page.InlineError("Mode"), StringComparison.Ordinal);
        Assert.Contains("SPA 2019 s.10(1)–(2)", page.InlineError("Mode"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task R29_StationInTheWrongPoliceArea_ShowsTheRuleAtTheQuestion()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)).ServedOn(new DateOnly(2026, 11, 26)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-notification/{order.OrderId}", Answers(area: "Kent"));

        // Assert
        Assert.Equal("Record a notification at a police station", page.HeadingText());
        Assert.Contains("R29", page.InlineError("StationPoliceArea"), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.NotificationEvents.AnyAsync(n => n.RespondentId == order.Case.RespondentId)));
    }

    [Fact]
    public async Task Continue_NothingEntered_ShowsGovUkErrors()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)).ServedOn(new DateOnly(2026, 11, 26)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-notification/{order.OrderId}", [F("BiometricsRequested", "Fingerprints")]);

        // Assert
        var errors = page.ErrorSummaryMessages();
        Assert.Contains("Enter the time the respondent notified", errors);
        Assert.Contains("Enter the police station where the respondent notified", errors);
        Assert.Contains("Select the police area of the station", errors);
        Assert.Contains("Enter the names the respondent gave", errors);
        Assert.Contains("Select whether the respondent allowed the fingerprints or photographs to be taken", errors);
    }

    [Fact]
    public async Task R32_FingerprintsRefused_RaisesAPotentialOffenceTask()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)).ServedOn(new DateOnly(2026, 11, 26)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (_, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-notification/{order.OrderId}",
            [.. Answers(), F("BiometricsRequested", "Fingerprints"), F("BiometricsOutcome", "Refused")]);

        // Assert
        saved.AssertRedirectTo("/workspace/orders/record-notification/acknowledgement/");
        Assert.True(await factory.WithDbAsync(db => db.StaffTasks.AnyAsync(t => t.CaseId == order.Case.CaseId && t.Type == Core.Tasks.StaffTaskType.PotentialS11Offence)));
    }

    [Fact]
    public async Task R30_AuthorisedPersonWithoutTheirAuthorisation_ShowsTheRuleAtTheQuestion()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)).ServedOn(new DateOnly(2026, 11, 26)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-notification/{order.OrderId}",
            [.. Answers().Where(a => a.Key != "ReceivedByAuthorisedPerson"), F("ReceivedByAuthorisedPerson", "Yes"), F("AuthorisationReference", "")]);

        // Assert
        Assert.Equal("#AuthorisationReference", page.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Contains("SPA 2019 s.10(2), R30", page.InlineError("AuthorisationReference"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continue_NotificationInTheFuture_ShowsTheRuleUnderTheDate()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)).ServedOn(new DateOnly(2026, 11, 26)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-notification/{order.OrderId}", [.. Answers(), .. Date("NotifiedOn", new DateOnly(2026, 12, 1))]);

        // Assert
        Assert.Equal([RuleCheck.NotYetHappenedMessage], page.ErrorSummaryMessages());
        Assert.Equal("#NotifiedOn-day", page.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ChangeFromCheckYourAnswers_KeepsTheAnswersInTheJourneyNotTheForm()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)).ServedOn(new DateOnly(2026, 11, 26)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var check = await client.AnswerAsync($"/workspace/orders/record-notification/{order.OrderId}",
            [.. Answers(), F("BiometricsRequested", "Photographs"), F("BiometricsOutcome", "Complied")]);
        var changeUrl = check.QuerySelector(".govuk-summary-list__actions a")!.GetAttribute("href")!;

        // Act
        var questions = await client.GetDocumentAsync(changeUrl);
        var (rechecked, saved) = await client.AnswerCheckAndSaveAsync(changeUrl, [F("StationName", "Elland Road")]);

        // Assert
        Assert.Empty(check.QuerySelectorAll("form input[type=hidden]:not([name=__RequestVerificationToken])"));
        Assert.Equal("Leeds Central", ((AngleSharp.Html.Dom.IHtmlInputElement)questions.QuerySelector("#StationName")!).Value);
        Assert.Equal("10:00", ((AngleSharp.Html.Dom.IHtmlInputElement)questions.QuerySelector("#NotifiedTime")!).Value);
        Assert.NotNull(questions.QuerySelector("input[name=BiometricsRequested][value=Photographs][checked]"));
        Assert.Contains("Elland Road (West Yorkshire)", rechecked.QuerySelectorAll(".govuk-summary-list")[^1].TextContent, StringComparison.Ordinal);
        saved.AssertRedirectTo($"/workspace/orders/record-notification/acknowledgement/{order.OrderId}/");
        Assert.Equal("Elland Road", await factory.WithDbAsync(db => db.NotificationEvents.Where(n => n.RespondentId == order.Case.RespondentId).Select(n => n.StationName).SingleAsync()));
    }
}
