using Microsoft.EntityFrameworkCore;
using StalkingProtection.Web.Tests.ApiTests;
using StalkingProtection.Web.Tests.Infrastructure;
using static StalkingProtection.Web.Tests.PageTests.Workspace.Orders.OrderPages;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

/// <summary>An order command's outcome reads the same in the page's flash and in the API's <c>explanation</c>.</summary>
public class OrderOutcomeExplanationTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly DateOnly _made = new(2026, 11, 28);
    private static readonly DateOnly _lastDay = new(2028, 11, 27);

    [Fact]
    public async Task R14_RecordFullOrderOnThePageAndThroughTheApi_GiveTheSameExplanation()
    {
        // Arrange
        var application = await factory.Data().CreateApplicationAsync();
        var client = factory.CreateBrowser(await factory.OfficerAsync());
        var scenario = await new ApiScenario(await ApiSession.CreateAsync(factory)).WithCaseAsync(_made);
        var applicationId = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());

        // Act
        var (_, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-order/{application.ApplicationId}",
        [
            .. Date("MadeOn", _made), F("DurationType", "FixedPeriod"), .. Date("LastInForceDay", _lastDay),
            F("Conditions[0].Category", "NoContact"), F("Conditions[0].Wording", "Must not contact the protected person by any means."),
            F("Conditions[0].NecessityRationale", "He contacted her daily despite warnings."), F("Conditions[0].ConflictFound", "No"),
        ]);
        var banner = (await client.GetDocumentAsync(saved.Headers.Location!.OriginalString)).QuerySelector(".govuk-notification-banner")!.TextContent;
        var answer = ApiScenario.Expect(await scenario.Api.PostAsync("/api/v1/orders",
            scenario.OrderBody(applicationId, "Full", _made, "FixedPeriod", _lastDay, [scenario.Condition()])));
        var explanation = answer.Json.GetProperty("explanation").GetString()!;

        // Assert
        Assert.Equal(
            "Full order made on 28 November 2026 with 1 condition. It is in force until the end of 27 November 2028, a fixed period of at least 2 years (SPA 2019 s.3(1)–(2), R14).",
            explanation);
        Assert.Equal(0, answer.Json.GetProperty("interimOrdersEnded").GetArrayLength());
        Assert.Contains($"Order recorded. {explanation} Next, record when it was served on the respondent.", banner, StringComparison.Ordinal);
    }
    [Fact]
    public async Task R22_DischargeOnThePageAndThroughTheApi_GiveTheSameExplanation()
    {
        // Arrange
        var data = factory.Data();
        var onThePage = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 3, 17)).ServedOn(new DateOnly(2026, 3, 17)));
        var throughTheApi = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 3, 17)).ServedOn(new DateOnly(2026, 3, 17)));
        var version = await factory.WithDbAsync(db => db.Orders.Where(o => o.Id == throughTheApi.OrderId).Select(o => o.Version).SingleAsync());
        var api = await ApiSession.CreateAsync(factory);
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (_, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/discharge-order/{onThePage.OrderId}",
        [
            F("ApplicantParty", "Defendant"), .. Date("DecidedOn", new DateOnly(2026, 11, 27)), .. Date("EffectiveOn", _made), F("Reason", "The victim asked for it to end."),
            .. Date("DefendantConsentedOn", new DateOnly(2026, 11, 20)), F("DefendantConsentMethod", "InWriting"),
            .. Date("ChiefOfficerConsentedOn", new DateOnly(2026, 11, 21)), F("ChiefOfficerConsentMethod", "InCourt"),
        ]);
        var banner = (await client.GetDocumentAsync(saved.Headers.Location!.OriginalString)).QuerySelector(".govuk-notification-banner")!.TextContent;
        var answer = ApiScenario.Expect(await api.PostAsync($"/api/v1/orders/{throughTheApi.OrderId}/discharges", new
        {
            applicantParty = "Defendant",
            decidedOn = new DateOnly(2026, 11, 27),
            effectiveOn = _made,
            consents = new object[]
            {
                new { party = "Defendant", givenOn = new DateOnly(2026, 11, 20), method = "InWriting" },
                new { party = "RelevantChiefOfficer", givenOn = new DateOnly(2026, 11, 21), method = "InCourt" },
            },
            version,
        }));
        var explanation = answer.Json.GetProperty("explanation").GetString()!;

        // Assert
        Assert.Equal(
            "The order is no longer in force from 28 November 2026; its last day in force was 27 November 2026. It was discharged within 2 years of being made, "
            + "with the consent of both the defendant and the relevant chief officer (SPA 2019 s.4, R22).",
            explanation);
        Assert.True(answer.Json.GetProperty("outcome").GetProperty("consentNeeded").GetBoolean());
        Assert.Contains($"Order discharged. {explanation} Update the PNC entry and tell the victim.", banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R25_R31_RecordNotificationOnThePageAndThroughTheApi_GiveTheSameExplanation()
    {
        // Arrange
        var data = factory.Data();
        var onThePage = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)).ServedOn(new DateOnly(2026, 11, 26)));
        var throughTheApi = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)).ServedOn(new DateOnly(2026, 11, 26)));
        var api = await ApiSession.CreateAsync(factory);
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (_, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-notification/{onThePage.OrderId}",
        [
            F("NotifiedTime", "10:00"), F("StationName", "Leeds Central"), F("StationPoliceArea", "WestYorkshire"), F("Mode", "InPersonOral"),
            F("ReceivedByAuthorisedPerson", "No"), F("NamesGiven", "John Smith"), F("AddressGiven", "2 New Street, Leeds"),
        ]);
        var acknowledgement = await client.GetDocumentAsync(saved.Headers.Location!.OriginalString);
        var answer = ApiScenario.Expect(await api.PostAsync($"/api/v1/respondents/{throughTheApi.Case.RespondentId}/notifications", new
        {
            notifiedAt = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero),
            stationName = "Leeds Central",
            stationPoliceArea = "WestYorkshire",
            mode = "InPersonOral",
            receivedBy = "PC Dana White",
            namesGiven = "John Smith",
        }));
        var explanation = answer.Json.GetProperty("explanation").GetString()!;
        var apiReference = answer.Json.GetProperty("acknowledgementReference").GetString()!;
        var pageReference = acknowledgement.QuerySelector("[data-reference]")!.TextContent;

        // Assert
        Assert.Equal(
            $"Notification given on 28 November 2026 at Leeds Central, acknowledged in writing with reference {apiReference} (SPA 2019 s.10(4), R31). "
            + "It met the initial notification duty on time: it was due by the end of 28 November 2026 (SPA 2019 s.9(1), R25).",
            explanation);
        Assert.Equal(throughTheApi.ObligationId, answer.Json.GetProperty("obligationsMet")[0].GetGuid());
        Assert.Equal($"Notification recorded. {explanation.Replace(apiReference, pageReference, StringComparison.Ordinal)}",
            acknowledgement.QuerySelector("[data-outcome]")!.TextContent);
    }

    [Fact]
    public async Task R35_RecordBreachOnThePageAndThroughTheApi_GiveTheSameExplanation()
    {
        // Arrange
        var data = factory.Data();
        var onThePage = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).ServedOn(new DateOnly(2026, 11, 3)));
        var throughTheApi = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 2)).ServedOn(new DateOnly(2026, 11, 3)));
        var api = await ApiSession.CreateAsync(factory);
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (_, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-breach/{onThePage.OrderId}",
        [
            F("ConditionId", onThePage.ConditionIds[0].ToString()), .. Date("IncidentOn", new DateOnly(2026, 11, 20)), F("IncidentTime", "21:15"),
            F("IncidentLocation", "Outside her work"), F("Description", "He waited outside and followed her."),
        ]);
        var banner = (await client.GetDocumentAsync(saved.Headers.Location!.OriginalString)).QuerySelector(".govuk-notification-banner")!.TextContent;
        var answer = ApiScenario.Expect(await api.PostAsync($"/api/v1/orders/{throughTheApi.OrderId}/breaches", new
        {
            conditionId = throughTheApi.ConditionIds[0],
            incidentAt = new DateTimeOffset(2026, 11, 20, 21, 15, 0, TimeSpan.Zero),
            location = "Outside her work",
            description = "He waited outside and followed her.",
        }));
        var explanation = answer.Json.GetProperty("explanation").GetString()!;

        // Assert
        Assert.Equal(
            "Breach recorded (offence code H20164): the incident on 20 November 2026 broke condition 1 of the order "
            + "(\"Must not contact the protected person directly or indirectly by any means.\"), a suspected offence under SPA 2019 s.8(1) (R35). "
            + "The order had been served on 3 November 2026, before the incident (SPA 2019 s.8(1), R35).",
            explanation);
        Assert.Contains($"{explanation} Re-screen the risk to the victim now", banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R24_LodgeAppealOnThePageAndThroughTheApi_GiveTheSameExplanation()
    {
        // Arrange
        var data = factory.Data();
        var onThePage = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)).ServedOn(new DateOnly(2026, 11, 20)));
        var throughTheApi = await data.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 11, 20)).ServedOn(new DateOnly(2026, 11, 20)));
        var api = await ApiSession.CreateAsync(factory);
        var client = factory.CreateBrowser(await factory.OfficerAsync());

        // Act
        var (_, saved) = await client.AnswerCheckAndSaveAsync($"/workspace/orders/record-appeal/{onThePage.OrderId}",
            [F("Appellant", "Defendant"), F("Decision", "MakingOfOrder"), .. Date("NoticeServedOn", new DateOnly(2026, 11, 27)), F("Grounds", "The order is not necessary.")]);
        var banner = (await client.GetDocumentAsync(saved.Headers.Location!.OriginalString)).QuerySelector(".govuk-notification-banner")!.TextContent;
        var answer = ApiScenario.Expect(await api.PostAsync("/api/v1/appeals", new
        {
            orderId = throughTheApi.OrderId,
            appellant = "Defendant",
            decision = "MakingOfOrder",
            decisionOn = new DateOnly(2026, 11, 20),
            noticeServedOn = new DateOnly(2026, 11, 27),
            grounds = "The order is not necessary.",
        }));
        var explanation = answer.Json.GetProperty("explanation").GetString()!;

        // Assert
        Assert.Equal(
            "Appeal to the Crown Court lodged by the defendant against the making of the order on 20 November 2026 (SPA 2019 s.7(1)(a), R24). "
            + "The provisional lodging deadline is 11 December 2026 (15 business days, CrimPR r.34.2, R24); the appeal notice was served on 27 November 2026, in time. "
            + "Lodging the appeal does not suspend the order: it stays in force until the Crown Court decides, and is quashed if the appeal is allowed (SPA 2019 s.7(4)).",
            explanation);
        Assert.Contains(explanation, banner, StringComparison.Ordinal);
    }
}
