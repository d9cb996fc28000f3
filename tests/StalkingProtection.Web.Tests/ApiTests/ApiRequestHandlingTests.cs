using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Integration;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.ApiTests;

/// <summary>Bad input is refused with a problem naming the field, never a 500; retries and stale edits are safe; every call is audited.</summary>
public class ApiRequestHandlingTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly DateOnly _today = new(2026, 11, 28);

    [Fact]
    public async Task Post_WithReadOnlyKey_Answers403()
    {
        // Arrange
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);

        // Act
        var answer = await api.PostAsync("/api/v1/cases", ApiScenario.CaseBody(_today));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("application/problem+json", answer.Response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_MalformedJson_Answers400NamingTheBody()
    {
        // Arrange
        var api = await ApiSession.CreateAsync(factory);

        // Act
        var answer = await api.PostJsonAsync("/api/v1/cases", "{\"crimeReferences\": [\"13/1/26\"], ");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.NotEmpty(answer.Fields);
    }

    [Fact]
    public async Task Post_UnknownField_Answers400NamingTheField()
    {
        // Arrange
        var api = await ApiSession.CreateAsync(factory);

        // Act
        var answer = await api.PostJsonAsync("/api/v1/cases",
            """{"crimeReferences":["13/1/26"],"offences":[],"reportedOn":"2026-11-01","officerInCharge":"DC A","team":"T","priority":"high"}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(["priority"], answer.Fields);
    }

    [Fact]
    public async Task Post_UnknownEnumValue_Answers400NamingTheField()
    {
        // Arrange
        var scenario = await new ApiScenario(await ApiSession.CreateAsync(factory)).WithCaseAsync(_today);

        // Act
        var answer = await scenario.Api.PostJsonAsync($"/api/v1/cases/{scenario.CaseId}/victims",
            """{"givenNames":"A","familyName":"B","dateOfBirth":null,"role":"Bystander","relationship":"Stranger"}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(["role"], answer.Fields);
    }

    [Fact]
    public async Task Post_31February_Answers400NamingTheField()
    {
        // Arrange
        var api = await ApiSession.CreateAsync(factory);

        // Act
        var answer = await api.PostJsonAsync("/api/v1/cases",
            """{"crimeReferences":["13/1/26"],"offences":[],"reportedOn":"2026-02-31","officerInCharge":"DC A","team":"T"}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(["reportedOn"], answer.Fields);
    }

    [Fact]
    public async Task Post_FarPastDate_Answers400NamingTheField()
    {
        // Arrange
        var api = await ApiSession.CreateAsync(factory);

        // Act
        var answer = await api.PostJsonAsync("/api/v1/cases",
            """{"crimeReferences":["13/1/26"],"offences":[],"reportedOn":"0026-11-01","officerInCharge":"DC A","team":"T"}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(["reportedOn"], answer.Fields);
    }

    [Fact]
    public async Task Post_OversizedText_Answers400NamingTheFieldAndSavesNothing()
    {
        // Arrange
        var scenario = await new ApiScenario(await ApiSession.CreateAsync(factory)).WithCaseAsync(_today);
        var before = await factory.WithDbAsync(db => db.StalkingActs.CountAsync(a => a.CaseId == scenario.CaseId));

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/cases/{scenario.CaseId}/acts", new
        {
            occurredFrom = new DateTimeOffset(2026, 11, 1, 20, 0, 0, TimeSpan.Zero),
            locationCountry = "United Kingdom",
            categories = new[] { "Following" },
            channel = "InPerson",
            description = new string('x', 4001),
        });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(["description"], answer.Fields);
        Assert.Equal(before, await factory.WithDbAsync(db => db.StalkingActs.CountAsync(a => a.CaseId == scenario.CaseId)));
    }

    [Fact]
    public async Task Post_MissingRequiredField_Answers400()
    {
        // Arrange
        var api = await ApiSession.CreateAsync(factory);

        // Act
        var answer = await api.PostJsonAsync("/api/v1/cases", """{"crimeReferences":["13/1/26"],"offences":[],"reportedOn":"2026-11-01","team":"T"}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("officerInCharge", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_UnknownCase_Answers404()
    {
        // Arrange
        var api = await ApiSession.CreateAsync(factory);

        // Act
        var answer = await api.PostAsync($"/api/v1/cases/{Guid.NewGuid()}/victims",
            new { givenNames = "A", familyName = "B", role = "Both", relationship = "Stranger", dateOfBirth = (DateOnly?)null });

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task Post_ActTargetingUnknownVictim_Answers409AndSavesNothing()
    {
        // Arrange
        var scenario = await new ApiScenario(await ApiSession.CreateAsync(factory)).WithCaseAsync(_today);
        var before = await factory.WithDbAsync(db => db.StalkingActs.CountAsync(a => a.CaseId == scenario.CaseId));

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/cases/{scenario.CaseId}/acts", new
        {
            occurredFrom = new DateTimeOffset(2026, 11, 1, 20, 0, 0, TimeSpan.Zero),
            locationCountry = "United Kingdom",
            categories = new[] { "Following" },
            channel = "InPerson",
            targetVictimId = Guid.NewGuid(),
            description = "Followed the victim home.",
        });

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
        Assert.Equal(before, await factory.WithDbAsync(db => db.StalkingActs.CountAsync(a => a.CaseId == scenario.CaseId)));
    }

    [Fact]
    public async Task Get_UnknownOrder_Answers404()
    {
        // Arrange
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);

        // Act
        var answer = await api.GetAsync($"/api/v1/orders/{Guid.NewGuid()}");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task Get_OrderAsAtImpossibleDate_Answers400NamingAsAt()
    {
        // Arrange
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);

        // Act
        var answer = await api.GetAsync($"/api/v1/orders/{Guid.NewGuid()}?asAt=2027-02-31");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(["asAt"], answer.Fields);
    }

    [Fact]
    public async Task Post_SameIdempotencyKeyTwice_CreatesOnceAndReplaysTheAnswer()
    {
        // Arrange
        var api = await ApiSession.CreateAsync(factory);
        var body = ApiScenario.CaseBody(_today);
        var key = Guid.NewGuid().ToString();

        // Act
        var first = await api.PostAsync("/api/v1/cases", body, key);
        var second = await api.PostAsync("/api/v1/cases", body, key);

        // Assert
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Created, second.Status);
        Assert.Equal(first.Id, second.Id);
        Assert.True(second.Response.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "Case.Opened" && a.RecordId == first.Id.ToString())));
    }

    [Fact]
    public async Task Post_SameIdempotencyKeyWithDifferentBody_Answers422AndCreatesNothing()
    {
        // Arrange
        var api = await ApiSession.CreateAsync(factory);
        var key = Guid.NewGuid().ToString();
        var first = await api.PostAsync("/api/v1/cases", ApiScenario.CaseBody(_today), key);
        var casesBefore = await factory.WithDbAsync(db => db.Cases.CountAsync());

        // Act
        var second = await api.PostAsync("/api/v1/cases", ApiScenario.CaseBody(_today.AddDays(-1)), key);

        // Assert
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.Status);
        Assert.Equal(casesBefore, await factory.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task Post_RuleViolationWithIdempotencyKey_SavesNothingSoTheKeyCanBeRetried()
    {
        // Arrange
        var scenario = await new ApiScenario(await ApiSession.CreateAsync(factory)).WithCaseAsync(_today);
        var applicationId = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());
        var key = Guid.NewGuid().ToString();
        var failed = await scenario.Api.PostAsync("/api/v1/orders",
            scenario.OrderBody(applicationId, "Full", _today, "FixedPeriod", _today.AddMonths(6), [scenario.Condition()]), key);

        // Act
        var retried = await scenario.Api.PostAsync("/api/v1/orders",
            scenario.OrderBody(applicationId, "Full", _today, "FixedPeriod", _today.AddMonths(6), [scenario.Condition()]), key);

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, failed.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, retried.Status);
        Assert.False(retried.Response.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Orders.CountAsync(o => o.CaseId == scenario.CaseId)));
    }

    [Fact]
    public async Task Post_StaleVersion_Answers409WithTheCurrentVersion()
    {
        // Arrange
        var scenario = await new ApiScenario(await ApiSession.CreateAsync(factory)).WithCaseAsync(_today);
        var draft = ApiScenario.Expect(await scenario.Api.PostAsync("/api/v1/applications", scenario.FullApplicationBody()));
        var authorised = ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/applications/{draft.Id}/authorisation",
            new { authorisedBy = ApiSession.CoordinatorEmail, version = draft.Version }));

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/applications/{draft.Id}/submission", new { version = draft.Version });

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
        Assert.Equal(authorised.Version, answer.Json.GetProperty("currentVersion").GetInt64());
        Assert.Equal("Draft", (await scenario.Api.GetAsync($"/api/v1/applications/{draft.Id}")).Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task EveryCall_IsAudited_WritesAsCollectionOrAlterationAndReadsAsConsultation()
    {
        // Arrange
        var scenario = await new ApiScenario(await ApiSession.CreateAsync(factory)).WithCaseAsync(_today);
        var (applicationId, order) = await scenario.FullOrderAsync(_today);

        // Act
        await scenario.Api.GetAsync($"/api/v1/cases/{scenario.CaseId}");
        await scenario.Api.GetAsync($"/api/v1/respondents/{scenario.RespondentId}");
        await scenario.Api.GetAsync($"/api/v1/victims/{scenario.VictimId}");
        await scenario.Api.GetAsync($"/api/v1/orders/{order.Id}?asAt=2027-01-01");
        await scenario.Api.GetAsync($"/api/v1/applications/{applicationId}");
        var entries = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.ActorId.StartsWith("api:")).ToListAsync());

        // Assert
        foreach (var (type, id) in new[] { ("StalkingCase", scenario.CaseId), ("Respondent", scenario.RespondentId), ("Victim", scenario.VictimId),
            ("StalkingProtectionOrder", order.Id), ("Application", applicationId) })
        {
            Assert.Contains(entries, e => e.Kind == AuditKind.Consultation && e.RecordType == type && e.RecordId == id.ToString());
            Assert.Contains(entries, e => e.Kind is AuditKind.Collection && e.RecordId == id.ToString());
        }

        Assert.Contains(entries, e => e.Kind == AuditKind.Alteration && e.Action == "Application.Submitted" && e.RecordId == applicationId.ToString());
    }

    [Fact]
    public async Task Get_LiveOrders_CountsInterimAndFullOrdersInForceOnTheDate()
    {
        // Arrange
        var scenario = await new ApiScenario(await ApiSession.CreateAsync(factory)).WithCaseAsync(_today);
        var before = await scenario.Api.GetAsync("/api/v1/statistics/live-orders?date=2027-01-01");
        await scenario.FullOrderAsync(_today);

        // Act
        var after = await scenario.Api.GetAsync("/api/v1/statistics/live-orders?date=2027-01-01");
        var dayBefore = await scenario.Api.GetAsync("/api/v1/statistics/live-orders?date=2026-11-27");

        // Assert
        Assert.Equal(before.Json.GetProperty("full").GetInt32() + 1, after.Json.GetProperty("full").GetInt32());
        Assert.Equal(after.Json.GetProperty("interim").GetInt32() + after.Json.GetProperty("full").GetInt32(), after.Json.GetProperty("total").GetInt32());
        Assert.True(dayBefore.Json.GetProperty("full").GetInt32() < after.Json.GetProperty("full").GetInt32());
    }

    [Fact]
    public async Task Get_OpenApiDocument_ListsEveryApiEndpointWithASummary()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync("/openapi/v1.json");
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var operations = json.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value)))
            .ToList();

        // Assert
        Assert.True(operations.Count >= 35, $"Only {operations.Count} operations");
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation.GetProperty("summary").GetString()), $"{o.Method} {o.Path}"));
        Assert.Contains(operations, o => o.Path == "/api/v1/orders/{id}" && o.Method == "get");
        Assert.Contains(operations, o => o.Path == "/api/v1/statistics/live-orders");
    }
}
