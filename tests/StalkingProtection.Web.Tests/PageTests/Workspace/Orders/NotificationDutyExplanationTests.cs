using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Tests.ApiTests;
using StalkingProtection.Web.Tests.Infrastructure;
using static StalkingProtection.Web.Tests.PageTests.Workspace.Orders.OrderPages;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

/// <summary>SPA 2019 s.9: the order's one decision on the notification duty reads the same on the page and through the API.</summary>
public class NotificationDutyExplanationTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly DateOnly _made = new(2026, 11, 20);
    private static readonly DateOnly _served = new(2026, 11, 27);

    [Fact]
    public async Task SPA2019_s9_1_R25_ServiceOnThePageAndThroughTheApi_GiveTheSameExplanation()
    {
        // Arrange
        var data = factory.Data();
        var onThePage = await data.CreateOrderAsync(o => o.MadeOn(_made));
        var throughTheApi = await data.CreateOrderAsync(o => o.MadeOn(_made));
        var version = await factory.WithDbAsync(db => db.Orders.Where(o => o.Id == throughTheApi.OrderId).Select(o => o.Version).SingleAsync());
        var api = await ApiSession.CreateAsync(factory);
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (_, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-service/{onThePage.OrderId}",
            [.. Date("ServedOn", _served), F("ServedTime", "10:30"), F("Method", "Personal"), F("ServedBy", "PC Jones")]);
        var banner = (await client.GetDocumentAsync(saved.Headers.Location!.OriginalString)).QuerySelector(".govuk-notification-banner")!.TextContent;
        var answer = ApiScenario.Expect(await api.PostAsync($"/api/v1/orders/{throughTheApi.OrderId}/service",
            new { servedAt = LondonTime.ToUtc(_served, new TimeOnly(10, 30)), method = "Personal", servedBy = "PC Jones", version }));
        var explanation = answer.Json.GetProperty("explanation").GetString()!;

        // Assert
        Assert.StartsWith("The respondent must notify the police by the end of 29 November 2026 (SPA 2019 s.9(1), R25)", explanation, StringComparison.Ordinal);
        Assert.Contains($"Service recorded. {explanation}", banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SPA2019_s9_3_R27_NewNameWithNoServedOrder_PageAndApiGiveTheSameReason()
    {
        // Arrange
        var data = factory.Data();
        var onThePage = await data.CreateOrderAsync(o => o.MadeOn(_made));
        var throughTheApi = await data.CreateOrderAsync(o => o.MadeOn(_made));
        var api = await ApiSession.CreateAsync(factory);
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (_, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-name-change/{onThePage.OrderId}",
            [F("GivenNames", "Jon"), F("FamilyName", "Smythe"), .. Date("FirstUsedOn", _served)]);
        var banner = (await client.GetDocumentAsync(saved.Headers.Location!.OriginalString)).QuerySelector(".govuk-notification-banner")!.TextContent;
        var answer = ApiScenario.Expect(await api.PostAsync($"/api/v1/respondents/{throughTheApi.Case.RespondentId}/names",
            new { givenNames = "Jon", familyName = "Smythe", firstUsedOn = _served }));
        var explanation = answer.Json.GetProperty("explanation").GetString()!;

        // Assert
        Assert.False(answer.Json.TryGetProperty("obligation", out _));
        Assert.Equal(
            "No notification duty: no stalking protection order against the respondent that has been served was in force on 27 November 2026 (SPA 2019 s.9(3), R27).",
            explanation);
        Assert.Contains($"New name recorded. {explanation}", banner, StringComparison.Ordinal);
    }
}
