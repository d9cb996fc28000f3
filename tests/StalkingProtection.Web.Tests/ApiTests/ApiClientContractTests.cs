using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.ApiTests;

/// <summary>
/// What a records system can rely on: legal refusals name their rule, enums list their values, a request the API cannot read
/// exactly (unknown query parameter, a time without offset, a key given twice) is refused naming the problem, retries are
/// compared as parsed JSON, generated references are unique, and every duty says when it is due and when it becomes overdue.
/// </summary>
public class ApiClientContractTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly DateOnly _today = new(2026, 11, 28);
    private static readonly DateTimeOffset _servedAt = new(2026, 11, 28, 11, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("CPS")]
    [InlineData("Victim")]
    [InlineData("CrownProsecutionService")]
    public async Task SPA2019_s1_1_R1_ApplicantThatIsNotAChiefOfficer_Returns422NamingR1(string applicant)
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var body = JsonSerializer.SerializeToNode(scenario.FullApplicationBody(), ApiSession.BodyJson)!.AsObject();
        body["applicantForce"] = applicant;

        // Act
        var answer = await scenario.Api.PostJsonAsync("/api/v1/applications", body.ToJsonString());

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        var error = Assert.Single(answer.Errors);
        Assert.Equal("R1", error.GetProperty("rule").GetString());
        Assert.Equal("applicantForce", error.GetProperty("field").GetString());
        Assert.Contains("chief officer", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("WestYorkshire", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownEnumValue_Answers400NamingTheAllowedValues()
    {
        // Arrange
        var scenario = await ScenarioAsync();

        // Act
        var answer = await scenario.Api.PostJsonAsync($"/api/v1/cases/{scenario.CaseId}/victims",
            """{"givenNames":"A","familyName":"B","dateOfBirth":null,"role":"Bystander","relationship":"Stranger"}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(["role"], answer.Fields);
        var message = answer.Errors[0].GetProperty("message").GetString()!;
        Assert.All(Enum.GetNames<Core.Cases.VictimRole>(), name => Assert.Contains(name, message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheValuesOfEveryEnum()
    {
        // Arrange
        var client = factory.CreateBrowser();
        var enums = typeof(Core.Applications.PoliceForce).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic).ToDictionary(t => t.Name);

        // Act
        using var json = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var enumSchemas = json.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject()
            .Where(s => enums.ContainsKey(s.Name)).ToList();

        // Assert
        Assert.True(enumSchemas.Count >= 20, $"only {enumSchemas.Count} enum schemas found: {string.Join(", ", enumSchemas.Select(s => s.Name))}");
        Assert.All(enumSchemas, s =>
        {
            Assert.True(s.Value.TryGetProperty("enum", out var values), $"{s.Name} lists no values");
            Assert.Equal(Enum.GetNames(enums[s.Name]).Order(), values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).Order());
        });
        Assert.Contains(enumSchemas, s => s.Name == "PoliceForce");
        Assert.Contains(enumSchemas, s => s.Name == "ObligationStatus");
    }

    [Theory]
    [InlineData("/api/v1/orders/{0}?at=2026-11-28", "at")]
    [InlineData("/api/v1/orders/{0}?asAt=2026-11-28&page=2", "page")]
    [InlineData("/api/v1/respondents/{0}?asAt=2026-11-28", "asAt")]
    [InlineData("/api/v1/respondents/{0}/obligations?as_at=2026-11-28", "as_at")]
    public async Task UnknownQueryParameter_Answers400NamingIt(string url, string parameter)
    {
        // Arrange
        var api = await ApiSession.CreateAsync(factory);

        // Act
        var answer = await api.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, Guid.NewGuid()));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([parameter], answer.Fields);
    }

    [Fact]
    public async Task TimeWithoutAnOffset_Answers400NamingTheField()
    {
        // Arrange
        var served = await ServedAsync();
        var body = Notification();
        body["notifiedAt"] = "2026-11-28T11:50:00";

        // Act
        var answer = await served.Api.PostJsonAsync($"/api/v1/respondents/{served.RespondentId}/notifications", body.ToJsonString());

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(["notifiedAt"], answer.Fields);
        Assert.Contains("offset", answer.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicateJsonKey_Answers400NamingTheField()
    {
        // Arrange
        var api = await ApiSession.CreateAsync(factory);

        // Act
        var answer = await api.PostJsonAsync("/api/v1/cases",
            """{"crimeReferences":["13/1/26"],"offences":[],"reportedOn":"2026-11-01","reportedOn":"2026-11-02","officerInCharge":"DC A","team":"T"}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("more than once", answer.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Idempotency_TheSameJsonReserialisedWithOtherWhitespaceAndKeyOrder_IsAReplay()
    {
        // Arrange
        var api = await ApiSession.CreateAsync(factory);
        var key = $"case-{Guid.NewGuid():N}";
        var first = await api.PostJsonAsync("/api/v1/cases",
            """{"crimeReferences":["13/1/26"],"offences":[],"reportedOn":"2026-11-01","officerInCharge":"DC A","team":"T"}""", key);

        // Act
        var retry = await api.PostJsonAsync("/api/v1/cases",
            "{\n  \"team\" : \"T\",\n  \"officerInCharge\" : \"DC A\",\n  \"reportedOn\" : \"2026-11-01\",\n  \"offences\" : [ ],\n  \"crimeReferences\" : [ \"13/1/26\" ]\n}", key);
        var changed = await api.PostJsonAsync("/api/v1/cases",
            """{"crimeReferences":["13/1/26"],"offences":[],"reportedOn":"2026-11-02","officerInCharge":"DC A","team":"T"}""", key);

        // Assert
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Created, retry.Status);
        Assert.Equal("true", retry.Response.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Id, retry.Id);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.Status);
    }

    [Fact]
    public async Task R31_TwoNotificationsAtTheSameInstant_GetUniqueReferences_AndA409NamesTheReferenceThatClashed()
    {
        // Arrange
        var served = await ServedAsync();
        var url = $"/api/v1/respondents/{served.RespondentId}/notifications";

        // Act
        var first = ApiScenario.Expect(await served.Api.PostJsonAsync(url, Notification().ToJsonString()));
        var second = ApiScenario.Expect(await served.Api.PostJsonAsync(url, Notification().ToJsonString()));
        var reference = first.Json.GetProperty("acknowledgementReference").GetString()!;
        var clash = Notification();
        clash["acknowledgementReference"] = reference;
        clash["acknowledgedAt"] = "2026-11-28T11:55:00Z";
        var conflict = await served.Api.PostJsonAsync(url, clash.ToJsonString());

        // Assert
        Assert.NotEqual(reference, second.Json.GetProperty("acknowledgementReference").GetString());
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Equal(["acknowledgementReference"], conflict.Fields);
        Assert.Contains(reference, conflict.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task R25_R33_EachDutyShowsDueByAndOverdueFrom_TheInstantTheNextLondonDayStarts()
    {
        // Arrange
        var served = await ServedAsync();

        // Act
        var order = await served.Api.GetAsync($"/api/v1/orders/{served.OrderId}");

        // Assert
        var duty = order.Json.GetProperty("obligations")[0];
        Assert.Equal("2026-11-30", duty.GetProperty("dueBy").GetString());
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), duty.GetProperty("overdueFrom").GetDateTimeOffset());
    }

    [Fact]
    public async Task AsAt_AcceptsAnInstant_ReadAsItsLondonDate_AndRefusesATimeWithoutOffset()
    {
        // Arrange
        var served = await ServedAsync();

        // Act
        var summerNight = await served.Api.GetAsync($"/api/v1/orders/{served.OrderId}?asAt=2027-06-30T23:30:00Z");
        var plusOffset = await served.Api.GetAsync($"/api/v1/orders/{served.OrderId}?asAt=2027-06-30T23:30:00%2B01:00");
        var noOffset = await served.Api.GetAsync($"/api/v1/orders/{served.OrderId}?asAt=2027-06-30T23:30:00");

        // Assert
        Assert.Equal(HttpStatusCode.OK, summerNight.Status);
        Assert.Equal("2027-07-01", summerNight.Json.GetProperty("asAt").GetString());
        Assert.Equal("2027-06-30", plusOffset.Json.GetProperty("asAt").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noOffset.Status);
        Assert.Equal(["asAt"], noOffset.Fields);
    }

    [Fact]
    public async Task SPA2019_s9_R25_R27_RespondentObligations_ListsTheDutiesAcrossOrders_AndIsAuditedAsAConsultation()
    {
        // Arrange
        var served = await ServedAsync();
        ApiScenario.Expect(await served.Api.PostAsync($"/api/v1/respondents/{served.RespondentId}/names",
            new { givenNames = "Marcus", familyName = "Example", firstUsedOn = _today }));
        var reader = await ApiSession.CreateAsync(factory, Core.Integration.ApiScope.Read);

        // Act
        var answer = await reader.GetAsync($"/api/v1/respondents/{served.RespondentId}/obligations");
        var later = await reader.GetAsync($"/api/v1/respondents/{served.RespondentId}/obligations?asAt=2026-12-05");

        // Assert
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var duties = answer.Json.GetProperty("obligations").EnumerateArray().ToList();
        Assert.Equal(["InitialService", "NewName"], duties.Select(d => d.GetProperty("trigger").GetString()).Order());
        Assert.All(duties, d =>
        {
            Assert.Equal(served.OrderId, d.GetProperty("orderId").GetGuid());
            Assert.Equal("2026-11-30", d.GetProperty("dueBy").GetString());
            Assert.Equal("Open", d.GetProperty("status").GetString());
        });
        Assert.All(later.Json.GetProperty("obligations").EnumerateArray(), d => Assert.Equal("Overdue", d.GetProperty("status").GetString()));
        var consultations = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Kind == AuditKind.Consultation && a.RecordId == served.RespondentId.ToString()).CountAsync());
        Assert.True(consultations >= 2);
    }

    [Fact]
    public async Task SPA2019_s9_4_R28_AddressNotifiedBeforeTheMove_TheMoveEnteredAfterwardsAnswersTheDutyAsMet()
    {
        // Arrange
        var served = await ServedAsync();
        var notification = Notification();
        notification["addressGiven"] = "9 New Road, Leeds LS2 2BB";
        ApiScenario.Expect(await served.Api.PostJsonAsync($"/api/v1/respondents/{served.RespondentId}/notifications", notification.ToJsonString()));

        // Act
        var move = await served.Api.PostAsync($"/api/v1/respondents/{served.RespondentId}/addresses",
            new { address = "9 New Road, Leeds LS2 2BB", policeArea = ApiScenario.Force, movedOn = _today.AddDays(1) });

        // Assert
        Assert.Equal(HttpStatusCode.Created, move.Status);
        Assert.Equal("Met", move.Json.GetProperty("obligation").GetProperty("status").GetString());
    }

    [Fact]
    public async Task OrderMadeTomorrow_IsRefusedWithTheOneRuleForDatesOfThingsThatHappened()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var applicationId = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());

        // Act
        var answer = await scenario.Api.PostAsync("/api/v1/orders", scenario.OrderBody(applicationId, "Full", _today.AddDays(1), "UntilFurtherOrder", null,
            [scenario.Condition()]));

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        var error = Assert.Single(answer.Errors, e => e.GetProperty("field").GetString() == "madeOn");
        Assert.Equal("Input", error.GetProperty("rule").GetString());
        Assert.Equal(RuleCheck.NotYetHappenedMessage, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ServiceTomorrow_IsRefusedWithTheSameRuleAndMessage()
    {
        // Arrange
        var scenario = await ScenarioAsync();
        var (_, order) = await scenario.FullOrderAsync(_today);

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/orders/{order.Id}/service",
            new { servedAt = _servedAt.AddDays(1), method = "Personal", servedBy = "PC Lee Brown", version = order.Version });

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        var error = Assert.Single(answer.Errors, e => e.GetProperty("field").GetString() == "servedAt");
        Assert.Equal(("Input", RuleCheck.NotYetHappenedMessage), (error.GetProperty("rule").GetString(), error.GetProperty("message").GetString()));
    }

    private static JsonObject Notification() => new JsonObject
        {
            ["notifiedAt"] = "2026-11-28T11:50:00Z",
            ["stationName"] = "Elland Road Police Station",
            ["stationPoliceArea"] = ApiScenario.Force,
            ["mode"] = "InPersonOral",
            ["receivedBy"] = "PC Dana White",
            ["namesGiven"] = "Mark Example",
            ["addressGiven"] = "1 Example Street, Leeds LS1 1AA",
        };

    private async Task<ApiScenario> ScenarioAsync() => await new ApiScenario(await ApiSession.CreateAsync(factory)).WithCaseAsync(_today);

    private async Task<(ApiSession Api, Guid RespondentId, Guid OrderId)> ServedAsync()
    {
        var scenario = await ScenarioAsync();
        var (_, order) = await scenario.FullOrderAsync(_today);
        ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/orders/{order.Id}/service",
            new { servedAt = _servedAt, method = "Personal", servedBy = "PC Lee Brown", version = order.Version }));
        return (scenario.Api, scenario.RespondentId, order.Id);
    }
}
