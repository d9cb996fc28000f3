using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.ApiTests;
using StalkingProtection.Web.Tests.Infrastructure;
using static StalkingProtection.Web.Tests.PageTests.Workspace.Orders.OrderPages;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

/// <summary>A command on an order, a breach or an application flashes its outcome's <c>Explain</c>, and the API's <c>explanation</c> says the same.</summary>
public class CommandOutcomeExplanationTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly DateOnly _made = new(2026, 11, 2);

    private async Task<(CreatedOrder Order, Guid AppealId)> AppealAsync()
    {
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(_made).ServedOn(_made));
        var appealId = await factory.Data().WithServicesAsync(new DateOnly(2026, 11, 5), async s => (await s.Appeals.LodgeAsync(new LodgeAppealOptions(order.OrderId, null,
            AppellantType.Defendant, AppealableDecision.MakingOfOrder, _made, new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 5), "The order is not necessary."),
            TestData.Officer)).AppealId);
        return (order, appealId);
    }

    private async Task<(CreatedOrder Order, Guid BreachId)> BreachAsync()
    {
        var order = await factory.Data().CreateOrderAsync(o => o.MadeOn(_made).ServedOn(new DateOnly(2026, 11, 3)));
        var breachId = await factory.Data().WithServicesAsync(new DateOnly(2026, 11, 21), async s => (await s.Breaches.RecordBreachAsync(new RecordBreachOptions(
            order.OrderId, order.ConditionIds[0], LondonTime.ToUtc(new DateOnly(2026, 11, 20), new TimeOnly(21, 15)), "Outside her work", "He followed her."),
            TestData.Officer)).BreachId);
        return (order, breachId);
    }

    [Fact]
    public async Task R24_DecideAppealOnThePageAndThroughTheApi_GiveTheSameExplanation()
    {
        // Arrange
        var (onThePage, pageAppealId) = await AppealAsync();
        var (_, apiAppealId) = await AppealAsync();
        var version = await factory.WithDbAsync(db => db.Appeals.Where(a => a.Id == apiAppealId).Select(a => a.Version).SingleAsync());
        var api = await ApiSession.CreateAsync(factory);
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (_, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-appeal-outcome/{onThePage.OrderId}/{pageAppealId}",
            [F("Outcome", "Allowed"), .. Date("DecidedOn", new DateOnly(2026, 11, 27)), F("CrownCourtReference", "T20267001")]);
        var banner = (await client.GetDocumentAsync(saved.Headers.Location!.OriginalString)).QuerySelector(".govuk-notification-banner")!.TextContent;
        var answer = ApiScenario.Expect(await api.PostAsync($"/api/v1/appeals/{apiAppealId}/decision",
            new { outcome = "Allowed", decidedOn = new DateOnly(2026, 11, 27), crownCourtReference = "T20267001", version }));
        var explanation = answer.Json.GetProperty("explanation").GetString()!;

        // Assert
        Assert.Equal(
            "Appeal allowed by the Crown Court on 27 November 2026: the order is quashed from 27 November 2026 (SPA 2019 s.7(4), R24). "
            + "Its notification duties and tasks end with it; a task to update the PNC entry was raised. Tell the victim.",
            explanation);
        Assert.Contains(explanation, banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R37_R41_UpdateBreachOnThePageAndThroughTheApi_GiveTheSameExplanation()
    {
        // Arrange
        var (onThePage, pageBreachId) = await BreachAsync();
        var (_, apiBreachId) = await BreachAsync();
        var version = await factory.WithDbAsync(db => db.Breaches.Where(b => b.Id == apiBreachId).Select(b => b.Version).SingleAsync());
        var api = await ApiSession.CreateAsync(factory);
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (_, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-breach/outcome/{onThePage.OrderId}/{pageBreachId}",
            [F("CrimeReference", "CR/12345/26"), F("Outcome", "NoFurtherAction")]);
        var banner = (await client.GetDocumentAsync(saved.Headers.Location!.OriginalString)).QuerySelector(".govuk-notification-banner")!.TextContent;
        var answer = ApiScenario.Expect(await api.PostAsync($"/api/v1/breaches/{apiBreachId}/progress",
            new { crimeReference = "CR/12345/26", outcome = "NoFurtherAction", version }));
        var explanation = answer.Json.GetProperty("explanation").GetString()!;

        // Assert
        Assert.Equal(
            "Breach updated (offence code H20164), no longer under investigation: the outcome is no further action. Recorded: crime reference CR/12345/26. "
            + "The victims who asked for updates will be told the new outcome (R41, Victims' Code).",
            explanation);
        Assert.Contains(explanation, banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R2_SetJurisdictionOnThePage_FlashesTheTaskOutcomeWithWhatIsStillToDo()
    {
        // Arrange
        var created = await factory.Data().CreateCaseAsync();
        var id = await factory.Data().WithServicesAsync(new DateOnly(2026, 11, 28), async s => (await s.Applications.CreateAsync(new CreateApplicationOptions(created.CaseId,
            ApplicationType.Full, PoliceForce.WestYorkshire, CourtVenue.MagistratesCourt, "Leeds Magistrates' Court", ProtectedPersonIds: created.ProtectedPersonIds),
            TestData.Officer)).ApplicationId);
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var check = await client.ContinueAsync($"/workspace/applications/set-jurisdiction/{id}",
            new Dictionary<string, string> { ["Basis"] = nameof(JurisdictionBasis.ResidesInArea), ["Notes"] = "Lives at 1 Main Street, Leeds" });
        var saved = await client.SubmitFormAsync(check.CheckAnswersUrl(), new Dictionary<string, string>());
        var banner = (await client.GetDocumentAsync(saved.Headers.Location!.OriginalString)).QuerySelector(".govuk-notification-banner")!.TextContent;

        // Assert
        Assert.Contains(
            "Jurisdiction recorded: why the force may apply against the respondent (SPA 2019 s.1(3), R2). Still to do before it can be lodged: "
            + "evidence for limb (a), (b), (c) of the test (SPA 2019 s.1(1), R3).",
            banner, StringComparison.Ordinal);
    }
}
