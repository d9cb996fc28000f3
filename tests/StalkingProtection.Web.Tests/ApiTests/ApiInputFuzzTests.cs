using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.ApiTests;

/// <summary>S9: every field of a valid body replaced by a hostile value answers a 4xx problem, never a 500, and saves nothing.</summary>
public class ApiInputFuzzTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly DateOnly _today = new(2026, 11, 28);

    private static readonly JsonNode?[] _hostile =
    [
        null,
        JsonValue.Create(-1),
        JsonValue.Create(1e300),
        JsonValue.Create("x"),
        JsonValue.Create(""),
        JsonValue.Create("2026-02-31"),
        JsonValue.Create(new string('z', 5000)),
        JsonValue.Create(true),
        new JsonArray(),
        new JsonArray((JsonNode?)null),
        new JsonObject(),
    ];

    [Fact]
    public async Task PostOrder_EveryFieldReplacedByHostileValues_NeverAnswers500()
    {
        // Arrange
        var scenario = await new ApiScenario(await ApiSession.CreateAsync(factory)).WithCaseAsync(_today);
        var applicationId = await scenario.SubmittedApplicationAsync(scenario.FullApplicationBody());
        var valid = JsonSerializer.SerializeToNode(scenario.OrderBody(applicationId, "Full", _today, "FixedPeriod", _today.AddMonths(1),
            [scenario.Condition()]), ApiSession.BodyJson)!;

        // Act
        var statuses = await MutateAndPostAsync(scenario.Api, "/api/v1/orders", valid);

        // Assert
        Assert.All(statuses, s => Assert.True((int)s.Status is >= 400 and < 500, $"{s.Path}: {(int)s.Status}"));
        Assert.Equal(0, await factory.WithDbAsync(db => Task.FromResult(db.Orders.Count(o => o.CaseId == scenario.CaseId))));
    }

    [Fact]
    public async Task PostNotification_EveryFieldReplacedByHostileValues_NeverAnswers500()
    {
        // Arrange
        var scenario = await new ApiScenario(await ApiSession.CreateAsync(factory)).WithCaseAsync(_today);
        var valid = JsonSerializer.SerializeToNode(new
        {
            notifiedAt = new DateTimeOffset(2026, 11, 28, 11, 0, 0, TimeSpan.Zero),
            stationName = "Elland Road Police Station",
            stationPoliceArea = ApiScenario.Force,
            mode = "Postal",
            receivedBy = "PC Dana White",
            receivedByAuthorisedPerson = false,
            namesGiven = "Mark Example",
            addressGiven = "1 Example Street",
            acknowledgementReference = "ACK-1",
            acknowledgedAt = new DateTimeOffset(2026, 11, 28, 11, 5, 0, TimeSpan.Zero),
            biometricsRequested = new[] { "Fingerprints" },
            biometricsPurpose = "verify identity",
            biometricsOutcome = "Complied",
        }, ApiSession.BodyJson)!;

        // Act
        var statuses = await MutateAndPostAsync(scenario.Api, $"/api/v1/respondents/{scenario.RespondentId}/notifications", valid);

        // Assert
        Assert.All(statuses, s => Assert.True((int)s.Status is >= 400 and < 500, $"{s.Path}: {(int)s.Status}"));
        Assert.Equal(0, await factory.WithDbAsync(db => Task.FromResult(db.NotificationEvents.Count(n => n.RespondentId == scenario.RespondentId))));
    }

    // Every body here is invalid on purpose (a 2-month order, a postal notification), so each mutation must be refused.
    private static async Task<List<(string Path, HttpStatusCode Status)>> MutateAndPostAsync(ApiSession api, string url, JsonNode valid)
    {
        var results = new List<(string, HttpStatusCode)>();
        foreach (var path in Paths(valid, ""))
        {
            foreach (var value in _hostile)
            {
                var body = valid.DeepClone();
                Replace(body, path, value?.DeepClone());
                var answer = await api.PostJsonAsync(url, body.ToJsonString());
                results.Add(($"{path} = {value?.ToJsonString() ?? "null"}", answer.Status));
            }
        }

        return results;
    }

    private static IEnumerable<string> Paths(JsonNode node, string prefix) => node switch
    {
        JsonObject o => o.SelectMany(p => new[] { prefix + "." + p.Key }.Concat(p.Value is null ? [] : Paths(p.Value, prefix + "." + p.Key))),
        JsonArray a => a.SelectMany((item, i) => new[] { $"{prefix}[{i}]" }.Concat(item is null ? [] : Paths(item, $"{prefix}[{i}]"))),
        _ => [],
    };

    private static void Replace(JsonNode root, string path, JsonNode? value)
    {
        var parts = path.TrimStart('.').Replace("[", ".[", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries);
        var node = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            node = parts[i].StartsWith('[') ? node[int.Parse(parts[i][1..^1])]! : node[parts[i]]!;
        }

        var last = parts[^1];
        if (last.StartsWith('['))
        {
            node.AsArray()[int.Parse(last[1..^1])] = value;
        }
        else
        {
            node.AsObject()[last] = value;
        }
    }
}
