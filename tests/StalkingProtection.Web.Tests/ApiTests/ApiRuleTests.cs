using System.Net;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.ApiTests;

/// <summary>Each rule the API can break answers 422 naming the rule, the field and the legal source.</summary>
public class ApiRuleTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly DateOnly _today = new(2026, 11, 28);

    [Fact]
    public async Task R1_ApplicationOnCaseWithoutRespondent_Returns422NamingR1()
    {
        // Arrange
        var api = await ApiSession.CreateAsync(factory);
        var caseId = ApiScenario.Expect(await api.PostAsync("/api/v1/cases", ApiScenario.CaseBody(_today))).Id;

        // Act
        var answer = await api.PostAsync("/api/v1/applications", new
        {
            caseId,
            type = "Full",
            applicantForce = ApiScenario.Force,
            venue = "MagistratesCourt",
            courtName = "Leeds Magistrates' Court",
        });

        // Assert
        AssertRule(answer, "R1", "respondentId");
    }

    [Fact]
    public async Task R2_R3_R4_SubmitWithoutJurisdictionEvidenceOrProtectedPerson_Returns422ListingEveryRule()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var draft = ApiScenario.Expect(await scenario.Api.PostAsync("/api/v1/applications", new
        {
            caseId = scenario.CaseId,
            type = "Full",
            applicantForce = ApiScenario.Force,
            venue = "MagistratesCourt",
            courtName = "Leeds Magistrates' Court",
        }));
        var authorised = ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/applications/{draft.Id}/authorisation",
            new { authorisedBy = ApiSession.CoordinatorEmail, version = draft.Version }));

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/applications/{draft.Id}/submission", new { version = authorised.Version });

        // Assert
        AssertRule(answer, "R2", "jurisdictionBasis");
        Assert.Equal(3, answer.RuleIds.Count(r => r == "R3"));
        Assert.Contains("R4", answer.RuleIds);
        Assert.All(answer.Errors, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("legalSource").GetString())));
    }

    [Fact]
    public async Task R5_ActWithoutCountry_Returns422NamingR5()
    {
        // Arrange
        var scenario = await ScenarioAsync();

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/cases/{scenario.CaseId}/acts", Act(country: "", categories: ["Following"]));

        // Assert
        AssertRule(answer, "R5", "locationCountry");
    }

    [Fact]
    public async Task R5_ActAbroadBeforeCommencement_IsRecorded()
    {
        // Arrange
        var scenario = await ScenarioAsync();

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/cases/{scenario.CaseId}/acts",
            Act(country: "Spain", categories: ["Following"], occurredFrom: new DateTimeOffset(2019, 8, 1, 10, 0, 0, TimeSpan.Zero)));

        // Assert
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("Spain", answer.Json.GetProperty("locationCountry").GetString());
    }

    [Fact]
    public async Task R6_ActWithoutCategory_Returns422NamingR6()
    {
        // Arrange
        var scenario = await ScenarioAsync();

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/cases/{scenario.CaseId}/acts", Act(country: "United Kingdom", categories: []));

        // Assert
        AssertRule(answer, "R6", "categories");
    }

    [Fact]
    public async Task R7_YouthRespondentAtMagistratesCourt_Returns422NamingR7()
    {
        // Arrange
        var scenario = await new ApiScenario(await ApiSession.CreateAsync(factory)).WithCaseAsync(_today, respondentBornOn: new DateOnly(2010, 1, 1));
        var draft = ApiScenario.Expect(await scenario.Api.PostAsync("/api/v1/applications", scenario.FullApplicationBody()));
        var authorised = ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/applications/{draft.Id}/authorisation",
            new { authorisedBy = ApiSession.CoordinatorEmail, version = draft.Version }));

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/applications/{draft.Id}/submission", new { version = authorised.Version });

        // Assert
        AssertRule(answer, "R7", "venue");
    }

    [Fact]
    public async Task R7_ApplicationEnteredAfterTheFact_IsCheckedOnItsLodgedOnDate_AndADayStillToComeIsRefused()
    {
        // Arrange: 18 today, 17 on 1 May 2026 when the application was made to the magistrates' court.
        var scenario = await new ApiScenario(await ApiSession.CreateAsync(factory)).WithCaseAsync(_today, respondentBornOn: new DateOnly(2008, 6, 1));
        var draft = ApiScenario.Expect(await scenario.Api.PostAsync("/api/v1/applications", scenario.FullApplicationBody()));
        var authorised = ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/applications/{draft.Id}/authorisation",
            new { authorisedBy = ApiSession.CoordinatorEmail, version = draft.Version }));
        var url = $"/api/v1/applications/{draft.Id}/submission";

        // Act
        var thenYouth = await scenario.Api.PostAsync(url, new { version = authorised.Version, lodgedOn = "2026-05-01" });
        var future = await scenario.Api.PostAsync(url, new { version = authorised.Version, lodgedOn = "2026-11-29" });
        var afterBirthday = await scenario.Api.PostAsync(url, new { version = authorised.Version, lodgedOn = "2026-06-01" });

        // Assert
        AssertRule(thenYouth, "R7", "venue");
        AssertRule(future, "Input", "lodgedOn");
        Assert.Equal("2026-06-01", ApiScenario.Expect(afterBirthday).Json.GetProperty("lodgedOn").GetString());
    }

    [Fact]
    public async Task R17_ApplicationEnteredAfterTheFact_KeepsTheDaysItWasAuthorisedAndDecided_AndRefusesADayStillToComeOrBeforeItWasLodged()
    {
        // Arrange: an application authorised, lodged and refused weeks before it is entered.
        var scenario = await ScenarioAsync();
        var draft = ApiScenario.Expect(await scenario.Api.PostAsync("/api/v1/applications", scenario.FullApplicationBody()));
        var authorisation = $"/api/v1/applications/{draft.Id}/authorisation";
        var determination = $"/api/v1/applications/{draft.Id}/determination";

        // Act
        var authorisedTomorrow = await scenario.Api.PostAsync(authorisation,
            new { authorisedBy = ApiSession.CoordinatorEmail, version = draft.Version, authorisedOn = "2026-11-29" });
        var authorised = ApiScenario.Expect(await scenario.Api.PostAsync(authorisation,
            new { authorisedBy = ApiSession.CoordinatorEmail, version = draft.Version, authorisedOn = "2026-10-01" }));
        var lodged = ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/applications/{draft.Id}/submission",
            new { version = authorised.Version, lodgedOn = "2026-10-02" }));
        var decidedTomorrow = await scenario.Api.PostAsync(determination,
            new { determination = "Refused", reason = "Not satisfied the order was necessary.", version = lodged.Version, decidedOn = "2026-11-29" });
        var decidedBeforeLodged = await scenario.Api.PostAsync(determination,
            new { determination = "Refused", reason = "Not satisfied the order was necessary.", version = lodged.Version, decidedOn = "2026-10-01" });
        var refused = ApiScenario.Expect(await scenario.Api.PostAsync(determination,
            new { determination = "Refused", reason = "Not satisfied the order was necessary.", version = lodged.Version, decidedOn = "2026-10-20" }));

        // Assert
        AssertRule(authorisedTomorrow, "Input", "authorisedOn");
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 23, 0, 0, TimeSpan.Zero), authorised.Json.GetProperty("authorisedAt").GetDateTimeOffset());
        AssertRule(decidedTomorrow, "Input", "decidedOn");
        AssertRule(decidedBeforeLodged, "Input", "decidedOn");
        Assert.Equal("Refused", refused.Json.GetProperty("determination").GetString());
        Assert.Equal("2026-10-20", refused.Json.GetProperty("determinedOn").GetString());
    }

    [Fact]
    public async Task R8_ConditionWithoutNecessityRationale_Returns422NamingR8()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var applicationId = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());

        // Act
        var answer = await scenario.Api.PostAsync("/api/v1/orders", scenario.OrderBody(applicationId, "Full", _today, "UntilFurtherOrder", null,
            [scenario.Condition(necessityRationale: "")]));

        // Assert
        AssertRule(answer, "R8", "conditions[0].necessityRationale");
    }

    [Fact]
    public async Task R9_ConditionWithoutConflictCheck_Returns422ExplainingTheOverride()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var applicationId = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());

        // Act
        var answer = await scenario.Api.PostAsync("/api/v1/orders", scenario.OrderBody(applicationId, "Full", _today, "UntilFurtherOrder", null,
            [scenario.Condition(conflictConsidered: false)]));

        // Assert
        AssertRule(answer, "R9", "conditions[0].conflictConsidered");
        Assert.Contains("\"overrides\"", answer.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("R9", answer.Json.GetProperty("overridable")[0].GetString());
    }

    [Fact]
    public async Task R9_ConditionWithoutConflictCheckAndOverride_IsRecordedAndTheReasonAudited()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var applicationId = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());

        // Act
        var answer = await scenario.Api.PostAsync("/api/v1/orders", scenario.OrderBody(applicationId, "Full", _today, "UntilFurtherOrder", null,
            [scenario.Condition(conflictConsidered: false)], [new { rule = "R9", reason = "The court did not record the check; the order is as made." }]));

        // Assert
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var justification = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.AuditEntries.Where(a => a.Action == "Order.Made" && a.RecordId == answer.Id.ToString()), default));
        Assert.Contains("R9: The court did not record the check", justification.Justification, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R10_LocalityConditionWithoutLocality_Returns422NamingR10()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var applicationId = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());

        // Act
        var answer = await scenario.Api.PostAsync("/api/v1/orders", scenario.OrderBody(applicationId, "Full", _today, "UntilFurtherOrder", null,
            [scenario.Condition(category: "ExclusionZone", scope: "Locality", localityText: null)]));

        // Assert
        AssertRule(answer, "R10", "conditions[0].localityText");
    }

    [Fact]
    public async Task R11_SecondFullOrderWithoutAttestation_Returns422NamingR11()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        await scenario.FullOrderAsync(_today);
        var secondApplication = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());

        // Act
        var answer = await scenario.Api.PostAsync("/api/v1/orders", scenario.OrderBody(secondApplication, "Full", _today, "UntilFurtherOrder", null,
            [scenario.Condition()]));

        // Assert
        AssertRule(answer, "R11", "noIncompatibilityAttested");
    }

    [Fact]
    public async Task R12_OrderWithoutConditions_Returns422NamingR12()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var applicationId = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());

        // Act
        var answer = await scenario.Api.PostAsync("/api/v1/orders", scenario.OrderBody(applicationId, "Full", _today, "UntilFurtherOrder", null, []));

        // Assert
        AssertRule(answer, "R12", "conditions");
    }

    [Fact]
    public async Task R13_FixedPeriodWithoutLastDay_Returns422NamingR13()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var applicationId = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());

        // Act
        var answer = await scenario.Api.PostAsync("/api/v1/orders", scenario.OrderBody(applicationId, "Full", _today, "FixedPeriod", null, [scenario.Condition()]));

        // Assert
        AssertRule(answer, "R13", "lastInForceDay");
    }

    [Fact]
    public async Task R14_OrderWithFixedPeriodUnderTwoYears_Returns422NamingR14()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var applicationId = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());

        // Act
        var answer = await scenario.Api.PostAsync("/api/v1/orders",
            scenario.OrderBody(applicationId, "Full", _today, "FixedPeriod", _today.AddYears(2).AddDays(-2), [scenario.Condition()]));

        // Assert
        AssertRule(answer, "R14", "lastInForceDay");
        Assert.Contains("SPA 2019 s.3(2)", answer.Errors.Single(e => e.GetProperty("rule").GetString() == "R14").GetProperty("legalSource").GetString(),
            StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => Task.FromResult(db.Orders.Count(o => o.CaseId == scenario.CaseId))));
    }

    [Fact]
    public async Task R15_ShortConditionWithoutOverride_Returns422NamingR15()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var applicationId = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());

        // Act
        var answer = await scenario.Api.PostAsync("/api/v1/orders", scenario.OrderBody(applicationId, "Full", _today, "UntilFurtherOrder", null,
            [scenario.Condition(duration: "FixedPeriod", endsOn: _today.AddMonths(6))]));

        // Assert
        AssertRule(answer, "R15", "conditions[0].endsOn");
    }

    [Fact]
    public async Task R15_ShortConditionWithLegalServicesOverride_IsRecorded()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var applicationId = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());

        // Act
        var answer = await scenario.Api.PostAsync("/api/v1/orders", scenario.OrderBody(applicationId, "Full", _today, "UntilFurtherOrder", null,
            [scenario.Condition(duration: "FixedPeriod", endsOn: _today.AddMonths(6))],
            [new { rule = "R15", reason = "The court limited the exclusion zone to six months.", approvedByLegalServices = "Jo Lawyer" }]));

        // Assert
        Assert.Equal(HttpStatusCode.Created, answer.Status);
    }

    [Fact]
    public async Task R15_ShortConditionOverriddenWithoutLegalServices_Returns422NamingR15()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var applicationId = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());

        // Act
        var answer = await scenario.Api.PostAsync("/api/v1/orders", scenario.OrderBody(applicationId, "Full", _today, "UntilFurtherOrder", null,
            [scenario.Condition(duration: "FixedPeriod", endsOn: _today.AddMonths(6))],
            [new { rule = "R15", reason = "The court limited the exclusion zone to six months." }]));

        // Assert
        AssertRule(answer, "R15", "overrideReason");
        Assert.Equal(0, await factory.WithDbAsync(db => Task.FromResult(db.Orders.Count(o => o.CaseId == scenario.CaseId))));
    }

    [Fact]
    public async Task R16_InterimUntilFurtherOrder_Returns422NamingR16()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var mainId = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());
        var interimId = await scenario.SubmittedApplicationAsync(scenario.InterimApplicationBody(mainId));

        // Act
        var answer = await scenario.Api.PostAsync("/api/v1/orders", scenario.OrderBody(interimId, "Interim", _today, "UntilFurtherOrder", null, [scenario.Condition()]));

        // Assert
        AssertRule(answer, "R16", "durationType");
    }

    [Fact]
    public async Task R17_GrantRecordedAsDetermination_Returns422NamingR17()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var mainId = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());
        var application = await scenario.Api.GetAsync($"/api/v1/applications/{mainId}");

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/applications/{mainId}/determination",
            new { determination = "Granted", reason = "Order made", version = application.Version });

        // Assert
        AssertRule(answer, "R17", "determination");
    }

    [Fact]
    public async Task R17_MainApplicationRefused_CeasesTheInterimOrder()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var mainId = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());
        var interimId = await scenario.SubmittedApplicationAsync(scenario.InterimApplicationBody(mainId));
        var interim = ApiScenario.Expect(await scenario.Api.PostAsync("/api/v1/orders",
            scenario.OrderBody(interimId, "Interim", _today, "FixedPeriod", _today.AddDays(27), [scenario.Condition()])));
        var main = await scenario.Api.GetAsync($"/api/v1/applications/{mainId}");

        // Act
        ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/applications/{mainId}/determination",
            new { determination = "Refused", reason = "The court was not satisfied the order was necessary.", version = main.Version }));
        var order = await scenario.Api.GetAsync($"/api/v1/orders/{interim.Id}?asAt={_today:yyyy-MM-dd}");

        // Assert
        Assert.Equal("Ceased", order.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task R18_InterimApplicationWithoutMain_Returns422NamingR18()
    {
        // Arrange
        var scenario = await ScenarioAsync();

        // Act
        var answer = await scenario.Api.PostAsync("/api/v1/applications", new
        {
            caseId = scenario.CaseId,
            type = "Interim",
            applicantForce = ApiScenario.Force,
            venue = "MagistratesCourt",
            courtName = "Leeds Magistrates' Court",
        });

        // Assert
        AssertRule(answer, "R18", "mainApplicationId");
    }

    [Fact]
    public async Task R19_R25_FullOrderReplacingInterim_ServiceStartsNoNewNotificationDuty()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var mainId = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());
        var interimId = await scenario.SubmittedApplicationAsync(scenario.InterimApplicationBody(mainId));
        var interim = ApiScenario.Expect(await scenario.Api.PostAsync("/api/v1/orders",
            scenario.OrderBody(interimId, "Interim", _today, "FixedPeriod", _today.AddDays(27), [scenario.Condition()])));
        var interimService = ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/orders/{interim.Id}/service",
            new { servedAt = new DateTimeOffset(2026, 11, 28, 11, 0, 0, TimeSpan.Zero), method = "PresentInCourt", servedBy = "PC Lee Brown", version = interim.Version }));
        var full = ApiScenario.Expect(await scenario.Api.PostAsync("/api/v1/orders",
            scenario.OrderBody(mainId, "Full", _today, "UntilFurtherOrder", null, [scenario.Condition()])));

        // Act
        var fullService = ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/orders/{full.Id}/service",
            new { servedAt = new DateTimeOffset(2026, 11, 28, 11, 30, 0, TimeSpan.Zero), method = "PresentInCourt", servedBy = "PC Lee Brown", version = full.Version }));

        // Assert
        Assert.Equal("2026-11-30", interimService.Json.GetProperty("initialNotification").GetProperty("dueBy").GetString());
        Assert.True(full.Json.GetProperty("replacesInterim").GetBoolean());
        Assert.Equal(interim.Id, full.Json.GetProperty("interimOrdersEnded")[0].GetProperty("orderId").GetGuid());
        Assert.Contains("(SPA 2019 s.9(1), R19)", full.Json.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.False(fullService.Json.TryGetProperty("initialNotification", out _));
        Assert.Contains("R19", fullService.Json.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task R20_ChangeApplicationByUnrelatedForce_Returns422NamingR20()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var (_, order) = await scenario.FullOrderAsync(_today);

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/orders/{order.Id}/applications", new
        {
            type = "Variation",
            applicantParty = "ChiefOfficer",
            applicantForce = "Kent",
            courtName = "Leeds Magistrates' Court",
        });

        // Assert
        AssertRule(answer, "R20", "applicantForce");
    }

    [Fact]
    public async Task R21_RenewalWithoutRationale_Returns422NamingR21()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var (_, order) = await scenario.FullOrderAsync(_today);

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/orders/{order.Id}/renewals", new
        {
            applicantParty = "ChiefOfficer",
            applicantForce = ApiScenario.Force,
            applicationLodgedOn = _today,
            decidedOn = _today,
            durationType = "UntilFurtherOrder",
            necessityRationale = "",
            version = order.Version,
        });

        // Assert
        AssertRule(answer, "R21", "necessityRationale");
    }

    [Fact]
    public async Task R22_EarlyDischargeWithoutConsents_Returns422NamingR22()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var (_, order) = await scenario.FullOrderAsync(_today);

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/orders/{order.Id}/discharges", new
        {
            applicantParty = "Defendant",
            decidedOn = _today,
            effectiveOn = _today,
            consents = Array.Empty<object>(),
            version = order.Version,
        });

        // Assert
        AssertRule(answer, "R22", "consents");
    }

    [Fact]
    public async Task R23_RenewalAppliedForBeforeTheOrder_Returns422NamingR23()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var (_, order) = await scenario.FullOrderAsync(_today);

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/orders/{order.Id}/renewals", new
        {
            applicantParty = "ChiefOfficer",
            applicantForce = ApiScenario.Force,
            applicationLodgedOn = _today.AddDays(-10),
            decidedOn = _today,
            durationType = "UntilFurtherOrder",
            necessityRationale = "The risk continues.",
            version = order.Version,
        });

        // Assert
        AssertRule(answer, "R23", "applicationLodgedOn");
    }

    [Fact]
    public async Task R24_DefendantAppealsAgainstARefusal_Returns422NamingR24()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var (_, order) = await scenario.FullOrderAsync(_today);

        // Act
        var answer = await scenario.Api.PostAsync("/api/v1/appeals", new
        {
            orderId = order.Id,
            appellant = "Defendant",
            decision = "RefusalOfOrder",
            decisionOn = _today,
            grounds = "The court was wrong.",
        });

        // Assert
        AssertRule(answer, "R24", "decision");
    }

    [Fact]
    public async Task R27_R28_NewNameAndAddress_AnswerTheNotificationDuty()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var (_, order) = await scenario.FullOrderAsync(_today);
        ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/orders/{order.Id}/service",
            new { servedAt = new DateTimeOffset(2026, 11, 28, 11, 0, 0, TimeSpan.Zero), method = "Personal", servedBy = "PC Lee Brown", version = order.Version }));

        // Act
        var name = await scenario.Api.PostAsync($"/api/v1/respondents/{scenario.RespondentId}/names",
            new { givenNames = "Marcus", familyName = "Example", firstUsedOn = _today });
        var address = await scenario.Api.PostAsync($"/api/v1/respondents/{scenario.RespondentId}/addresses",
            new { address = "9 New Road, Bradford BD1 1AA", policeArea = ApiScenario.Force, movedOn = _today });

        // Assert
        Assert.Equal("NewName", name.Json.GetProperty("obligation").GetProperty("trigger").GetString());
        Assert.Equal("2026-11-30", name.Json.GetProperty("obligation").GetProperty("dueBy").GetString());
        Assert.Equal("NewAddress", address.Json.GetProperty("obligation").GetProperty("trigger").GetString());
    }

    [Fact]
    public async Task R29_NotificationInWrongPoliceArea_Returns422NamingR29()
    {
        // Arrange
        var scenario = await ServedOrderScenarioAsync();

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/respondents/{scenario.RespondentId}/notifications", Notification(area: "Kent"));

        // Assert
        AssertRule(answer, "R29", "stationPoliceArea");
    }

    [Fact]
    public async Task R30_NotificationByPost_Returns422NamingR30()
    {
        // Arrange
        var scenario = await ServedOrderScenarioAsync();

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/respondents/{scenario.RespondentId}/notifications", Notification(mode: "Postal"));

        // Assert
        AssertRule(answer, "R30", "mode");
    }

    [Fact]
    public async Task R31_NotificationWithReferenceButNoAcknowledgementTime_Returns422NamingR31()
    {
        // Arrange
        var scenario = await ServedOrderScenarioAsync();

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/respondents/{scenario.RespondentId}/notifications",
            Notification(acknowledgementReference: $"ACK-{Guid.NewGuid():N}"));

        // Assert
        AssertRule(answer, "R31", "acknowledgedAt");
    }

    [Fact]
    public async Task R31_NotificationWithoutReference_AnswersAGeneratedAcknowledgementReference()
    {
        // Arrange
        var scenario = await ServedOrderScenarioAsync();

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/respondents/{scenario.RespondentId}/notifications", Notification());

        // Assert
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.StartsWith("SPA-ACK-", answer.Json.GetProperty("acknowledgementReference").GetString(), StringComparison.Ordinal);
        Assert.Single(answer.Json.GetProperty("obligationsMet").EnumerateArray());
    }

    [Fact]
    public async Task R32_BiometricsForAnotherPurpose_Returns422NamingR32()
    {
        // Arrange
        var scenario = await ServedOrderScenarioAsync();

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/respondents/{scenario.RespondentId}/notifications",
            Notification(biometrics: ["Fingerprints"], purpose: "intelligence", outcome: "Complied"));

        // Assert
        AssertRule(answer, "R32", "biometricsPurpose");
    }

    [Fact]
    public async Task R35_BreachOutsideTheConditionsWindow_Returns422NamingR35()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var (_, order) = await scenario.FullOrderAsync(_today);
        var conditionId = order.Json.GetProperty("conditionsInForce")[0].GetProperty("id").GetGuid();

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/orders/{order.Id}/breaches", new
        {
            conditionId,
            incidentAt = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero),
            description = "Sent a message.",
        });

        // Assert
        AssertRule(answer, "R35", "incidentAt");
    }

    [Fact]
    public async Task R36_BreachAfterDischarge_Returns422NamingR36()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var (_, order) = await scenario.FullOrderAsync(_today.AddDays(-3));
        var conditionId = order.Json.GetProperty("conditionsInForce")[0].GetProperty("id").GetGuid();
        ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/orders/{order.Id}/discharges", new
        {
            applicantParty = "Defendant",
            decidedOn = _today.AddDays(-1),
            effectiveOn = _today.AddDays(-1),
            consents = new[]
            {
                new { party = "Defendant", givenOn = _today.AddDays(-2), method = "InWriting" },
                new { party = "RelevantChiefOfficer", givenOn = _today.AddDays(-2), method = "InWriting" },
            },
            version = order.Version,
        }));

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/orders/{order.Id}/breaches", new
        {
            conditionId,
            incidentAt = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero),
            description = "Sent a message.",
        });

        // Assert
        AssertRule(answer, "R36", "incidentAt");
    }

    [Fact]
    public async Task R37_ConvictionWithoutDate_Returns422NamingR37()
    {
        // Arrange
        var scenario = await ServedOrderScenarioAsync();
        var breach = ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/orders/{scenario.OrderId}/breaches", new
        {
            conditionId = scenario.ConditionId,
            incidentAt = new DateTimeOffset(2026, 11, 28, 11, 45, 0, TimeSpan.Zero),
            description = "Sent a message.",
        }));

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/breaches/{breach.Id}/outcome", new { outcome = "Convicted", version = breach.Version });

        // Assert
        AssertRule(answer, "R37", "convictedOn");
    }

    [Fact]
    public async Task R39_DeterminationWithoutReasons_Returns422NamingR39()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var mainId = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());
        var application = await scenario.Api.GetAsync($"/api/v1/applications/{mainId}");

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/applications/{mainId}/determination",
            new { determination = "Refused", reason = " ", version = application.Version });

        // Assert
        AssertRule(answer, "R39", "reason");
    }

    [Fact]
    public async Task R41_VictimContactInTheFuture_Returns422WithTheOneRuleForDatesOfThingsThatHappened()
    {
        // Arrange
        var scenario = await ScenarioAsync();

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/victims/{scenario.VictimId}/contacts", new
        {
            eventType = "ViewsSought",
            occurredAt = new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero),
            channel = "Phone",
            summary = "Asked for her views on applying for an order.",
        });

        // Assert
        AssertRule(answer, "Input", "occurredAt");
        Assert.Contains(answer.Errors, e => e.GetProperty("message").GetString() == Core.Rules.RuleCheck.NotYetHappenedMessage);
    }

    [Fact]
    public async Task R41_VictimContact_IsRecordedWithTheClientAsOfficer()
    {
        // Arrange
        var scenario = await ScenarioAsync();

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/victims/{scenario.VictimId}/contacts", new
        {
            eventType = "ViewsSought",
            occurredAt = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero),
            channel = "Phone",
            summary = "Asked for her views on applying for an order; she supports it.",
        });

        // Assert
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("2026-11-28", answer.Json.GetProperty("occurredOn").GetString());
    }

    [Fact]
    public async Task R42_PncEntryWithoutReference_Returns422NamingR42()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var (_, order) = await scenario.FullOrderAsync(_today);

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/orders/{order.Id}/pnc-entry", new { reference = "", version = order.Version });

        // Assert
        AssertRule(answer, "R42", "pncReference");
    }

    [Fact]
    public async Task R42_PncEntry_ClosesThePncTask()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var (_, order) = await scenario.FullOrderAsync(_today);

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/orders/{order.Id}/pnc-entry", new { reference = "26/0012345X", version = order.Version });

        // Assert
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(0, await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.StaffTasks.Where(t => t.OrderId == order.Id && t.Type == Core.Tasks.StaffTaskType.RecordOnPnc && t.Status == Core.Tasks.StaffTaskStatus.Open))));
    }

    [Fact]
    public async Task R43_CourtMadeOrderBeforeCommencement_Returns422NamingR43()
    {
        // Arrange
        var scenario = await ScenarioAsync();

        // Act
        var answer = await scenario.Api.PostAsync("/api/v1/orders",
            scenario.OrderBody(null, "Full", _today, "UntilFurtherOrder", null, [scenario.Condition()], origin: "CourtOnConviction"));

        // Assert
        AssertRule(answer, "R43", "origin");
    }

    private async Task<ApiScenario> ScenarioAsync() =>
        await new ApiScenario(await ApiSession.CreateAsync(factory)).WithCaseAsync(_today);

    private async Task<ServedScenario> ServedOrderScenarioAsync()
    {
        var scenario = await ScenarioAsync();
        var (_, order) = await scenario.FullOrderAsync(_today);
        ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/orders/{order.Id}/service",
            new { servedAt = new DateTimeOffset(2026, 11, 28, 11, 0, 0, TimeSpan.Zero), method = "Personal", servedBy = "PC Lee Brown", version = order.Version }));
        return new ServedScenario(scenario.Api, scenario.RespondentId, order.Id, order.Json.GetProperty("conditionsInForce")[0].GetProperty("id").GetGuid());
    }

    private sealed record ServedScenario(ApiSession Api, Guid RespondentId, Guid OrderId, Guid ConditionId);

    private static object Act(string country, string[] categories, DateTimeOffset? occurredFrom = null) => new
    {
        occurredFrom = occurredFrom ?? new DateTimeOffset(2026, 11, 1, 20, 0, 0, TimeSpan.Zero),
        locationCountry = country,
        categories,
        channel = "InPerson",
        description = "Followed the victim home.",
    };

    private static object Notification(string area = ApiScenario.Force, string mode = "InPersonOral", string? acknowledgementReference = null,
        string[]? biometrics = null, string? purpose = null, string outcome = "NotRequested") => new
        {
            notifiedAt = new DateTimeOffset(2026, 11, 28, 11, 50, 0, TimeSpan.Zero),
            stationName = "Elland Road Police Station",
            stationPoliceArea = area,
            mode,
            receivedBy = "PC Dana White",
            namesGiven = "Mark Example",
            addressGiven = "1 Example Street, Leeds LS1 1AA",
            acknowledgementReference,
            biometricsRequested = biometrics,
            biometricsPurpose = purpose,
            biometricsOutcome = outcome,
        };

    private static void AssertRule(ApiAnswer answer, string rule, string field)
    {
        Assert.True(answer.Status == HttpStatusCode.UnprocessableEntity, $"{(int)answer.Status}: {answer.Body}");
        Assert.Equal("application/problem+json", answer.Response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(answer.Errors, e => e.GetProperty("rule").GetString() == rule && e.GetProperty("field").GetString() == field);
    }
}
