using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Integration;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.ApiTests;

/// <summary>POST /orders/{id}/applications: a variation, renewal or discharge application with what it asks for and why (SPA 2019 s.4, R20, R21, R23).</summary>
public class ChangeApplicationApiTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly DateOnly _today = new(2026, 11, 28);

    private async Task<(ApiScenario Scenario, ApiAnswer Order)> OrderAsync()
    {
        var scenario = await new ApiScenario(await ApiSession.CreateAsync(factory)).WithCaseAsync(_today);
        var (_, order) = await scenario.FullOrderAsync(_today);
        return (scenario, order);
    }

    private static object Variation(long? version, string? necessityRationale = "She has moved; he has been seen near her new home.") => new
    {
        type = "Variation",
        applicantParty = "ChiefOfficer",
        applicantForce = ApiScenario.Force,
        courtName = "Leeds Magistrates' Court",
        changeSought = "Add an exclusion zone around Moss Lane, Leeds.",
        addsOrTightens = true,
        necessityRationale,
        version,
    };

    [Fact]
    public async Task Variation_WithWhatItAsksForAndWhy_IsDraftedAndAnswersThem()
    {
        // Arrange
        var (scenario, order) = await OrderAsync();

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/orders/{order.Id}/applications", Variation(order.Version));
        var read = await scenario.Api.GetAsync($"/api/v1/applications/{answer.Id}");

        // Assert
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var json = read.Json;
        Assert.Equal(("Variation", "Draft", "Add an exclusion zone around Moss Lane, Leeds.", true),
            (json.GetProperty("type").GetString(), json.GetProperty("status").GetString(), json.GetProperty("changeSought").GetString(), json.GetProperty("addsOrTightens").GetBoolean()));
        Assert.Equal("She has moved; he has been seen near her new home.", json.GetProperty("necessityRationale").GetString());
        Assert.Equal(order.Id, json.GetProperty("orderId").GetGuid());
    }

    [Fact]
    public async Task R21_TighteningVariationWithoutRationale_Returns422NamingR21AndTheField()
    {
        // Arrange
        var (scenario, order) = await OrderAsync();

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/orders/{order.Id}/applications", Variation(order.Version, necessityRationale: null));

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal("application/problem+json", answer.Response.Content.Headers.ContentType?.MediaType);
        var error = Assert.Single(answer.Errors);
        Assert.Equal(("necessityRationale", "R21", "SPA 2019 s.4"),
            (error.GetProperty("field").GetString(), error.GetProperty("rule").GetString(), error.GetProperty("legalSource").GetString()));
        Assert.False(await factory.WithDbAsync(db => db.Applications.AnyAsync(a => a.OrderId == order.Id)));
    }

    [Fact]
    public async Task RenewalWithAddsOrTightensAndTooLongChangeSought_Returns400NamingEachField()
    {
        // Arrange
        var (scenario, order) = await OrderAsync();

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/orders/{order.Id}/applications", new
        {
            type = "Renewal",
            applicantParty = "ChiefOfficer",
            applicantForce = ApiScenario.Force,
            courtName = "Leeds Magistrates' Court",
            changeSought = new string('x', 4001),
            addsOrTightens = true,
            necessityRationale = "Risk continues.",
            version = order.Version,
        });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["changeSought", "addsOrTightens"], answer.Fields);
    }

    [Fact]
    public async Task RL4_StaleOrderVersion_Returns409WithTheCurrentVersionAndDraftsNothing()
    {
        // Arrange
        var (scenario, order) = await OrderAsync();
        var served = ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/orders/{order.Id}/service",
            new { servedAt = new DateTimeOffset(2026, 11, 28, 11, 0, 0, TimeSpan.Zero), method = "Personal", servedBy = "PC Lee Brown", version = order.Version }));

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/orders/{order.Id}/applications", Variation(order.Version));

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
        Assert.Equal(served.Version, answer.Json.GetProperty("currentVersion").GetInt64());
        Assert.False(await factory.WithDbAsync(db => db.Applications.AnyAsync(a => a.OrderId == order.Id)));
    }

    [Fact]
    public async Task ReadOnlyKey_Returns403AndDraftsNothing()
    {
        // Arrange
        var (_, order) = await OrderAsync();
        var reader = await ApiSession.CreateAsync(factory, ApiScope.Read);

        // Act
        var answer = await reader.PostAsync($"/api/v1/orders/{order.Id}/applications", Variation(order.Version));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.False(await factory.WithDbAsync(db => db.Applications.AnyAsync(a => a.OrderId == order.Id)));
    }
}
