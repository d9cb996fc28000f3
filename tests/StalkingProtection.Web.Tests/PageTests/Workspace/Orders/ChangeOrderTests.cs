using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.People;
using StalkingProtection.Core.VictimUpdates;
using StalkingProtection.Web.Tests.Infrastructure;
using static StalkingProtection.Web.Tests.PageTests.Workspace.Orders.OrderPages;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

/// <summary>Variation, renewal and discharge (SPA 2019 s.4).</summary>
public class ChangeOrderTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly DateOnly _made = new(2026, 3, 16);

    private Task<TestCommon.CreatedOrder> OrderAsync() => factory.Data().CreateOrderAsync(o => o.MadeOn(_made).ServedOn(new DateOnly(2026, 3, 17)));

    private static IEnumerable<KeyValuePair<string, string>> Variation(DateOnly effectiveFrom) =>
    [
        F("ApplicantParty", "ChiefOfficer"), F("ApplicantForce", "WestYorkshire"), .. Date("DecidedOn", new DateOnly(2026, 11, 27)), .. Date("EffectiveFrom", effectiveFrom),
        F("AddsOrTightens", "Yes"), F("NecessityRationale", "The victim moved house; a new exclusion zone is needed."),
        F("Conditions[0].Wording", "Must not contact the protected person, or enter Bradford city centre."),
    ];

    private static readonly KeyValuePair<string, string>[] Renewal =
    [
        F("ApplicantParty", "ChiefOfficer"), F("ApplicantForce", "WestYorkshire"), .. Date("ApplicationLodgedOn", new DateOnly(2026, 11, 2)),
        .. Date("DecidedOn", new DateOnly(2026, 11, 27)), F("DurationType", "FixedPeriod"), .. Date("NewLastDay", new DateOnly(2029, 3, 15)),
        F("NecessityRationale", "He has breached twice and the risk remains high."),
    ];

    private static readonly KeyValuePair<string, string>[] Discharge =
    [
        F("ApplicantParty", "Defendant"), .. Date("DecidedOn", new DateOnly(2026, 11, 27)), .. Date("EffectiveOn", new DateOnly(2026, 11, 28)), F("Reason", "The victim has moved abroad and asked for it to end."),
        .. Date("DefendantConsentedOn", new DateOnly(2026, 11, 20)), F("DefendantConsentMethod", "InWriting"),
        .. Date("ChiefOfficerConsentedOn", new DateOnly(2026, 11, 21)), F("ChiefOfficerConsentMethod", "InCourt"),
    ];

    /// <summary>An order whose victim asked to be told of every change to it, by text message, at any time of day.</summary>
    private async Task<TestCommon.CreatedOrder> OrderWithVictimToldOfChangesAsync()
    {
        var order = await OrderAsync();
        var victimId = order.Application.Case.VictimId;
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<VictimContactService>()
            .SetAsync(new SetVictimContactOptions(victimId, new VictimContact("07700 900321", null, null, null, false)), TestCommon.TestData.Officer);
        await scope.ServiceProvider.GetRequiredService<VictimUpdateService>().SetPreferencesAsync(new SetVictimUpdatePreferencesOptions(victimId, false,
            VictimUpdateEvent.OrderVaried | VictimUpdateEvent.OrderRenewed | VictimUpdateEvent.OrderDischarged, VictimUpdateChannel.Sms,
            new SafeTimeWindow(SafeDays.Every, new TimeOnly(0, 0), new TimeOnly(23, 59))), TestCommon.TestData.Officer);
        return order;
    }

    private Task<List<VictimMessage>> MessagesAsync(Guid victimId) => factory.WithDbAsync(db => db.Set<VictimMessage>().Where(m => m.VictimId == victimId).ToListAsync());

    [Theory]
    [InlineData("vary-order", VictimUpdateEvent.OrderVaried)]
    [InlineData("renew-order", VictimUpdateEvent.OrderRenewed)]
    [InlineData("discharge-order", VictimUpdateEvent.OrderDischarged)]
    public async Task R41_SPA2019_s4_ChangeJourney_WritesTheVictimsUpdateToTheOutboxWithTheChange(string journey, VictimUpdateEvent expected)
    {
        // Arrange
        var order = await OrderWithVictimToldOfChangesAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var answers = journey switch { "vary-order" => Variation(new DateOnly(2026, 11, 28)), "renew-order" => Renewal, _ => Discharge };

        // Act
        var (_, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/{journey}/{order.OrderId}", answers);

        // Assert
        saved.AssertRedirectTo($"/workspace/orders/{order.OrderId}");
        var message = Assert.Single(await MessagesAsync(order.Application.Case.VictimId));
        Assert.Equal(expected, message.Event);
        Assert.Equal(VictimMessageStatus.Pending, message.Status);
        Assert.DoesNotContain("900321", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VaryOrder_EnterInAField_PressesContinueNotRemoveOrAddACondition()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.GetDocumentAsync($"/workspace/orders/vary-order/{order.OrderId}");
        // HTML's implicit submission presses the first submit button of the form, in document order.
        var form = page.QuerySelectorAll("form").Single(f => f.QuerySelector("[name^='Conditions[']") is not null);
        var first = form.QuerySelector("button[type=submit], input[type=submit], button:not([type])")!;

        // Assert
        Assert.Equal("Continue", first.TextContent.Trim());
        Assert.Null(first.GetAttribute("formaction"));
        Assert.Null(first.GetAttribute("name"));
    }

    [Fact]
    public async Task VaryOrder_NewTerms_SavesANewVersionShownOnTheOrderPage()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (check, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/vary-order/{order.OrderId}", Variation(new DateOnly(2026, 11, 28)));
        var orderPage = await client.GetDocumentAsync($"/workspace/orders/{order.OrderId}");

        // Assert
        Assert.Equal("Check the variation", check.HeadingText());
        saved.AssertRedirectTo($"/workspace/orders/{order.OrderId}");
        Assert.NotNull(orderPage.QuerySelector("[data-terms-version='2']"));
        Assert.Contains("enter Bradford city centre", orderPage.QuerySelector("[data-terms-today]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("16 March 2026 to 27 November 2026", orderPage.QuerySelector("[data-terms-version='1']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R21_VariationEffectiveBeforeTheCurrentTerms_ShowsTheRuleWhereTheDateIsAsked()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/vary-order/{order.OrderId}", Variation(new DateOnly(2026, 3, 1)));

        // Assert
        Assert.Equal("Record a variation of the order", page.HeadingText());
        Assert.Contains("R21", page.InlineError("EffectiveFrom"), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ConditionSets.CountAsync(s => s.OrderId == order.OrderId)));
    }

    [Fact]
    public async Task VaryOrder_NothingEntered_ShowsGovUkErrors()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/vary-order/{order.OrderId}", [F("Conditions[0].Wording", "")]);

        // Assert
        var errors = page.ErrorSummaryMessages();
        Assert.Contains("Select who applied to the court", errors);
        Assert.Contains("Enter the date the new terms take effect", errors);
        Assert.Contains("Condition 1: enter the wording of the condition", errors);
    }

    [Fact]
    public async Task RL4_VaryOrderAfterSomeoneElseChangedIt_ShowsTheConflictAndSavesNothing()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/orders/vary-order/{order.OrderId}";
        var question = await client.GetDocumentAsync(url);
        await factory.SomeoneElseChangesAsync(order.OrderId);
        var check = await (await client.FollowToCheckAnswersAsync(await client.PostFormAsync(question, url, Variation(new DateOnly(2026, 11, 28))))).GetDocumentAsync();

        // Act
        var response = await client.PostFormAsync(check, url);
        var page = await response.GetDocumentAsync();

        // Assert
        Assert.Contains("Someone else changed this order", page.QuerySelector("[data-conflict]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Must not contact the protected person directly", page.QuerySelector("[data-current-order]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ConditionSets.CountAsync(s => s.OrderId == order.OrderId)));
    }

    [Fact]
    public async Task RenewOrder_NewLastDay_SavesTheRenewal()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (_, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/renew-order/{order.OrderId}",
            Renewal);

        // Assert
        saved.AssertRedirectTo($"/workspace/orders/{order.OrderId}");
        var lastDay = await factory.WithDbAsync(db => db.Orders.Where(o => o.Id == order.OrderId).Select(o => o.LastInForceDay).SingleAsync());
        Assert.Equal(new DateOnly(2029, 3, 15), lastDay);
    }

    [Fact]
    public async Task R13_RenewalEndingBeforeTheCurrentLastDay_ShowsTheRuleWhereTheLastDayIsAsked()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/renew-order/{order.OrderId}",
        [
            F("ApplicantParty", "Defendant"), .. Date("ApplicationLodgedOn", new DateOnly(2026, 11, 2)), .. Date("DecidedOn", new DateOnly(2026, 11, 27)),
            F("DurationType", "FixedPeriod"), .. Date("NewLastDay", new DateOnly(2028, 3, 1)), F("NecessityRationale", "Continuing risk."),
        ]);

        // Assert
        Assert.Equal("Record a renewal of the order", page.HeadingText());
        Assert.Contains("R13", page.InlineError("NewLastDay"), StringComparison.Ordinal);
        var link = page.QuerySelectorAll(".govuk-error-summary__list a").Single(a => a.TextContent.Contains("R13", StringComparison.Ordinal)).GetAttribute("href")!;
        Assert.NotNull(page.GetElementById(link.TrimStart('#')));
    }

    [Fact]
    public async Task R16_SPA2019_s5_6_InterimOrderRenewedUntilFurtherOrder_IsRefusedOnTheQuestionPage()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 11, 20)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/renew-order/{order.OrderId}",
        [
            F("ApplicantParty", "Defendant"), .. Date("ApplicationLodgedOn", new DateOnly(2026, 11, 24)), .. Date("DecidedOn", new DateOnly(2026, 11, 27)),
            F("DurationType", "UntilFurtherOrder"), F("NecessityRationale", "Continuing risk."),
        ]);

        // Assert
        Assert.Contains("R16", page.InlineError("DurationType"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenewOrder_DecidedInTheFuture_IsRefusedOnTheQuestionPage()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/renew-order/{order.OrderId}",
        [
            F("ApplicantParty", "Defendant"), .. Date("ApplicationLodgedOn", new DateOnly(2026, 11, 2)), .. Date("DecidedOn", new DateOnly(2026, 12, 20)),
            F("DurationType", "FixedPeriod"), .. Date("NewLastDay", new DateOnly(2031, 3, 15)), F("NecessityRationale", "Continuing risk."),
        ]);

        // Assert
        Assert.Contains("cannot be in the future", page.InlineError("DecidedOn"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenewOrder_CheckYourAnswers_PostsNoAnswersAndChangeKeepsThem()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var check = await client.AnswerAsync($"/workspace/orders/renew-order/{order.OrderId}",
        [
            F("ApplicantParty", "Defendant"), .. Date("ApplicationLodgedOn", new DateOnly(2026, 11, 2)), .. Date("DecidedOn", new DateOnly(2026, 11, 27)),
            F("DurationType", "FixedPeriod"), .. Date("NewLastDay", new DateOnly(2029, 3, 15)), F("NecessityRationale", "Continuing risk."),
        ]);
        var change = await client.GetDocumentAsync(System.Net.WebUtility.HtmlDecode(check.QuerySelector(".govuk-summary-list__actions a")!.GetAttribute("href")!));

        // Assert
        Assert.Equal("Check the renewal", check.HeadingText());
        Assert.Contains("15 March 2029", check.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["__RequestVerificationToken"], check.QuerySelectorAll("form[method=post] input").Select(i => i.GetAttribute("name")!));
        Assert.Equal("Continuing risk.", change.QuerySelector("textarea[name=NecessityRationale]")!.TextContent.Trim());
        Assert.Equal("15", change.QuerySelector("input[name='NewLastDay.Day']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task RenewOrder_NothingEntered_ShowsGovUkErrors()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/renew-order/{order.OrderId}", []);

        // Assert
        Assert.Contains("Enter the date the application was lodged", page.ErrorSummaryMessages());
        Assert.Contains("Select how long the renewed order lasts", page.ErrorSummaryMessages());
    }

    [Fact]
    public async Task R22_DischargeWithinTwoYearsWithoutConsent_ShowsTheRuleWhereTheConsentsAreAsked()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/discharge-order/{order.OrderId}",
            [F("ApplicantParty", "Defendant"), .. Date("DecidedOn", new DateOnly(2026, 11, 27)), .. Date("EffectiveOn", new DateOnly(2026, 11, 28)), F("Reason", "The defendant asked for it to end.")]);

        // Assert
        Assert.Contains("R22", page.InlineError("DefendantConsentedOn"), StringComparison.Ordinal);
        Assert.Null(await factory.WithDbAsync(db => db.Orders.Where(o => o.Id == order.OrderId).Select(o => o.EndedOn).SingleAsync()));
    }

    [Fact]
    public async Task R22_DischargeWithBothConsents_EndsTheOrder()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (_, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/discharge-order/{order.OrderId}", Discharge);
        var orderPage = await client.GetDocumentAsync($"/workspace/orders/{order.OrderId}");

        // Assert
        saved.AssertRedirectTo($"/workspace/orders/{order.OrderId}");
        Assert.Contains("Discharged", orderPage.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The victim has moved abroad and asked for it to end.", orderPage.QuerySelector("[data-timeline]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DischargeOrder_ConsentDateWithoutMethod_ShowsGovUkErrors()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/discharge-order/{order.OrderId}", [.. Date("DefendantConsentedOn", new DateOnly(2026, 11, 20))]);

        // Assert
        Assert.Equal(["Select who applied to the court", "Enter the date the court decided", "Enter the date the discharge takes effect", "Enter why the court discharged the order", "Select how the defendant consented"],
            page.ErrorSummaryMessages());
    }

    [Fact]
    public async Task RL4_DischargeAfterSomeoneElseChangedTheOrder_ShowsTheConflict()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/orders/discharge-order/{order.OrderId}";
        var question = await client.GetDocumentAsync(url);
        await factory.SomeoneElseChangesAsync(order.OrderId);
        var check = await (await client.FollowToCheckAnswersAsync(await client.PostFormAsync(question, url,
        [
            F("ApplicantParty", "Defendant"), .. Date("DecidedOn", new DateOnly(2026, 11, 27)), .. Date("EffectiveOn", new DateOnly(2026, 11, 28)), F("Reason", "The victim has moved abroad and asked for it to end."),
            .. Date("DefendantConsentedOn", new DateOnly(2026, 11, 20)), F("DefendantConsentMethod", "InWriting"),
            .. Date("ChiefOfficerConsentedOn", new DateOnly(2026, 11, 21)), F("ChiefOfficerConsentMethod", "InCourt"),
        ]))).GetDocumentAsync();

        // Act
        var page = await (await client.PostFormAsync(check, url)).GetDocumentAsync();

        // Assert
        Assert.NotNull(page.QuerySelector("[data-conflict]"));
        Assert.Null(await factory.WithDbAsync(db => db.Orders.Where(o => o.Id == order.OrderId).Select(o => o.EndedOn).SingleAsync()));
    }

    [Fact]
    public async Task DischargeOrder_ConsentDatedInTheFuture_IsRefusedOnTheQuestionPage()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.AnswerAsync($"/workspace/orders/discharge-order/{order.OrderId}",
        [
            F("ApplicantParty", "Defendant"), .. Date("DecidedOn", new DateOnly(2026, 11, 27)), .. Date("EffectiveOn", new DateOnly(2026, 11, 28)), F("Reason", "The risk has ended."),
            .. Date("DefendantConsentedOn", new DateOnly(2030, 1, 1)), F("DefendantConsentMethod", "InWriting"),
            .. Date("ChiefOfficerConsentedOn", new DateOnly(2026, 11, 21)), F("ChiefOfficerConsentMethod", "InCourt"),
        ]);

        // Assert
        Assert.Contains("cannot be in the future", page.InlineError("DefendantConsentedOn"), StringComparison.Ordinal);
        Assert.Null(await factory.WithDbAsync(db => db.Orders.Where(o => o.Id == order.OrderId).Select(o => o.EndedOn).SingleAsync()));
    }
}
