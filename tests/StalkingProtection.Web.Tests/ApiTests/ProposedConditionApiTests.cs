using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.ApiTests;

/// <summary>Proposed conditions through the API: the library, the rules by ID (R8, R9, R10, R16), idempotency, versions and audit.</summary>
public class ProposedConditionApiTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly DateOnly _today = new(2026, 11, 28);

    private async Task<(ApiScenario Scenario, Guid ApplicationId, long Version)> DraftAsync()
    {
        var scenario = await new ApiScenario(await ApiSession.CreateAsync(factory)).WithCaseAsync(_today);
        var draft = ApiScenario.Expect(await scenario.Api.PostAsync("/api/v1/applications", scenario.FullApplicationBody()));
        return (scenario, draft.Id, draft.Version);
    }

    private static object Distance(Guid victimId, string metres = "100", object? extra = null) => new
    {
        templateKey = "no-approach-distance",
        parameters = new Dictionary<string, string> { ["distance"] = metres, ["person"] = "Jane Sample" },
        protectedPersonIds = new[] { victimId },
        necessityRationale = "He waits outside her home most evenings.",
        conflictConsidered = true,
    };

    [Fact]
    public async Task Post_FromTheLibrary_Returns201WithTheWordingAndTheApplicationListsIt()
    {
        // Arrange
        var (scenario, id, _) = await DraftAsync();

        // Act
        var created = await scenario.Api.PostAsync($"/api/v1/applications/{id}/proposed-conditions", Distance(scenario.VictimId));
        var list = await scenario.Api.GetAsync($"/api/v1/applications/{id}/proposed-conditions");
        var application = await scenario.Api.GetAsync($"/api/v1/applications/{id}");

        // Assert
        Assert.True(created.Status == HttpStatusCode.Created, created.Body);
        Assert.Equal("Not to come within 100 metres of Jane Sample.", created.Json.GetProperty("wording").GetString());
        Assert.Equal("NoApproach", created.Json.GetProperty("category").GetString());
        Assert.Equal($"/api/v1/applications/{id}/proposed-conditions/{created.Id}", created.Response.Headers.Location!.OriginalString);
        Assert.Equal(created.Id, list.Json.GetProperty("conditions")[0].GetProperty("id").GetGuid());
        Assert.Equal(created.Id, application.Json.GetProperty("proposedConditions")[0].GetProperty("id").GetGuid());
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Application.ConditionProposed" && e.RecordId == id.ToString()
            && e.ActorId.StartsWith("api:"))));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Api.Application.Read" && e.RecordId == id.ToString())));
    }

    [Fact]
    public async Task Post_WithTheSameIdempotencyKeyTwice_CreatesOneCondition()
    {
        // Arrange
        var (scenario, id, _) = await DraftAsync();
        var json = System.Text.Json.JsonSerializer.Serialize(Distance(scenario.VictimId), ApiSession.BodyJson);

        // Act
        var first = await scenario.Api.PostJsonAsync($"/api/v1/applications/{id}/proposed-conditions", json, "propose-1");
        var second = await scenario.Api.PostJsonAsync($"/api/v1/applications/{id}/proposed-conditions", json, "propose-1");

        // Assert
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(first.Id, second.Id);
        Assert.Single((await scenario.Api.GetAsync($"/api/v1/applications/{id}/proposed-conditions")).Json.GetProperty("conditions").EnumerateArray());
    }

    [Fact]
    public async Task R8_PostWithoutRationaleOrPerson_Returns422NamingR8()
    {
        // Arrange
        var (scenario, id, _) = await DraftAsync();

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/applications/{id}/proposed-conditions", new
        {
            templateKey = "no-contact",
            parameters = new Dictionary<string, string> { ["person"] = "Jane Sample" },
            protectedPersonIds = Array.Empty<Guid>(),
            necessityRationale = "",
            conflictConsidered = true,
        });

        // Assert
        AssertRule(answer, "R8", "protectedPersonIds");
        AssertRule(answer, "R8", "necessityRationale");
    }

    [Fact]
    public async Task R9_PostWithConflictNotMitigated_WarnsThenSucceedsWithAnOverride()
    {
        // Arrange
        var (scenario, id, _) = await DraftAsync();
        var body = new Dictionary<string, object?>
        {
            ["type"] = "Prohibition",
            ["category"] = "ExclusionZone",
            ["wording"] = "Not to enter Roundhay Park.",
            ["scope"] = "Locality",
            ["localityText"] = "Roundhay Park, Leeds",
            ["protectedPersonIds"] = new[] { scenario.VictimId },
            ["necessityRationale"] = "She walks there daily.",
            ["conflictConsidered"] = true,
            ["conflictFound"] = true,
        };

        // Act
        var warned = await scenario.Api.PostAsync($"/api/v1/applications/{id}/proposed-conditions", body);
        body["overrides"] = new[] { new { rule = "R9", reason = "His mosque is outside the park; only his walk to work crosses it" } };
        var created = await scenario.Api.PostAsync($"/api/v1/applications/{id}/proposed-conditions", body);

        // Assert
        AssertRule(warned, "R9", "conflictNotes");
        Assert.True(created.Status == HttpStatusCode.Created, created.Body);
        Assert.Contains("His mosque is outside the park", created.Json.GetProperty("overrideReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task R10_PostWithInvalidPolygon_Returns422NamingR10()
    {
        // Arrange
        var (scenario, id, _) = await DraftAsync();

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/applications/{id}/proposed-conditions", new
        {
            templateKey = "exclusion-zone",
            parameters = new Dictionary<string, string> { ["area"] = "Park Road, Leeds" },
            localityPolygon = """{"type":"Polygon","coordinates":[[[-1.55,53.80],[-1.54,53.80],[-1.54,53.81],[-1.56,53.80]]]}""",
            protectedPersonIds = new[] { scenario.VictimId },
            necessityRationale = "She lives on Park Road.",
            conflictConsidered = true,
        });

        // Assert
        AssertRule(answer, "R10", "localityPolygon");
    }

    [Fact]
    public async Task R16_PostOnInterimApplicationUntilFurtherOrder_Returns422NamingR16()
    {
        // Arrange
        var scenario = await new ApiScenario(await ApiSession.CreateAsync(factory)).WithCaseAsync(_today);
        var main = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());
        var interim = ApiScenario.Expect(await scenario.Api.PostAsync("/api/v1/applications", scenario.InterimApplicationBody(main)));

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/applications/{interim.Id}/proposed-conditions", new
        {
            templateKey = "no-contact",
            parameters = new Dictionary<string, string> { ["person"] = "Jane Sample" },
            protectedPersonIds = new[] { scenario.VictimId },
            necessityRationale = "He messages her daily.",
            conflictConsidered = true,
            duration = "UntilFurtherOrder",
        });

        // Assert
        AssertRule(answer, "R16", "duration");
    }

    [Fact]
    public async Task Post_ParameterMissingOrUnknownTemplate_Returns422NamingTheField()
    {
        // Arrange
        var (scenario, id, _) = await DraftAsync();

        // Act
        var missing = await scenario.Api.PostAsync($"/api/v1/applications/{id}/proposed-conditions", Distance(scenario.VictimId, ""));
        var unknown = await scenario.Api.PostAsync($"/api/v1/applications/{id}/proposed-conditions", new
        {
            templateKey = "curfew",
            protectedPersonIds = new[] { scenario.VictimId },
            necessityRationale = "Reason",
            conflictConsidered = true,
        });

        // Assert
        AssertRule(missing, "Input", "parameters.distance");
        AssertRule(unknown, "Input", "templateKey");
    }

    [Fact]
    public async Task Post_WrittenOutWithoutType_Returns400()
    {
        // Arrange
        var (scenario, id, _) = await DraftAsync();

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/applications/{id}/proposed-conditions", new
        {
            wording = "Not to keep images of her.",
            protectedPersonIds = new[] { scenario.VictimId },
            necessityRationale = "Reason",
            conflictConsidered = true,
        });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("type", answer.Fields);
        Assert.Contains("category", answer.Fields);
    }

    [Fact]
    public async Task PutAndDelete_ChangeThenRemoveTheCondition()
    {
        // Arrange
        var (scenario, id, _) = await DraftAsync();
        var created = ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/applications/{id}/proposed-conditions", Distance(scenario.VictimId)));
        var url = $"/api/v1/applications/{id}/proposed-conditions/{created.Id}";

        // Act
        var changed = await scenario.Api.PutAsync(url, Distance(scenario.VictimId, "300"));
        var removed = await scenario.Api.DeleteAsync(url);
        var again = await scenario.Api.DeleteAsync(url);

        // Assert
        Assert.True(changed.Status == HttpStatusCode.OK, changed.Body);
        Assert.Equal("Not to come within 300 metres of Jane Sample.", changed.Json.GetProperty("wording").GetString());
        Assert.Equal(HttpStatusCode.NoContent, removed.Status);
        AssertRule(again, "Input", "conditionId");
        Assert.Empty((await scenario.Api.GetAsync($"/api/v1/applications/{id}/proposed-conditions")).Json.GetProperty("conditions").EnumerateArray());
    }

    [Fact]
    public async Task Put_WithStaleVersion_Returns409WithTheCurrentVersion()
    {
        // Arrange
        var (scenario, id, version) = await DraftAsync();
        var created = ApiScenario.Expect(await scenario.Api.PostAsync($"/api/v1/applications/{id}/proposed-conditions", Distance(scenario.VictimId)));

        // Act
        var answer = await scenario.Api.PutAsync($"/api/v1/applications/{id}/proposed-conditions/{created.Id}", new
        {
            templateKey = "no-approach-distance",
            parameters = new Dictionary<string, string> { ["distance"] = "50", ["person"] = "Jane Sample" },
            protectedPersonIds = new[] { scenario.VictimId },
            necessityRationale = "Reason",
            conflictConsidered = true,
            version,
        });

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
        Assert.True(answer.Json.GetProperty("currentVersion").GetInt64() > version);
    }

    [Fact]
    public async Task Post_OnSubmittedApplication_Returns422Status()
    {
        // Arrange
        var scenario = await new ApiScenario(await ApiSession.CreateAsync(factory)).WithCaseAsync(_today);
        var id = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());

        // Act
        var answer = await scenario.Api.PostAsync($"/api/v1/applications/{id}/proposed-conditions", Distance(scenario.VictimId));

        // Assert
        AssertRule(answer, "Status", "status");
    }

    [Fact]
    public async Task PutAndDelete_WithReadOnlyKey_Answer403AndUnknownApplication404()
    {
        // Arrange
        var reader = await ApiSession.CreateAsync(factory, Core.Integration.ApiScope.Read);
        var writer = await ApiSession.CreateAsync(factory);
        var url = $"/api/v1/applications/{Guid.NewGuid()}/proposed-conditions/{Guid.NewGuid()}";

        // Act
        var put = await reader.PutAsync(url, new { });
        var delete = await reader.DeleteAsync(url);
        var missing = await writer.DeleteAsync(url);
        var list = await writer.GetAsync($"/api/v1/applications/{Guid.NewGuid()}/proposed-conditions");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, put.Status);
        Assert.Equal(HttpStatusCode.Forbidden, delete.Status);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(HttpStatusCode.NotFound, list.Status);
    }

    [Fact]
    public async Task OpenApi_DescribesTheProposedConditionEndpoints()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        using var document = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        // Assert
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/applications/{id}/proposed-conditions", out var list));
        Assert.True(list.TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/applications/{id}/proposed-conditions/{conditionId}").TryGetProperty("delete", out _));
    }

    private static void AssertRule(ApiAnswer answer, string rule, string field)
    {
        Assert.True(answer.Status == HttpStatusCode.UnprocessableEntity, $"{(int)answer.Status}: {answer.Body}");
        Assert.Contains(answer.Errors, e => e.GetProperty("rule").GetString() == rule && e.GetProperty("field").GetString() == field);
    }
}
