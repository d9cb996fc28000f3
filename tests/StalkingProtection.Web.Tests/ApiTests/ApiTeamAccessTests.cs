using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Integration;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.ApiTests;

/// <summary>
/// Need-to-know (S4): an API client given a team sees that team's cases and the records on them, as a member of
/// staff of the team does; a force-wide client sees every team's.
/// </summary>
public class ApiTeamAccessTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly DateOnly _today = new(2026, 11, 28);

    [Fact]
    public async Task S4_TeamClient_ReadsOfAnotherTeamsRecords_Are404AsForARecordThatDoesNotExist_ForceWideClientReadsThem()
    {
        // Arrange
        var (ours, theirs) = await TwoTeamsAsync();
        var teamClient = await ApiSession.CreateAsync(factory, ApiScope.Read, team: ours.Team);
        var forceWide = await ApiSession.CreateAsync(factory, ApiScope.Read);
        var missing = await teamClient.GetAsync($"/api/v1/cases/{Guid.NewGuid()}");

        // Act
        var theirsToTeam = await ReadAllAsync(teamClient, theirs);
        var oursToTeam = await ReadAllAsync(teamClient, ours);
        var theirsToForce = await ReadAllAsync(forceWide, theirs);

        // Assert
        Assert.All(theirsToTeam, a => Assert.Equal(HttpStatusCode.NotFound, a.Answer.Status));
        Assert.All(oursToTeam, a => Assert.Equal(HttpStatusCode.OK, a.Answer.Status));
        Assert.All(theirsToForce, a => Assert.Equal(HttpStatusCode.OK, a.Answer.Status));
        Assert.Equal(missing.Json.GetProperty("title").GetString(), theirsToTeam[0].Answer.Json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task S4_TeamClient_ListsNeverShowAnotherTeamsCasesApplicationsOrdersOrRespondents_ForceWideClientsDo()
    {
        // Arrange
        var (ours, theirs) = await TwoTeamsAsync();
        var teamClient = await ApiSession.CreateAsync(factory, ApiScope.Read, team: ours.Team);
        var forceWide = await ApiSession.CreateAsync(factory, ApiScope.Read);
        string[] lists = ["cases", "applications", "orders", "respondents"];

        // Act
        var askedForTheirs = await Task.WhenAll(lists.Select(l => IdsAsync(teamClient, $"/api/v1/{l}?team={Uri.EscapeDataString(theirs.Team)}")));
        var forceWideTheirs = await Task.WhenAll(lists.Select(l => IdsAsync(forceWide, $"/api/v1/{l}?team={Uri.EscapeDataString(theirs.Team)}")));
        var unfiltered = await Task.WhenAll(lists.Select(l => IdsAsync(teamClient, $"/api/v1/{l}?limit=100")));
        var caseTeams = (await teamClient.GetAsync("/api/v1/cases?limit=100")).Json.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("team").GetString()).Distinct().ToList();

        // Assert
        Assert.All(askedForTheirs, ids => Assert.Empty(ids));
        Assert.Equal(new[] { theirs.CaseId, theirs.ApplicationId, theirs.OrderId, theirs.RespondentId }, forceWideTheirs.Select(ids => Assert.Single(ids)));
        Assert.Equal(new[] { ours.CaseId, ours.ApplicationId, ours.OrderId, ours.RespondentId }, unfiltered.Select(ids => Assert.Single(ids)));
        Assert.Equal(ours.Team, Assert.Single(caseTeams));
    }

    [Fact]
    public async Task S4_TeamClient_WriteToAnotherTeamsCase_Is404AndNothingIsSaved()
    {
        // Arrange
        var (ours, theirs) = await TwoTeamsAsync();
        var teamClient = await ApiSession.CreateAsync(factory, ApiScope.ReadWrite, team: ours.Team);
        var before = await factory.WithDbAsync(db => db.Victims.CountAsync(v => v.CaseId == theirs.CaseId));
        var victim = new { givenNames = "Ann", familyName = "Other", role = "Both", relationship = "Stranger" };

        // Act
        var answer = await teamClient.PostAsync($"/api/v1/cases/{theirs.CaseId}/victims", victim);
        var own = await teamClient.PostAsync($"/api/v1/cases/{ours.CaseId}/victims", victim);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("application/problem+json", answer.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Victims.CountAsync(v => v.CaseId == theirs.CaseId)));
        Assert.Equal(HttpStatusCode.Created, own.Status);
    }

    [Fact]
    public async Task S4_TeamClient_ApplicationOnAnotherTeamsCaseNamedInTheBody_Is404AndNothingIsSaved()
    {
        // Arrange
        var (ours, theirs) = await TwoTeamsAsync();
        var teamClient = await ApiSession.CreateAsync(factory, ApiScope.ReadWrite, team: ours.Team);
        var scenario = new ApiScenario(teamClient);
        var before = await factory.WithDbAsync(db => db.Applications.CountAsync(a => a.CaseId == theirs.CaseId));
        await scenario.WithCaseAsync(_today, team: ours.Team);
        var body = JsonSerializer.SerializeToNode(scenario.FullApplicationBody(), ApiSession.BodyJson)!;
        body["caseId"] = theirs.CaseId;

        // Act
        var answer = await teamClient.PostJsonAsync("/api/v1/applications", body.ToJsonString());

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Applications.CountAsync(a => a.CaseId == theirs.CaseId)));
    }

    [Fact]
    public async Task S4_ClientGivenATeamLater_SeesOnlyThatTeamFromItsNextCall_AndTheChangeIsAudited()
    {
        // Arrange
        var (ours, theirs) = await TwoTeamsAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var clients = scope.ServiceProvider.GetRequiredService<ApiClientService>();
        var (created, key) = await clients.CreateAsync(new CreateApiClientOptions($"Team tool {Guid.NewGuid():N}", ApiScope.Read, false), Actor.System);
        var api = ApiSession.WithKey(factory, key);
        var before = await api.GetAsync($"/api/v1/cases/{theirs.CaseId}");

        // Act
        await clients.ChangeTeamAsync(created.Id, $"  {ours.Team} ", Actor.System);
        var after = await api.GetAsync($"/api/v1/cases/{theirs.CaseId}");
        var own = await api.GetAsync($"/api/v1/cases/{ours.CaseId}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.NotFound, after.Status);
        Assert.Equal(HttpStatusCode.OK, own.Status);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.RecordId == created.Id.ToString() && a.Action == "ApiClient.TeamChanged"));
        Assert.Equal(AuditKind.Administration, audit.Kind);
        Assert.Contains(ours.Team, audit.NewValues!, StringComparison.Ordinal);
    }

    private sealed record TeamRecords(string Team, Guid CaseId, Guid RespondentId, Guid VictimId, Guid ActId, Guid RiskAssessmentId, Guid ApplicationId, Guid OrderId);

    /// <summary>A case with a respondent, victim, act, risk assessment, application and order for each of two new teams.</summary>
    private async Task<(TeamRecords Ours, TeamRecords Theirs)> TwoTeamsAsync()
    {
        var forceWide = await ApiSession.CreateAsync(factory);
        async Task<TeamRecords> TeamAsync(string team)
        {
            var scenario = await new ApiScenario(forceWide).WithCaseAsync(_today, team: team);
            var (applicationId, order) = await scenario.FullOrderAsync(_today);
            return new TeamRecords(team, scenario.CaseId, scenario.RespondentId, scenario.VictimId, scenario.ActId, scenario.RiskAssessmentId, applicationId, order.Id);
        }

        return (await TeamAsync($"Harrogate {Guid.NewGuid():N}"), await TeamAsync($"Bradford {Guid.NewGuid():N}"));
    }

    private static async Task<List<(string Url, ApiAnswer Answer)>> ReadAllAsync(ApiSession api, TeamRecords records)
    {
        string[] urls =
        [
            $"/api/v1/cases/{records.CaseId}", $"/api/v1/respondents/{records.RespondentId}", $"/api/v1/victims/{records.VictimId}",
            $"/api/v1/acts/{records.ActId}", $"/api/v1/risk-assessments/{records.RiskAssessmentId}", $"/api/v1/applications/{records.ApplicationId}",
            $"/api/v1/orders/{records.OrderId}", $"/api/v1/respondents/{records.RespondentId}/obligations",
        ];
        var answers = new List<(string, ApiAnswer)>();
        foreach (var url in urls)
        {
            answers.Add((url, await api.GetAsync(url)));
        }

        return answers;
    }

    private static async Task<Guid[]> IdsAsync(ApiSession api, string url)
    {
        var answer = await api.GetAsync(url);
        Assert.True(answer.Status == HttpStatusCode.OK, $"{url}: {(int)answer.Status} {answer.Body}");
        return [.. answer.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
    }
}
