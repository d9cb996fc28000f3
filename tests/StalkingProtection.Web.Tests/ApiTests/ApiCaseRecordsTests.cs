using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Integration;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.ApiTests;

/// <summary>
/// The section 11 records through the API: FOUR and SPO decisions, referrals, Right to Know, other orders, management plans,
/// s.11 offences, SOA Part 2 periods, breach progress and the R38 standard of proof.
/// </summary>
public class ApiCaseRecordsTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly DateOnly _today = new(2026, 11, 28);
    private static readonly DateTimeOffset _servedAt = new(2026, 11, 28, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task FourAssessment_IsShownOnTheCase()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var version = (await scenario.Api.GetAsync($"/api/v1/cases/{scenario.CaseId}")).Version;

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/cases/{scenario.CaseId}/four-assessment",
            new { fixated = true, obsessive = true, unwanted = true, repeated = true, version });

        // Assert
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(answer.Json.GetProperty("four").GetProperty("indicatesStalking").GetBoolean());
    }

    [Fact]
    public async Task FourAssessment_StaleVersion_Answers409WithTheCurrentVersion()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var version = (await scenario.Api.GetAsync($"/api/v1/cases/{scenario.CaseId}")).Version;
        ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/cases/{scenario.CaseId}/four-assessment",
            new { fixated = true, obsessive = true, unwanted = true, repeated = true, version }));

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/cases/{scenario.CaseId}/four-assessment",
            new { fixated = false, obsessive = true, unwanted = true, repeated = true, version });

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
        Assert.Equal(version + 1, answer.Json.GetProperty("currentVersion").GetInt64());
    }

    [Fact]
    public async Task R39_SpoDecision_IsRecordedAndReadBack()
    {
        // Arrange
        var scenario = await ScenarioAsync();

        // Act
        var created = await scenario.Api.PostAsync($"/api/v1/cases/{scenario.CaseId}/spo-decisions",
            new { decision = "Apply", rationale = "Contact continued after a warning; an order is needed.", authorisingOfficer = "DI Morgan Lead" },
            Guid.NewGuid().ToString());
        var read = await scenario.Api.GetAsync($"/api/v1/spo-decisions/{created.Id}");

        // Assert
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("Apply", read.Json.GetProperty("decision").GetString());
    }

    [Fact]
    public async Task R39_SpoDecisionWithoutRationale_Returns422NamingR39()
    {
        // Arrange
        var scenario = await ScenarioAsync();

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/cases/{scenario.CaseId}/spo-decisions", new { decision = "DoNotApply", rationale = "" });

        // Assert
        AssertRule(answer, "R39", "rationale");
    }

    [Fact]
    public async Task Referral_WithOutcome_IsRecordedAndReadBack()
    {
        // Arrange
        var scenario = await ScenarioAsync();

        // Act
        var created = ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/cases/{scenario.CaseId}/referrals",
            new { forum = "Marac", referredOn = _today, referredBy = "DC Priya Shah", reason = "High risk DASH" }));
        var outcome = await scenario.Api.PostAsync($"/api/v1/referrals/{created.Id}/outcome",
            new { outcome = "IDVA allocated", outcomeOn = _today, version = created.Version });

        // Assert
        Assert.Equal(HttpStatusCode.OK, outcome.Status);
        Assert.Equal("IDVA allocated", (await scenario.Api.GetAsync($"/api/v1/referrals/{created.Id}")).Json.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Referral_OtherForumWithoutNameInTheFuture_Returns422ListingBothFields()
    {
        // Arrange
        var scenario = await ScenarioAsync();

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/cases/{scenario.CaseId}/referrals",
            new { forum = "Other", referredOn = _today.AddDays(1), referredBy = "DC Priya Shah", reason = "Local panel" });

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal(["otherForum", "referredOn"], answer.Fields);
    }

    [Fact]
    public async Task R39_RightToKnowDisclosed_IsAuditedAsADisclosure()
    {
        // Arrange
        var scenario = await ScenarioAsync();

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/cases/{scenario.CaseId}/right-to-know-decisions", new
        {
            victimId = scenario.VictimId,
            decision = "Disclose",
            decidedOn = _today,
            decidedBy = "DI Morgan Lead",
            rationale = "She needs to know who runs the accounts to plan her safety.",
            disclosedOn = _today,
        });

        // Assert
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Kind == AuditKind.Disclosure && a.RecordId == scenario.RespondentId.ToString())));
    }

    [Fact]
    public async Task R39_RightToKnowWithoutRationale_Returns422NamingR39()
    {
        // Arrange
        var scenario = await ScenarioAsync();

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/cases/{scenario.CaseId}/right-to-know-decisions",
            new { victimId = scenario.VictimId, decision = "DoNotDisclose", decidedOn = _today, decidedBy = "DI Morgan Lead", rationale = "no" });

        // Assert
        AssertRule(answer, "R39", "rationale");
    }

    [Fact]
    public async Task OtherOrder_IsRecordedAndWithoutEndIsRefused()
    {
        // Arrange
        var scenario = await ScenarioAsync();

        // Act
        var created = await scenario.Api.PostAsync($"/api/v1/respondents/{scenario.RespondentId}/other-orders",
            new { type = "NonMolestationOrder", courtName = "Leeds Family Court", madeOn = new DateOnly(2025, 6, 1), untilFurtherOrder = true });
        var refused = await scenario.Api.PostAsync($"/api/v1/respondents/{scenario.RespondentId}/other-orders",
            new { type = "SexualHarmPreventionOrder", courtName = "Leeds Crown Court", madeOn = new DateOnly(2025, 6, 1) });

        // Assert
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal(["endsOn"], refused.Fields);
    }

    [Fact]
    public async Task MergedRespondent_IsReadWithTheRespondentKeptAndTakesNothingNew()
    {
        // Arrange: the same man, recorded as the respondent on two cases, merged by staff.
        var kept = await ScenarioAsync();
        var merged = await ScenarioAsync();
        await factory.WithDbAsync(async db =>
        {
            var people = await db.Respondents.Where(r => r.Id == kept.RespondentId || r.Id == merged.RespondentId).ToDictionaryAsync(r => r.Id, r => r.PersonId);
            var clock = TimeProvider.System;
            await new Core.People.PersonMergeService(db, clock, new AuditLog(db, clock)).MergeAsync(new Core.People.MergePeopleOptions(
                people[kept.RespondentId], null, people[merged.RespondentId], null, "Same name, date of birth and address"), TestData.Officer);
            return 0;
        });

        // Act
        var read = await merged.Api.GetAsync($"/api/v1/respondents/{merged.RespondentId}");
        var otherOrder = await merged.Api.PostAsync($"/api/v1/respondents/{merged.RespondentId}/other-orders",
            new { type = "NonMolestationOrder", courtName = "Leeds Family Court", madeOn = new DateOnly(2025, 6, 1), untilFurtherOrder = true });
        var onCase = await merged.Api.GetAsync($"/api/v1/cases/{merged.CaseId}");

        // Assert
        Assert.Equal(kept.RespondentId, read.Json.GetProperty("mergedIntoRespondentId").GetGuid());
        AssertRule(otherOrder, "Status", "respondentId");
        Assert.Equal(kept.RespondentId, onCase.Json.GetProperty("respondentId").GetGuid());
    }

    [Fact]
    public async Task R42_ManagementPlan_IsCreatedRevisedAndKeepsItsHistory()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var (_, order) = await scenario.FullOrderAsync(_today);
        var created = ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/orders/{order.Id}/management-plan", Plan("DC Priya Shah"), Guid.NewGuid().ToString()));

        // Act
        var revised = await scenario.Api.PostAsync($"/api/v1/management-plans/{created.Id}/revisions", new
        {
            leadOfficer = "DC Sam Other",
            offendingAndSafeguarding = "Loitering and 140 messages; victim has a safety plan.",
            plan = "Fortnightly visits.",
            nextReviewOn = _today.AddDays(14),
            reason = "Risk increased after a breach.",
            version = created.Version,
        });

        // Assert
        Assert.Equal(HttpStatusCode.OK, revised.Status);
        Assert.Equal(2, revised.Json.GetProperty("current").GetProperty("number").GetInt32());
        Assert.Equal("DC Priya Shah", revised.Json.GetProperty("history")[0].GetProperty("leadOfficer").GetString());
    }

    [Fact]
    public async Task R42_ManagementPlanWithoutLeadOfficer_Returns422NamingR42()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var (_, order) = await scenario.FullOrderAsync(_today);

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/orders/{order.Id}/management-plan", Plan(""));

        // Assert
        AssertRule(answer, "R42", "leadOfficer");
    }

    [Fact]
    public async Task R33_NotificationOffenceWithACodeNotFittingTheDuty_Returns422NamingR33()
    {
        // Arrange
        var (scenario, orderId) = await ServedAsync();
        var obligationId = (await scenario.Api.GetAsync($"/api/v1/orders/{orderId}")).Json.GetProperty("obligations")[0].GetProperty("id").GetGuid();

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/respondents/{scenario.RespondentId}/notification-offences",
            new { offenceCode = "H20166", obligationId });

        // Assert
        AssertRule(answer, "R33", "offenceCode");
    }

    [Fact]
    public async Task R32_NotificationOffenceAfterBiometricsRefused_IsRecordedWithItsOutcome()
    {
        // Arrange
        var (scenario, _) = await ServedAsync();
        var notification = ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/respondents/{scenario.RespondentId}/notifications", Notification("Refused")));

        // Act
        var created = await scenario.Api.PostAsync($"/api/v1/respondents/{scenario.RespondentId}/notification-offences",
            new { offenceCode = "H20168", notificationId = notification.Id });
        var outcome = await scenario.Api.PostAsync($"/api/v1/notification-offences/{created.Id}/outcome",
            new { outcome = "Cautioned", outcomeOn = _today, version = created.Version });

        // Assert
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("Cautioned", outcome.Json.GetProperty("outcome").GetString());
        Assert.StartsWith("The respondent was cautioned on ", outcome.Json.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task R32_H20168WithoutARefusal_Returns422NamingR32()
    {
        // Arrange
        var (scenario, _) = await ServedAsync();
        var notification = ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/respondents/{scenario.RespondentId}/notifications", Notification("Complied")));

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/respondents/{scenario.RespondentId}/notification-offences",
            new { offenceCode = "H20168", notificationId = notification.Id });

        // Assert
        AssertRule(answer, "R32", "offenceCode");
    }

    [Fact]
    public async Task R26_SoaPart2StartAndFinalDay_StartTheInitialNotificationDuty()
    {
        // Arrange
        var (scenario, _) = await ServedAsync();

        // Act
        var started = await scenario.Api.PostAsync($"/api/v1/respondents/{scenario.RespondentId}/soa-part2-periods", new { startedOn = new DateOnly(2020, 1, 1) });
        var ended = await scenario.Api.PostAsync($"/api/v1/respondents/{scenario.RespondentId}/soa-part2-final-day", new { finalDay = _today });

        // Assert
        Assert.Equal(HttpStatusCode.Created, started.Status);
        Assert.Equal("2020-01-01", started.Json.GetProperty("soaPart2Periods")[0].GetProperty("startedOn").GetString());
        Assert.Equal(HttpStatusCode.OK, ended.Status);
        Assert.Equal("FinalDaySoa", ended.Json.GetProperty("obligation").GetProperty("trigger").GetString());
    }

    [Fact]
    public async Task R25_R26_SoaPart2StartWhileOpenAndFinalDayWithoutPeriod_Return422NamingTheRules()
    {
        // Arrange
        var scenario = await ScenarioAsync();

        // Act
        var noPeriod = await scenario.Api.PostAsync($"/api/v1/respondents/{scenario.RespondentId}/soa-part2-final-day", new { finalDay = _today });
        ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/respondents/{scenario.RespondentId}/soa-part2-periods", new { startedOn = _today }));
        var twice = await scenario.Api.PostAsync($"/api/v1/respondents/{scenario.RespondentId}/soa-part2-periods", new { startedOn = _today });

        // Assert
        AssertRule(noPeriod, "R26", "finalDay");
        AssertRule(twice, "R25", "startedOn");
    }

    [Fact]
    public async Task R37_BreachProgress_AnswersTheMaximumPenalty()
    {
        // Arrange
        var (scenario, breach) = await BreachAsync();

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/breaches/{breach.Id}/progress", new
        {
            outcome = "Convicted",
            arrestedAt = new DateTimeOffset(2026, 11, 28, 11, 50, 0, TimeSpan.Zero),
            chargedAt = new DateTimeOffset(2026, 11, 28, 11, 55, 0, TimeSpan.Zero),
            plea = "Guilty",
            pleaOn = _today,
            convictedOn = _today,
            sentence = "Community order",
            victimInformedAt = new DateTimeOffset(2026, 11, 28, 11, 58, 0, TimeSpan.Zero),
            version = breach.Version,
        });

        // Assert
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("Guilty", answer.Json.GetProperty("plea").GetString());
        Assert.Equal(12, answer.Json.GetProperty("maximumPenalty").GetProperty("summaryMaximumMonths").GetInt32());
        Assert.Equal(5, answer.Json.GetProperty("maximumPenalty").GetProperty("indictmentMaximumYears").GetInt32());
    }

    [Fact]
    public async Task R41_BreachProgressVictimToldBeforeTheIncident_Returns422NamingR41()
    {
        // Arrange
        var (scenario, breach) = await BreachAsync();

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/breaches/{breach.Id}/progress", new
        {
            outcome = "UnderInvestigation",
            victimInformedAt = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero),
            version = breach.Version,
        });

        // Assert
        AssertRule(answer, "R41", "victimInformedAt");
    }

    [Fact]
    public async Task R38_StandardOfProof_IsRecordedWithTheGuidance()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var applicationId = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());
        var hearing = ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/applications/{applicationId}/hearings",
            new { listedFor = new DateTimeOffset(2026, 12, 10, 10, 0, 0, TimeSpan.Zero), courtName = "Leeds Magistrates' Court" }));

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/hearings/{hearing.Id}/standard-of-proof", new { argued = "Civil", found = "NotStated", version = hearing.Version });

        // Assert
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("Civil", answer.Json.GetProperty("standardArgued").GetString());
        Assert.Contains("likely", answer.Json.GetProperty("standardOfProofGuidance").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewWriteEndpoints_WithReadOnlyKey_Answer403AndSaveNothing()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var reader = await ApiSession.CreateAsync(factory, ApiScope.Read);

        // Act
        var referral = await reader.PostAsync($"/api/v1/cases/{scenario.CaseId}/referrals",
            new { forum = "Marac", referredOn = _today, referredBy = "DC Priya Shah", reason = "High risk DASH" });
        var otherOrder = await reader.PostAsync($"/api/v1/respondents/{scenario.RespondentId}/other-orders",
            new { type = "RestrainingOrder", courtName = "Leeds Crown Court", madeOn = _today, untilFurtherOrder = true });

        // Assert
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (referral.Status, otherOrder.Status));
        Assert.False(await factory.WithDbAsync(db => db.MultiAgencyReferrals.AnyAsync(r => r.CaseId == scenario.CaseId)));
    }

    private static object Plan(string leadOfficer) => new
    {
        leadOfficer,
        offendingAndSafeguarding = "Loitering and 140 messages; victim has a safety plan.",
        plan = "Monthly visits; check compliance with the no-contact condition.",
        actions = "Refer to MASIP",
        nextReviewOn = _today.AddDays(28),
    };

    private static object Notification(string biometricsOutcome) => new
    {
        notifiedAt = new DateTimeOffset(2026, 11, 28, 11, 30, 0, TimeSpan.Zero),
        stationName = "Elland Road Police Station",
        stationPoliceArea = ApiScenario.Force,
        mode = "InPersonOral",
        receivedBy = "PC Dana White",
        namesGiven = "Mark Example",
        biometricsRequested = new[] { "Fingerprints" },
        biometricsPurpose = "verify identity",
        biometricsOutcome,
    };

    private async Task<ApiScenario> ScenarioAsync() => await new ApiScenario(await ApiSession.CreateAsync(factory)).WithCaseAsync(_today);

    private async Task<(ApiScenario Scenario, Guid OrderId)> ServedAsync()
    {
        var scenario = await ScenarioAsync();
        var (_, order) = await scenario.FullOrderAsync(_today);
        ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/orders/{order.Id}/service",
            new { servedAt = _servedAt, method = "Personal", servedBy = "PC Lee Brown", version = order.Version }));
        return (scenario, order.Id);
    }

    private async Task<(ApiScenario Scenario, ApiAnswer Breach)> BreachAsync()
    {
        var (scenario, orderId) = await ServedAsync();
        var order = await scenario.Api.GetAsync($"/api/v1/orders/{orderId}");
        var breach = ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/orders/{orderId}/breaches", new
        {
            conditionId = order.Json.GetProperty("conditionsInForce")[0].GetProperty("id").GetGuid(),
            incidentAt = new DateTimeOffset(2026, 11, 28, 11, 45, 0, TimeSpan.Zero),
            description = "Sent a message.",
        }));
        return (scenario, breach);
    }

    private static void AssertRule(ApiAnswer answer, string rule, string field)
    {
        Assert.True(answer.Status == HttpStatusCode.UnprocessableEntity, $"{(int)answer.Status}: {answer.Body}");
        Assert.Equal("application/problem+json", answer.Response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(answer.Errors, e => e.GetProperty("rule").GetString() == rule && e.GetProperty("field").GetString() == field);
    }
}
