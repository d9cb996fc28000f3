using System.Net;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.ApiTests;

/// <summary>The parts of an order's life the walk-through does not show: hearings, renewal, appeals, as-at reads.</summary>
public class ApiJourneyTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly DateOnly _today = new(2026, 11, 28);

    [Fact]
    public async Task AdjournHearing_WithReason_MarksTheApplicationAdjourned()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var applicationId = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());
        var hearing = ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/applications/{applicationId}/hearings",
            new { listedFor = new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero), courtName = "Leeds Magistrates' Court" }));

        // Act
        var adjourned = await scenario.Api.PostAsync($"/api/v1/hearings/{hearing.Id}/adjournment",
            new { reason = "The respondent's solicitor asked for time to prepare.", nextHearingAt = new DateTimeOffset(2026, 12, 17, 10, 0, 0, TimeSpan.Zero) });
        var application = await scenario.Api.GetAsync($"/api/v1/applications/{applicationId}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, adjourned.Status);
        Assert.Equal("Adjourned", adjourned.Json.GetProperty("outcome").GetString());
        Assert.Equal("Adjourned", application.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task R23_RenewalWhileInForce_ExtendsTheLastDay()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var (_, order) = await scenario.FullOrderAsync(_today);

        // Act
        var renewal = await scenario.Api.PostAsync($"/api/v1/orders/{order.Id}/renewals", new
        {
            applicantParty = "ChiefOfficer",
            applicantForce = ApiScenario.Force,
            applicationLodgedOn = _today,
            decidedOn = _today,
            durationType = "FixedPeriod",
            newLastDay = new DateOnly(2029, 11, 27),
            necessityRationale = "The respondent continues to seek contact.",
            version = order.Version,
        });
        var after = await scenario.Api.GetAsync($"/api/v1/orders/{order.Id}?asAt=2029-01-01");

        // Assert
        Assert.Equal(HttpStatusCode.Created, renewal.Status);
        Assert.Equal("2029-11-27", renewal.Json.GetProperty("newLastDay").GetString());
        Assert.Equal("InForce", after.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task R24_AppealAllowedAgainstTheOrder_QuashesIt()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var (_, order) = await scenario.FullOrderAsync(_today);
        var appeal = ApiScenario.Expect(await scenario.Api.PostAsync("/api/v1/appeals", new
        {
            orderId = order.Id,
            appellant = "Defendant",
            decision = "MakingOfOrder",
            decisionOn = _today,
            noticeServedOn = _today,
            grounds = "The order was not necessary.",
        }));

        // Act
        var decided = await scenario.Api.PostAsync($"/api/v1/appeals/{appeal.Id}/decision",
            new { outcome = "Allowed", decidedOn = _today, crownCourtReference = "T20267001", version = appeal.Version });
        var after = await scenario.Api.GetAsync($"/api/v1/orders/{order.Id}?asAt={_today:yyyy-MM-dd}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, decided.Status);
        Assert.Equal("2026-12-18", appeal.Json.GetProperty("lodgingDeadline").GetString());
        Assert.Equal("Quashed", after.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task R24_LateAppealWithoutOverride_Returns422AndWithOverrideIsRecordedAsLate()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var (_, order) = await scenario.FullOrderAsync(_today);
        var body = new
        {
            orderId = order.Id,
            appellant = "Defendant",
            decision = "MakingOfOrder",
            decisionOn = _today,
            noticeServedOn = new DateOnly(2027, 1, 29),
            grounds = "The order was not necessary.",
        };

        // Act
        var refused = await scenario.Api.PostAsync("/api/v1/appeals", body);
        var overridden = await scenario.Api.PostAsync("/api/v1/appeals", new
        {
            body.orderId,
            body.appellant,
            body.decision,
            body.decisionOn,
            body.noticeServedOn,
            body.grounds,
            overrides = new[] { new { rule = "R24", reason = "The Crown Court extended time for the notice." } },
        });

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("R24", refused.RuleIds);
        Assert.Equal(HttpStatusCode.Created, overridden.Status);
        Assert.True(overridden.Json.GetProperty("lodgedLate").GetBoolean());
    }

    [Fact]
    public async Task GetOrder_AsAtBeforeItWasMade_AnswersNotYetMadeWithNoConditions()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var (_, order) = await scenario.FullOrderAsync(_today);

        // Act
        var before = await scenario.Api.GetAsync($"/api/v1/orders/{order.Id}?asAt=2026-11-27");

        // Assert
        Assert.Equal("NotYetMade", before.Json.GetProperty("status").GetString());
        Assert.Empty(before.Json.GetProperty("conditionsInForce").EnumerateArray());
    }

    private async Task<ApiScenario> ScenarioAsync() =>
        await new ApiScenario(await ApiSession.CreateAsync(factory)).WithCaseAsync(_today);
}
