using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;
using static StalkingProtection.Web.Tests.PageTests.Workspace.Orders.OrderPages;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

public class RecordOrderTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly DateOnly _made = new(2026, 11, 27);

    private static IEnumerable<KeyValuePair<string, string>> Answers(DateOnly? lastDay, string duration = "FixedPeriod") =>
    [
        .. Date("MadeOn", _made), F("DurationType", duration), .. lastDay is { } l ? Date("LastInForceDay", l) : [],
        F("Conditions[0].Category", "NoContact"), F("Conditions[0].Wording", "Must not contact the protected person by any means."),
        F("Conditions[0].NecessityRationale", "He contacted her daily despite warnings."), F("Conditions[0].ConflictFound", "No"),
    ];

    [Fact]
    public async Task RecordOrder_EnterInAField_PressesContinueNotRemoveOrAddACondition()
    {
        // Arrange
        var application = await factory.Data().CreateApplicationAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.GetDocumentAsync($"/workspace/orders/record-order/{application.ApplicationId}");
        // HTML's implicit submission presses the first submit button of the form, in document order.
        var form = page.QuerySelectorAll("form").Single(f => f.QuerySelector("[name^='Conditions[']") is not null);
        var first = form.QuerySelector("button[type=submit], input[type=submit], button:not([type])")!;

        // Assert
        Assert.Equal("Continue", first.TextContent.Trim());
        Assert.Null(first.GetAttribute("formaction"));
        Assert.Null(first.GetAttribute("name"));
    }

    [Fact]
    public async Task RecordFullOrder_ConditionsAsTheCourtMadeThem_SavesTheOrderAndAuditsIt()
    {
        // Arrange
        var application = await factory.Data().CreateApplicationAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (check, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-order/{application.ApplicationId}", Answers(new DateOnly(2028, 11, 26)));

        // Assert
        Assert.Equal("Check the order before you record it", check.HeadingText());
        saved.AssertRedirectTo("/workspace/orders/");
        var orderId = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1]);
        var order = await factory.WithDbAsync(db => db.Orders.SingleAsync(o => o.Id == orderId));
        Assert.Equal(OrderKind.Full, order.Kind);
        Assert.Equal(new DateOnly(2028, 11, 26), order.LastInForceDay);
        Assert.Equal("Must not contact the protected person by any means.", Assert.Single(order.CurrentConditionSet.Conditions).Wording);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Order.Made" && e.RecordId == orderId.ToString() && e.Kind == AuditKind.Collection)));
    }

    [Fact]
    public async Task RecordOrder_AfterTheHearingThatGrantedIt_GivesTheHearingItsOutcomeAndTheApplicationLinksToTheOrder()
    {
        // Arrange
        var application = await factory.Data().CreateApplicationAsync();
        var hearingId = await factory.Data().WithServicesAsync(new DateOnly(2026, 11, 20), async s => (await s.Hearings.ListHearingAsync(
            new ListHearingOptions(application.ApplicationId, LondonTime.ToUtc(_made, new TimeOnly(10, 0)), "Leeds Magistrates' Court"), TestData.Officer)).HearingId);
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var before = await client.GetDocumentAsync($"/workspace/applications/{application.ApplicationId}");

        // Act
        var (_, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-order/{application.ApplicationId}", Answers(new DateOnly(2028, 11, 26)));
        var after = await client.GetDocumentAsync($"/workspace/applications/{application.ApplicationId}");

        // Assert
        Assert.NotNull(before.QuerySelector($"[data-record-order] a[href='/workspace/orders/record-order/{application.ApplicationId}']"));
        saved.AssertRedirectTo("/workspace/orders/");
        Assert.Equal(HearingOutcome.Determined, (await factory.WithDbAsync(db => db.Hearings.SingleAsync(h => h.Id == hearingId))).Outcome);
        Assert.NotNull(after.QuerySelector($"[data-order-made] a[href='{saved.Headers.Location!.OriginalString}']"));
        Assert.Null(after.QuerySelector("[data-record-order]"));
        Assert.DoesNotContain(after.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Record the outcome");
    }

    [Fact]
    public async Task R14_RecordFullOrderUnderTwoYears_ShowsTheRuleAtTheQuestion()
    {
        // Arrange
        var application = await factory.Data().CreateApplicationAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-order/{application.ApplicationId}", Answers(new DateOnly(2027, 11, 27)));

        // Assert
        Assert.Null(page.QuerySelector("button[formaction*=Save]"));
        Assert.Contains("R14", page.InlineError("LastInForceDay"), StringComparison.Ordinal);
        Assert.Contains(page.ErrorSummaryMessages(), m => m.Contains("26 November 2028 or later", StringComparison.Ordinal));
        Assert.False(await factory.WithDbAsync(db => db.Orders.AnyAsync(o => o.ApplicationId == application.ApplicationId)));
    }

    [Fact]
    public async Task R16_RecordInterimOrderUntilFurtherOrder_ShowsTheRuleAtTheQuestion()
    {
        // Arrange
        var application = await factory.Data().CreateApplicationAsync(a => a.Interim());
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-order/{application.ApplicationId}", Answers(null, "UntilFurtherOrder"));

        // Assert
        Assert.Null(page.QuerySelector("button[formaction*=Save]"));
        Assert.Contains("R16", page.InlineError("DurationType"), StringComparison.Ordinal);
        Assert.Contains("An interim order lasts for a fixed period", page.InlineError("DurationType"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continue_NothingEntered_ShowsGovUkErrors()
    {
        // Arrange
        var application = await factory.Data().CreateApplicationAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-order/{application.ApplicationId}", [F("CourtName", ""), F("Conditions[0].ConflictFound", "")]);

        // Assert
        var errors = page.ErrorSummaryMessages();
        Assert.Contains("Enter the name of the court that made the order", errors);
        Assert.Contains("Enter the date the order was made", errors);
        Assert.Contains("Select how long the order lasts", errors);
        Assert.Contains("Condition 1: select the kind of condition", errors);
        Assert.Contains("Condition 1: enter the wording of the condition", errors);
    }

    [Fact]
    public async Task AddCondition_OneCondition_ShowsASecondCondition()
    {
        // Arrange
        var application = await factory.Data().CreateApplicationAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/orders/record-order/{application.ApplicationId}";
        var question = await client.GetDocumentAsync(url);

        // Act
        var page = await (await client.PostFormAsync(question, url, [F("Conditions[0].Wording", "First")], handler: "AddCondition")).GetDocumentAsync();

        // Assert
        Assert.Equal(2, page.QuerySelectorAll("[data-condition]").Length);
        Assert.Equal("First", page.QuerySelector("#Conditions_0__Wording")!.TextContent);
    }

    [Fact]
    public async Task R11_RespondentAlreadyHasAnOrder_WarnsThenSavesWithTheReason()
    {
        // Arrange
        var data = factory.Data();
        var first = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 3, 2)));
        var second = await data.CreateApplicationAsync(a => a.ForCase(first.Case).Lodged(new DateOnly(2026, 11, 2)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/orders/record-order/{second.ApplicationId}";

        // Act
        var (_, warned) = await client.AnswerCheckAndSaveAsync(url, Answers(new DateOnly(2028, 11, 26)));
        var warning = await warned.GetDocumentAsync();
        var saved = await client.PostFormAsync(warning, warned.RequestMessage!.RequestUri!.PathAndQuery, [F("OverrideReason", "The court considered both orders together")]);

        // Assert
        Assert.Contains("R11", warning.QuerySelector("[data-warnings]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(warning.QuerySelector("textarea[name=OverrideReason]"));
        saved.AssertRedirectTo("/workspace/orders/");
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Order.Made" && e.Justification!.Contains("The court considered both orders together"))));
    }

    [Fact]
    public async Task R43_YouthCourtOriginOnAMagistratesApplication_ShowsTheRuleFromCoreAtTheQuestion()
    {
        // Arrange
        var application = await factory.Data().CreateApplicationAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-order/{application.ApplicationId}",
            [.. Answers(new DateOnly(2028, 11, 26)), F("Origin", nameof(Core.Rules.OrderOrigin.PoliceApplicationYouthCourt))]);

        // Assert
        Assert.Equal("Record the stalking protection order", page.HeadingText());
        Assert.Contains("R43", page.InlineError("Origin"), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Orders.AnyAsync(o => o.ApplicationId == application.ApplicationId)));
    }

    [Fact]
    public async Task RecordOrder_MadeInTheFuture_IsRefusedOnTheQuestionPage()
    {
        // Arrange
        var application = await factory.Data().CreateApplicationAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/record-order/{application.ApplicationId}",
            [.. Answers(new DateOnly(2028, 11, 26)).Where(a => !a.Key.StartsWith("MadeOn", StringComparison.Ordinal)), .. Date("MadeOn", new DateOnly(2027, 1, 4))]);

        // Assert
        Assert.Equal("Record the stalking protection order", page.HeadingText());
        Assert.Contains(RuleCheck.NotYetHappenedMessage, page.InlineError("MadeOn"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordOrder_CheckYourAnswers_PostsNoAnswersSavesNothingAndChangeKeepsThem()
    {
        // Arrange
        var application = await factory.Data().CreateApplicationAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var check = await client.AnswerAsync($"/workspace/orders/record-order/{application.ApplicationId}", Answers(new DateOnly(2028, 11, 26)));
        var change = await client.GetDocumentAsync(System.Net.WebUtility.HtmlDecode(check.QuerySelector(".govuk-summary-list__actions a")!.GetAttribute("href")!));

        // Assert
        Assert.Equal("Check the order before you record it", check.HeadingText());
        Assert.Contains("Until the end of 26 November 2028", check.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["__RequestVerificationToken"], check.QuerySelectorAll("form[method=post] input").Select(i => i.GetAttribute("name")!));
        Assert.False(await factory.WithDbAsync(db => db.Orders.AnyAsync(o => o.ApplicationId == application.ApplicationId)));
        Assert.Equal(ApplicationStatus.Submitted, (await factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == application.ApplicationId))).Status);
        Assert.Equal("Must not contact the protected person by any means.", change.QuerySelector("#Conditions_0__Wording")!.TextContent.Trim());
        Assert.Equal("26", change.QuerySelector("input[name='LastInForceDay.Day']")!.GetAttribute("value"));
        Assert.NotNull(change.QuerySelector("input[name=DurationType][value=FixedPeriod][checked]"));
    }

    [Fact]
    public async Task RecordOrder_ConfirmAgainAfterSaving_GoesBackToTheStartAndRecordsOneOrder()
    {
        // Arrange
        var application = await factory.Data().CreateApplicationAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/orders/record-order/{application.ApplicationId}";
        var (check, saved) = await client.AnswerCheckAndSaveAsync(url, Answers(new DateOnly(2028, 11, 26)));

        // Act
        var replay = await client.PostFormAsync(check, saved.RequestMessage!.RequestUri!.PathAndQuery);

        // Assert
        saved.AssertRedirectTo("/workspace/orders/");
        replay.AssertRedirectTo(url);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Orders.CountAsync(o => o.ApplicationId == application.ApplicationId)));
    }

    [Fact]
    public async Task RL4_RecordOrderAfterSomeoneElseChangedTheApplication_ShowsTheConflictSavesNothingThenSavesOnConfirm()
    {
        // Arrange
        var application = await factory.Data().CreateApplicationAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/orders/record-order/{application.ApplicationId}";
        var question = await client.GetDocumentAsync(url);
        await factory.Data().WithServicesAsync(new DateOnly(2026, 11, 27), async s => (await s.Hearings.ListHearingAsync(
            new ListHearingOptions(application.ApplicationId, LondonTime.ToUtc(new DateOnly(2026, 12, 10), new TimeOnly(10, 0)), "Leeds Magistrates' Court"), TestData.Coordinator)).HearingId);
        var continued = await client.PostFormAsync(question, url, Answers(new DateOnly(2028, 11, 26)));
        var checkUrl = continued.Headers.Location!.OriginalString;
        var check = await client.GetDocumentAsync(checkUrl);

        // Act
        var refused = await client.PostFormAsync(check, checkUrl);
        var conflict = await refused.GetDocumentAsync();
        var savedNothing = !await factory.WithDbAsync(db => db.Orders.AnyAsync(o => o.ApplicationId == application.ApplicationId));
        var saved = await client.PostFormAsync(conflict, checkUrl);

        // Assert
        Assert.Contains("Someone else changed this application", conflict.QuerySelector("[data-conflict]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hearing listed", conflict.QuerySelector("[data-current-application]")!.TextContent, StringComparison.Ordinal);
        Assert.True(savedNothing);
        saved.AssertRedirectTo("/workspace/orders/");
        Assert.Equal(1, await factory.WithDbAsync(db => db.Orders.CountAsync(o => o.ApplicationId == application.ApplicationId)));
    }

    [Fact]
    public async Task R12_SomeoneElseRecordedTheOrderFirst_ConfirmShowsTheRuleAndRecordsNoSecondOrder()
    {
        // Arrange
        var application = await factory.Data().CreateApplicationAsync();
        var url = $"/workspace/orders/record-order/{application.ApplicationId}";
        var first = factory.CreateBrowser(await factory.OfficerAsync());
        var second = factory.CreateBrowser(await factory.OfficerAsync());
        var continued = await second.PostFormAsync(await second.GetDocumentAsync(url), url, Answers(new DateOnly(2028, 11, 26)));
        var checkUrl = continued.Headers.Location!.OriginalString;
        var check = await second.GetDocumentAsync(checkUrl);
        await first.AnswerCheckAndSaveAsync(url, Answers(new DateOnly(2028, 11, 26)));

        // Act
        var refused = await (await second.PostFormAsync(check, checkUrl)).GetDocumentAsync();

        // Assert
        Assert.Contains(refused.ErrorSummaryMessages(), m => m.Contains("must be before the court", StringComparison.Ordinal) && m.Contains("R12", StringComparison.Ordinal));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Orders.CountAsync(o => o.ApplicationId == application.ApplicationId)));
    }
}
