using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Orders;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;
using static StalkingProtection.Web.Tests.PageTests.Workspace.Orders.OrderPages;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

/// <summary>Recording the order starts from the conditions the application proposed; the court's own terms may differ.</summary>
public class RecordOrderFromProposedConditionsTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly DateOnly _made = new(2026, 11, 27);

    private async Task<CreatedApplication> SubmittedWithProposalsAsync()
    {
        var data = factory.Data();
        var application = await data.CreateApplicationAsync(a => a.Draft());
        var people = application.Case.ProtectedPersonIds;
        await data.WithServicesAsync(_made.AddDays(-10), async s =>
        {
            await s.Applications.ProposeConditionAsync(new ProposeConditionOptions(application.ApplicationId, new ProposedConditionDetails(
                TestData.NoContact(people), "no-contact", new Dictionary<string, string> { ["person"] = "Jane Smith" })), TestData.Officer);
            await s.Applications.ProposeConditionAsync(new ProposeConditionOptions(application.ApplicationId, new ProposedConditionDetails(
                TestData.NoContact(people), "exclusion-zone", new Dictionary<string, string> { ["area"] = "Park Road, Leeds", ["mapReference"] = "exhibit AB/1" })),
                TestData.Officer);
            await s.Applications.AuthoriseAsync(new AuthoriseApplicationOptions(application.ApplicationId), TestData.Coordinator);
            await s.Applications.SubmitAsync(new SubmitApplicationOptions(application.ApplicationId), TestData.Officer);
        });
        return application;
    }

    private static IEnumerable<KeyValuePair<string, string>> OrderAnswers() =>
        [.. Date("MadeOn", _made), F("DurationType", "FixedPeriod"), .. Date("LastInForceDay", new DateOnly(2028, 11, 26))];

    [Fact]
    public async Task Get_ApplicationWithProposedConditions_PrefillsTheConditionEditor()
    {
        // Arrange
        var application = await SubmittedWithProposalsAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var page = await client.GetDocumentAsync($"/workspace/orders/record-order/{application.ApplicationId}");

        // Assert
        Assert.NotNull(page.QuerySelector("[data-prefilled]"));
        Assert.Equal(2, page.QuerySelectorAll("[data-condition]").Length);
        Assert.Equal("Not to contact Jane Smith directly or indirectly by any means, including through social media or a third party.",
            page.QuerySelector("#Conditions_0__Wording")!.TextContent);
        Assert.Equal("Park Road, Leeds", page.QuerySelector("#Conditions_1__LocalityText")!.TextContent);
        Assert.Equal("exhibit AB/1", page.QuerySelector("#Conditions_1__MapReference")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[name='Conditions[1].Scope'][value=Locality][checked]"));
    }

    [Fact]
    public async Task Save_PrefilledConditionsAsProposed_TheOrderKeepsThemWithTheMapReference()
    {
        // Arrange
        var application = await SubmittedWithProposalsAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (_, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-order/{application.ApplicationId}", OrderAnswers());

        // Assert
        saved.AssertRedirectTo("/workspace/orders/");
        var order = await factory.WithDbAsync(db => db.Orders.SingleAsync(o => o.ApplicationId == application.ApplicationId));
        var conditions = order.CurrentConditionSet.Conditions.OrderBy(c => c.Sequence).ToList();
        Assert.Equal([ConditionCategory.NoContact, ConditionCategory.ExclusionZone], conditions.Select(c => c.Category));
        Assert.Equal("exhibit AB/1", conditions[1].MapReference);
        Assert.Equal(ConditionScope.Locality, conditions[1].Scope);
    }

    [Fact]
    public async Task Save_CourtMadeDifferentTerms_RemovedAndChangedConditionsAreRecordedAsMade()
    {
        // Arrange
        var application = await SubmittedWithProposalsAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var url = $"/workspace/orders/record-order/{application.ApplicationId}";
        var question = await client.GetDocumentAsync(url);
        var afterRemove = await (await client.PostFormAsync(question, url, handler: "RemoveCondition", buttonName: "RemoveIndex", buttonValue: "1")).GetDocumentAsync();

        // Act
        var continued = await client.PostFormAsync(afterRemove, url, [.. OrderAnswers(), F("Conditions[0].Wording", "Not to contact Jane Smith by any means.")]);
        var checkUrl = continued.Headers.Location!.OriginalString;
        var check = await client.GetDocumentAsync(checkUrl);
        var saved = await client.PostFormAsync(check, checkUrl);

        // Assert
        Assert.Single(afterRemove.QuerySelectorAll("[data-condition]"));
        saved.AssertRedirectTo("/workspace/orders/");
        var order = await factory.WithDbAsync(db => db.Orders.SingleAsync(o => o.ApplicationId == application.ApplicationId));
        Assert.Equal("Not to contact Jane Smith by any means.", Assert.Single(order.CurrentConditionSet.Conditions).Wording);
    }
}
