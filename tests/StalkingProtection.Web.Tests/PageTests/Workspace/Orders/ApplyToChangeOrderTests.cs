using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Web.Tests.Infrastructure;
using static StalkingProtection.Web.Tests.PageTests.Workspace.Orders.OrderPages;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

/// <summary>Applying to vary, renew or discharge an order (SPA 2019 s.4, s.5(7)): what for, who applies, what and why, check.</summary>
public class ApplyToChangeOrderTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly DateOnly _made = new(2026, 3, 16);

    private Task<TestCommon.CreatedOrder> OrderAsync() => factory.Data().CreateOrderAsync(o => o.MadeOn(_made).ServedOn(new DateOnly(2026, 3, 17)));

    private static string Url(Guid orderId) => $"/workspace/orders/apply-to-change-order/{orderId}";

    /// <summary>Answers each question page in turn, following Continue to the next page; returns the page after the last one answered.</summary>
    private static async Task<IHtmlDocument> AnswerStepsAsync(HttpClient client, string url, params IEnumerable<KeyValuePair<string, string>>[] steps)
    {
        var page = await client.GetDocumentAsync(url);
        foreach (var answers in steps)
        {
            page = await FollowAsync(client, await client.PostFormAsync(page, url, answers));
        }

        return page;
    }

    private static async Task<IHtmlDocument> FollowAsync(HttpClient client, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect ? await client.GetDocumentAsync(response.Headers.Location!.OriginalString) : await response.GetDocumentAsync();

    private static string ChangeLink(IDocument check, string key) =>
        WebUtility.HtmlDecode(check.QuerySelectorAll(".govuk-summary-list__row")
            .Single(r => r.QuerySelector(".govuk-summary-list__key")!.TextContent.Trim() == key)
            .QuerySelector(".govuk-summary-list__actions a")!.GetAttribute("href")!);

    private static readonly KeyValuePair<string, string>[] _westYorkshire = [F("ApplicantParty", "ChiefOfficer"), F("ApplicantForce", "WestYorkshire")];

    [Fact]
    public async Task Variation_ByTheApplicantChiefOfficer_DraftsTheApplicationAndListsItOnTheOrder()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = Url(order.OrderId);

        // Act
        var check = await AnswerStepsAsync(client, url, [F("Type", "Variation")], _westYorkshire,
            [F("ChangeSought", "Add an exclusion zone around her new street."), F("AddsOrTightens", "Yes"), F("NecessityRationale", "She has moved and he has been seen nearby.")]);
        var saved = await client.PostFormAsync(check, url);
        var orderPage = await client.GetDocumentAsync($"/workspace/orders/{order.OrderId}");

        // Assert
        Assert.Equal("Check your answers before drafting the application", check.HeadingText());
        var application = await factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.OrderId == order.OrderId));
        saved.AssertRedirectTo($"/workspace/applications/{application.Id}");
        Assert.Equal((ApplicationType.Variation, ApplicantParty.ChiefOfficer, (PoliceForce?)PoliceForce.WestYorkshire, (bool?)true, ApplicationStatus.Draft),
            (application.Type, application.ApplicantParty, application.ApplicantForce, application.AddsOrTightens, application.Status));
        Assert.Equal("She has moved and he has been seen nearby.", application.NecessityRationale);
        var pending = orderPage.QuerySelector("[data-pending-changes]")!.TextContent;
        Assert.Contains("Add an exclusion zone around her new street.", pending, StringComparison.Ordinal);
        Assert.Contains("Draft", pending, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discharge_ByTheDefendant_InTheFirstTwoYears_ShowsTheConsentNoteAndDrafts()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = Url(order.OrderId);

        // Act
        var details = await AnswerStepsAsync(client, url, [F("Type", "Discharge")], [F("ApplicantParty", "Defendant")]);
        var check = await FollowAsync(client, await client.PostFormAsync(details, url, [F("ChangeSought", "He says the risk has ended.")]));
        var saved = await client.PostFormAsync(check, url);

        // Assert
        Assert.Contains("R22", details.QuerySelector("[data-consent-note]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("R22", check.QuerySelector("[data-consent-note]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("16 March 2028", details.QuerySelector("[data-consent-note]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var application = await factory.WithDbAsync(db => db.Applications.SingleAsync(a => a.OrderId == order.OrderId));
        Assert.Equal((ApplicationType.Discharge, ApplicantParty.Defendant, (PoliceForce?)null), (application.Type, application.ApplicantParty, application.ApplicantForce));
    }

    [Fact]
    public async Task R20_ApplicantWhoIsNotARelevantChiefOfficer_IsRefused()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await AnswerStepsAsync(client, Url(order.OrderId), [F("Type", "Variation")], [F("ApplicantParty", "ChiefOfficer"), F("ApplicantForce", "Kent")]);

        // Assert
        var error = page.InlineError("ApplicantForce");
        Assert.Contains("Only the defendant or a relevant chief officer", error, StringComparison.Ordinal);
        Assert.Contains("R20", error, StringComparison.Ordinal);
        Assert.Contains("SPA 2019 s.4", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R20_InterimOrderByAForceThatDidNotApply_IsRefusedUnderSection5_7()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 11, 20)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await AnswerStepsAsync(client, Url(order.OrderId), [F("Type", "Renewal")], [F("ApplicantParty", "ChiefOfficer"), F("ApplicantForce", "GreaterManchester")]);

        // Assert
        Assert.Contains("chief officer who applied for the interim order", page.InlineError("ApplicantForce"), StringComparison.Ordinal);
        Assert.Contains("SPA 2019 s.5(7)", page.InlineError("ApplicantForce"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task R23_RenewalOfAnOrderNoLongerInForce_IsRefused()
    {
        // Arrange
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(new DateOnly(2024, 1, 10)));
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await AnswerStepsAsync(client, Url(order.OrderId), [F("Type", "Renewal")]);

        // Assert
        var error = page.InlineError("Type");
        Assert.Contains("a renewal must be applied for while the order is in force", error, StringComparison.Ordinal);
        Assert.Contains("R23", error, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Applications.AnyAsync(a => a.OrderId == order.OrderId)));
    }

    [Fact]
    public async Task R21_RenewalWithoutNecessityRationale_ShowsGovUkErrors()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await AnswerStepsAsync(client, Url(order.OrderId), [F("Type", "Renewal")], _westYorkshire, [F("ChangeSought", ""), F("NecessityRationale", "")]);

        // Assert
        Assert.Equal(["Enter how long the application asks the court to renew the order for", "Enter why this is necessary to protect a person from a risk associated with stalking (R21)"],
            page.ErrorSummaryMessages());
    }

    [Fact]
    public async Task EachQuestion_NothingEntered_ShowsGovUkErrors()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = Url(order.OrderId);

        // Act
        var first = await AnswerStepsAsync(client, url, Array.Empty<KeyValuePair<string, string>>());
        var second = await AnswerStepsAsync(client, url, [F("Type", "Variation")], [F("ApplicantForce", "")]);
        var force = await AnswerStepsAsync(client, url, [F("Type", "Variation")], [F("ApplicantParty", "ChiefOfficer"), F("ApplicantForce", "")]);
        var third = await AnswerStepsAsync(client, url, [F("Type", "Variation")], _westYorkshire, [F("ChangeSought", new string('x', 4001))]);

        // Assert
        Assert.Equal(["Select what the application is for"], first.ErrorSummaryMessages());
        Assert.Equal(["Select who applied to the court"], second.ErrorSummaryMessages());
        Assert.Equal(["Select the chief officer's police force"], force.ErrorSummaryMessages());
        Assert.Equal(["What the application asks for must be 4000 characters or fewer", "Select whether the variation adds conditions or makes any stricter",
            "Enter why this is necessary to protect a person from a risk associated with stalking (R21)"], third.ErrorSummaryMessages());
    }

    [Fact]
    public async Task ChangeYourAnswers_GoesBackToTheFirstQuestionWithTheAnswersKeptByTheJourneyNotInHiddenFields()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = Url(order.OrderId);
        var check = await AnswerStepsAsync(client, url, [F("Type", "Discharge")], [F("ApplicantParty", "Defendant")], [F("ChangeSought", "The risk has ended.")]);

        // Act
        var page = await client.GetDocumentAsync(ChangeLink(check, "Application for"));

        // Assert
        Assert.Equal("What is the application for?", page.HeadingText());
        Assert.True(page.QuerySelector<IHtmlInputElement>("input[name=Type][value=Discharge]")!.IsChecked);
        Assert.DoesNotContain(check.QuerySelectorAll("form input[type=hidden]"), i => i.GetAttribute("name") != "__RequestVerificationToken");
        Assert.Null(page.QuerySelector("input[type=hidden][name=ChangeSought]"));
    }

    [Fact]
    public async Task ChangeYourAnswers_ThenContinue_GoesThroughTheQuestionsToCheckYourAnswers()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = Url(order.OrderId);
        var check = await AnswerStepsAsync(client, url, [F("Type", "Discharge")], [F("ApplicantParty", "Defendant")], [F("ChangeSought", "The risk has ended.")]);
        var first = await client.GetDocumentAsync(ChangeLink(check, "Application for"));

        // Act
        var second = await FollowAsync(client, await client.PostFormAsync(first, url));
        var third = await FollowAsync(client, await client.PostFormAsync(second, url));
        var checkAgain = await FollowAsync(client, await client.PostFormAsync(third, url, [F("ChangeSought", "The risk ended when he moved abroad.")]));

        // Assert
        Assert.Equal("Who is applying?", second.HeadingText());
        Assert.True(second.QuerySelector<IHtmlInputElement>("input[name=ApplicantParty][value=Defendant]")!.IsChecked);
        Assert.Equal("What changes and why", third.HeadingText());
        Assert.Equal("The risk has ended.", third.QuerySelector<IHtmlTextAreaElement>("textarea[name=ChangeSought]")!.Value);
        Assert.Equal("Check your answers before drafting the application", checkAgain.HeadingText());
        Assert.Contains("The risk ended when he moved abroad.", checkAgain.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LaterQuestion_OpenedWithoutTheEarlierAnswers_StartsTheJourneyAgain()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var response = await client.GetAsync($"/workspace/orders/apply-to-change-order/details/{order.OrderId}?journey={Guid.NewGuid()}");

        // Assert
        response.AssertRedirectTo(Url(order.OrderId));
    }

    [Fact]
    public async Task RL4_OrderChangedBeforeSaving_ShowsTheConflictAndDraftsNothing()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = Url(order.OrderId);
        var check = await AnswerStepsAsync(client, url, [F("Type", "Discharge")], [F("ApplicantParty", "Defendant")], [F("ChangeSought", "The risk has ended.")]);
        await factory.SomeoneElseChangesAsync(order.OrderId);

        // Act
        var page = await (await client.PostFormAsync(check, url)).GetDocumentAsync();

        // Assert
        Assert.Contains("Someone else changed this order", page.QuerySelector("[data-conflict]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Must not contact the protected person directly", page.QuerySelector("[data-current-order]")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Applications.AnyAsync(a => a.OrderId == order.OrderId)));
    }

    [Fact]
    public async Task OrderPage_LinksToTheJourney()
    {
        // Arrange
        var order = await OrderAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.GetDocumentAsync($"/workspace/orders/{order.OrderId}");

        // Assert
        Assert.NotNull(page.QuerySelector($"[data-actions] a[href='{Url(order.OrderId)}']"));
    }
}
