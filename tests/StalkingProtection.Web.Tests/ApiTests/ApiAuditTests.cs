using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.ApiTests;

/// <summary>DPA 2018 s.62 (S2): every API read of a record is a consultation naming it; every write is audited by the service.</summary>
public class ApiAuditTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly DateOnly _today = new(2026, 11, 28);

    [Fact]
    public async Task EveryGetEndpoint_RecordsAConsultationNamingTheRecord()
    {
        // Arrange
        var ids = await BuildEveryKindOfRecordAsync();
        var operations = await GetOperationsAsync();
        var reads = operations.Where(o => o.Method == "get" && o.Path.StartsWith("/api/v1/", StringComparison.Ordinal) && o.Path.EndsWith("/{id}", StringComparison.Ordinal))
            .Select(o => o.Path).ToList();

        // Act
        var answers = new List<(string Path, Guid Id, HttpStatusCode Status)>();
        foreach (var path in reads)
        {
            var segment = path.Split('/')[3];
            Assert.True(ids.Ids.ContainsKey(segment), $"The test has no record for {path}: add one to BuildEveryKindOfRecordAsync.");
            var id = ids.Ids[segment];
            answers.Add((path, id, (await ids.Api.GetAsync(path.Replace("{id}", id.ToString(), StringComparison.Ordinal))).Status));
        }

        var consultations = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Kind == AuditKind.Consultation).ToListAsync());

        // Assert
        Assert.True(reads.Count >= 12, $"Only {reads.Count} read endpoints found");
        Assert.All(answers, a =>
        {
            Assert.Equal(HttpStatusCode.OK, a.Status);
            Assert.Contains(consultations, c => c.RecordId == a.Id.ToString() && c.ActorId.StartsWith("api:", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task EveryWrite_IsAuditedAsCollectionOrAlterationByTheClient()
    {
        // Arrange
        var before = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());

        // Act
        var ids = await BuildEveryKindOfRecordAsync();
        var entries = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).Skip(before).ToListAsync());

        // Assert
        // A variation, renewal or discharge is audited against the order it changes.
        Assert.Contains(entries, e => e.Action == "Order.Discharged" && e.RecordId == ids.Ids["orders"].ToString());
        foreach (var (kind, id) in ids.Ids.Where(i => i.Key != "order-changes"))
        {
            Assert.True(entries.Any(e => e.Kind is AuditKind.Collection or AuditKind.Alteration && e.RecordId == id.ToString() && e.ActorId.StartsWith("api:", StringComparison.Ordinal)),
                $"No collection or alteration audited for the {kind} record");
        }
    }

    [Fact]
    public async Task EveryWriteEndpoint_WithReadOnlyKey_Answers403AndWithoutKey401()
    {
        // Arrange
        var reader = await ApiSession.CreateAsync(factory, Core.Integration.ApiScope.Read);
        var anonymous = factory.CreateBrowser();
        // The frontline lookup is a read sent as a POST to keep names out of addresses: a read key may use it.
        var writes = (await GetOperationsAsync()).Where(o => o.Method == "post" && o.Path != "/api/v1/lookup").Select(o => o.Path.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal)).ToList();

        // Act
        var answers = new List<(string Path, HttpStatusCode Reader, HttpStatusCode Anonymous)>();
        foreach (var path in writes)
        {
            var asReader = await reader.PostJsonAsync(path, "{}");
            using var content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            var asAnonymous = await anonymous.PostAsync(path, content);
            answers.Add((path, asReader.Status, asAnonymous.StatusCode));
        }

        // Assert
        Assert.True(writes.Count >= 25, $"Only {writes.Count} write endpoints found");
        Assert.All(answers, a =>
        {
            Assert.True(a.Reader == HttpStatusCode.Forbidden, $"{a.Path}: {(int)a.Reader} for a read-only key");
            Assert.True(a.Anonymous == HttpStatusCode.Unauthorized, $"{a.Path}: {(int)a.Anonymous} without a key");
        });
    }

    private async Task<(ApiSession Api, Dictionary<string, Guid> Ids)> BuildEveryKindOfRecordAsync()
    {
        var scenario = await new ApiScenario(await ApiSession.CreateAsync(factory)).WithCaseAsync(_today);
        var api = scenario.Api;
        var applicationId = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());
        var hearing = ApiScenario.Expect(await api.PostAsync($"/api/v1/applications/{applicationId}/hearings",
            new { listedFor = new DateTimeOffset(2026, 12, 10, 10, 0, 0, TimeSpan.Zero), courtName = "Leeds Magistrates' Court" }));
        var order = ApiScenario.Expect(await api.PostAsync("/api/v1/orders",
            scenario.OrderBody(applicationId, "Full", _today, "UntilFurtherOrder", null, [scenario.Condition()])));
        var served = ApiScenario.Expect(await api.PostAsync($"/api/v1/orders/{order.Id}/service",
            new { servedAt = new DateTimeOffset(2026, 11, 28, 11, 0, 0, TimeSpan.Zero), method = "Personal", servedBy = "PC Lee Brown", version = order.Version }));
        var notification = ApiScenario.Expect(await api.PostAsync($"/api/v1/respondents/{scenario.RespondentId}/notifications", new
        {
            notifiedAt = new DateTimeOffset(2026, 11, 28, 11, 30, 0, TimeSpan.Zero),
            stationName = "Elland Road Police Station",
            stationPoliceArea = ApiScenario.Force,
            mode = "InPersonOral",
            receivedBy = "PC Dana White",
            namesGiven = "Mark Example",
        }));
        var breach = ApiScenario.Expect(await api.PostAsync($"/api/v1/orders/{order.Id}/breaches", new
        {
            conditionId = order.Json.GetProperty("conditionsInForce")[0].GetProperty("id").GetGuid(),
            incidentAt = new DateTimeOffset(2026, 11, 28, 11, 45, 0, TimeSpan.Zero),
            description = "Sent a message.",
        }));
        var appeal = ApiScenario.Expect(await api.PostAsync("/api/v1/appeals", new
        {
            orderId = order.Id,
            appellant = "Defendant",
            decision = "MakingOfOrder",
            decisionOn = _today,
            noticeServedOn = _today,
            grounds = "The order was not necessary.",
        }));
        var spoDecision = ApiScenario.Expect(await api.PostAsync($"/api/v1/cases/{scenario.CaseId}/spo-decisions",
            new { decision = "Apply", rationale = "Contact continued after a warning; an order is needed." }));
        var referral = ApiScenario.Expect(await api.PostAsync($"/api/v1/cases/{scenario.CaseId}/referrals",
            new { forum = "Marac", referredOn = _today, referredBy = "DC Priya Shah", reason = "High risk DASH", orderId = order.Id }));
        var rightToKnow = ApiScenario.Expect(await api.PostAsync($"/api/v1/cases/{scenario.CaseId}/right-to-know-decisions", new
        {
            victimId = scenario.VictimId,
            decision = "DoNotDisclose",
            decidedOn = _today,
            decidedBy = "DI Morgan Lead",
            rationale = "Disclosure now would prejudice the investigation.",
        }));
        var otherOrder = ApiScenario.Expect(await api.PostAsync($"/api/v1/respondents/{scenario.RespondentId}/other-orders",
            new { type = "RestrainingOrder", courtName = "Leeds Crown Court", madeOn = new DateOnly(2025, 1, 6), endsOn = new DateOnly(2027, 1, 5) }));
        var plan = ApiScenario.Expect(await api.PostAsync($"/api/v1/orders/{order.Id}/management-plan", new
        {
            leadOfficer = "DC Priya Shah",
            offendingAndSafeguarding = "Loitering and 140 messages.",
            plan = "Monthly visits.",
            nextReviewOn = _today.AddDays(28),
        }));
        var refusal = ApiScenario.Expect(await api.PostAsync($"/api/v1/respondents/{scenario.RespondentId}/notifications", new
        {
            notifiedAt = new DateTimeOffset(2026, 11, 28, 11, 40, 0, TimeSpan.Zero),
            stationName = "Elland Road Police Station",
            stationPoliceArea = ApiScenario.Force,
            mode = "InPersonOral",
            receivedBy = "PC Dana White",
            namesGiven = "Mark Example",
            biometricsRequested = new[] { "Photographs" },
            biometricsPurpose = "verify identity",
            biometricsOutcome = "Refused",
        }));
        var offence = ApiScenario.Expect(await api.PostAsync($"/api/v1/respondents/{scenario.RespondentId}/notification-offences",
            new { offenceCode = "H20168", notificationId = refusal.Id }));
        var renewal = ApiScenario.Expect(await api.PostAsync($"/api/v1/orders/{order.Id}/discharges", new
        {
            applicantParty = "Defendant",
            decidedOn = _today,
            effectiveOn = _today,
            consents = new[]
            {
                new { party = "Defendant", givenOn = _today, method = "InCourt" },
                new { party = "RelevantChiefOfficer", givenOn = _today, method = "InCourt" },
            },
            version = served.Json.GetProperty("version").GetInt64(),
        }));
        return (api, new Dictionary<string, Guid>
        {
            ["spo-decisions"] = spoDecision.Id,
            ["referrals"] = referral.Id,
            ["right-to-know-decisions"] = rightToKnow.Id,
            ["other-orders"] = otherOrder.Id,
            ["management-plans"] = plan.Id,
            ["notification-offences"] = offence.Id,
            ["cases"] = scenario.CaseId,
            ["respondents"] = scenario.RespondentId,
            ["victims"] = scenario.VictimId,
            ["acts"] = scenario.ActId,
            ["risk-assessments"] = scenario.RiskAssessmentId,
            ["applications"] = applicationId,
            ["hearings"] = hearing.Id,
            ["orders"] = order.Id,
            ["notifications"] = notification.Id,
            ["breaches"] = breach.Id,
            ["appeals"] = appeal.Id,
            ["order-changes"] = renewal.Id,
        });
    }

    private async Task<List<(string Path, string Method)>> GetOperationsAsync()
    {
        using var json = JsonDocument.Parse(await factory.CreateBrowser().GetStringAsync("/openapi/v1.json"));
        return [.. json.RootElement.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => (p.Name, o.Name)))];
    }
}
