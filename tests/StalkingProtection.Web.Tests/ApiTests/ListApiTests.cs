using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Integration;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Search;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.ApiTests;

/// <summary>GET /api/v1/cases, /applications and /respondents: a records system finds records, page by page, and keeps in step.</summary>
public class ListApiTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task ListCases_ByTeamTwoToAPage_ReturnsThemEarliestReportedFirst_NeverAnotherTeamsCase_AndAuditsEachPage()
    {
        // Arrange
        var team = NewTeam("Api cases");
        var data = new TestData(factory.Database);
        var second = await data.CreateCaseAsync(c => c.InTeam(team).Reported(new DateOnly(2026, 3, 2)));
        var first = await data.CreateCaseAsync(c => c.InTeam(team).Reported(new DateOnly(2026, 3, 1)));
        var third = await data.CreateCaseAsync(c => c.InTeam(team).Reported(new DateOnly(2026, 3, 3)));
        var otherTeams = await data.CreateCaseAsync(c => c.InTeam(NewTeam("Api other")).Reported(new DateOnly(2026, 3, 2)));
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);
        var audited = await CountAuditAsync("Api.Cases.Listed");

        // Act
        var one = await api.GetAsync($"/api/v1/cases?team={Uri.EscapeDataString(team)}&limit=2");
        var two = await api.GetAsync(one.Json.GetProperty("next").GetString()!);

        // Assert
        Assert.Equal(HttpStatusCode.OK, one.Status);
        Assert.Equal([first.CaseId, second.CaseId], Ids(one));
        Assert.Equal([third.CaseId], Ids(two));
        Assert.False(two.Json.TryGetProperty("next", out _));
        Assert.DoesNotContain(otherTeams.CaseId, Ids(one).Concat(Ids(two)));
        var item = one.Json.GetProperty("items")[0];
        Assert.Equal("2026-03-01", item.GetProperty("reportedOn").GetString());
        Assert.Equal("Open", item.GetProperty("status").GetString());
        Assert.Equal(team, item.GetProperty("team").GetString());
        Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("respondentName").GetString()));
        Assert.Equal(audited + 2, await CountAuditAsync("Api.Cases.Listed", AuditKind.Consultation));
    }

    [Fact]
    public async Task ListCases_ChangedSince_ReturnsOnlyCasesTheAuditLogShowsOpenedOrAlteredSince()
    {
        // Arrange
        var team = NewTeam("Api changed");
        var data = new TestData(factory.Database);
        var reassigned = await data.CreateCaseAsync(c => c.InTeam(team).Reported(new DateOnly(2026, 1, 5)));
        var opened = await data.CreateCaseAsync(c => c.InTeam(team).Reported(new DateOnly(2026, 2, 10)));
        var untouched = await data.CreateCaseAsync(c => c.InTeam(team).Reported(new DateOnly(2026, 1, 6)));
        await data.WithServicesAsync(new DateOnly(2026, 3, 1), s => s.Cases.ReassignAsync(
            new ReassignCaseOptions(reassigned.CaseId, "PC Other Officer", team, "Officer moved", null), TestData.Officer));
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);
        var inTeam = $"/api/v1/cases?team={Uri.EscapeDataString(team)}";

        // Act
        var sinceFebruary = await api.GetAsync($"{inTeam}&changedSince=2026-02-01T00:00:00Z");
        var sinceLateFebruary = await api.GetAsync($"{inTeam}&changedSince=2026-02-20T00:00:00%2B01:00");
        var byOfficer = await api.GetAsync($"{inTeam}&officer={Uri.EscapeDataString("PC Other Officer")}");
        var closed = await api.GetAsync($"{inTeam}&status=closed");

        // Assert
        Assert.Equal([reassigned.CaseId, opened.CaseId], Ids(sinceFebruary));
        Assert.Equal([reassigned.CaseId], Ids(sinceLateFebruary));
        Assert.DoesNotContain(untouched.CaseId, Ids(sinceFebruary));
        Assert.Equal([reassigned.CaseId], Ids(byOfficer));
        Assert.Empty(Ids(closed));
    }

    [Fact]
    public async Task ListApplications_ByTeam_ReturnsThemEarliestStartedFirst_NeverAnotherTeamsApplication_AndFiltersByStatus()
    {
        // Arrange
        var team = NewTeam("Api applications");
        var data = new TestData(factory.Database);
        var first = await data.CreateApplicationAsync(a => a.WithCase(c => c.InTeam(team).Reported(new DateOnly(2026, 2, 1))));
        var second = await data.CreateApplicationAsync(a => a.WithCase(c => c.InTeam(team).Reported(new DateOnly(2026, 2, 8))));
        var otherTeams = await data.CreateApplicationAsync(a => a.WithCase(c => c.InTeam(NewTeam("Api other")).Reported(new DateOnly(2026, 2, 3))));
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);
        var inTeam = $"/api/v1/applications?team={Uri.EscapeDataString(team)}";

        // Act
        var one = await api.GetAsync($"{inTeam}&limit=1");
        var two = await api.GetAsync(one.Json.GetProperty("next").GetString()!);
        var lodged = await api.GetAsync($"{inTeam}&status=Lodged");
        var drafts = await api.GetAsync($"{inTeam}&status=Draft");

        // Assert
        Assert.Equal([first.ApplicationId], Ids(one));
        Assert.Equal([second.ApplicationId], Ids(two));
        Assert.DoesNotContain(otherTeams.ApplicationId, Ids(one).Concat(Ids(two)));
        Assert.Equal([first.ApplicationId, second.ApplicationId], Ids(lodged));
        Assert.Empty(Ids(drafts));
        var item = one.Json.GetProperty("items")[0];
        Assert.Equal("Full", item.GetProperty("type").GetString());
        Assert.Equal("Lodged", item.GetProperty("stage").GetString());
        Assert.Equal(team, item.GetProperty("team").GetString());
    }

    [Fact]
    public async Task ListRespondents_ByPncIdOrByAnyNameTheyAreKnownByWithDateOfBirth_FindsOnlyThatRespondent_AndIsAConsultation()
    {
        // Arrange
        var team = NewTeam("Api respondents");
        var data = new TestData(factory.Database);
        var wanted = await data.CreateCaseAsync(c => c.InTeam(team).RespondentBornOn(new DateOnly(1979, 2, 3)));
        var other = await data.CreateCaseAsync(c => c.InTeam(team).RespondentBornOn(new DateOnly(1979, 2, 3)));
        var pnc = $"26/{Random.Shared.Next(100000, 999999)}Q";
        var familyName = $"Quorn{Guid.NewGuid():N}"[..14];
        await factory.WithDbAsync(async db =>
        {
            var personId = await db.Respondents.Where(r => r.Id == wanted.RespondentId).Select(r => r.PersonId).SingleAsync();
            await db.People.Where(p => p.Id == personId).ExecuteUpdateAsync(p => p.SetProperty(x => x.PncId, pnc).SetProperty(x => x.PncIdKey, ReferenceKeys.PncId(pnc)));
            return await db.Set<PersonName>().Where(n => n.PersonId == personId).ExecuteUpdateAsync(n => n.SetProperty(x => x.FamilyName, familyName).SetProperty(x => x.FamilySearchKey, PersonName.SearchKey(familyName)));
        });
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);
        var audited = await CountAuditAsync("Api.Respondents.Listed");

        // Act
        // The PNC ID in its long form, in small letters and with spaces: matched by its key as the lookup and the search match it.
        var byPnc = await api.GetAsync($"/api/v1/respondents?pncId={Uri.EscapeDataString($" 20{pnc[..3]}0{pnc[3..]} ".ToLowerInvariant())}");
        var byName = await api.GetAsync($"/api/v1/respondents?familyName={Uri.EscapeDataString(familyName.ToLowerInvariant())}&dateOfBirth=1979-02-03");
        var wrongBirthday = await api.GetAsync($"/api/v1/respondents?familyName={Uri.EscapeDataString(familyName)}&dateOfBirth=1979-02-04");
        var byTeam = await api.GetAsync($"/api/v1/respondents?team={Uri.EscapeDataString(team)}");

        // Assert
        Assert.Equal([wanted.RespondentId], Ids(byPnc));
        Assert.Equal([wanted.RespondentId], Ids(byName));
        Assert.Empty(Ids(wrongBirthday));
        Assert.Equal(new[] { wanted.RespondentId, other.RespondentId }.Order(), Ids(byTeam).Order());
        var item = byPnc.Json.GetProperty("items")[0];
        Assert.Equal(familyName, item.GetProperty("familyName").GetString());
        Assert.Equal("1979-02-03", item.GetProperty("dateOfBirth").GetString());
        Assert.Equal(audited + 4, await CountAuditAsync("Api.Respondents.Listed", AuditKind.Consultation));
    }

    [Theory]
    [InlineData("/api/v1/cases?status=Nope&cursor=not-a-cursor&limit=0&changedSince=2026-03-01", "changedSince,cursor,limit,status")]
    [InlineData("/api/v1/cases?status=2", "status")]
    [InlineData("/api/v1/applications?status=Granted&changedSince=2026-03-01T10:00:00", "changedSince,status")]
    [InlineData("/api/v1/respondents?familyName=Smith&limit=101", "dateOfBirth,limit")]
    [InlineData("/api/v1/respondents?dateOfBirth=1979-02-31&familyName=Smith", "dateOfBirth")]
    [InlineData("/api/v1/cases?sort=reported", "sort")]
    public async Task Lists_BadFilters_AnswerOneProblemNamingEachField(string url, string fields)
    {
        // Arrange
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);

        // Act
        var answer = await api.GetAsync(url);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(fields.Split(','), answer.Fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Lists_ACursorOfAnotherList_IsRefusedNamingTheCursor()
    {
        // Arrange
        var team = NewTeam("Api cursor");
        var data = new TestData(factory.Database);
        await data.CreateApplicationAsync(a => a.WithCase(c => c.InTeam(team)));
        await data.CreateApplicationAsync(a => a.WithCase(c => c.InTeam(team)));
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);
        var applications = await api.GetAsync($"/api/v1/applications?team={Uri.EscapeDataString(team)}&limit=1");
        var cursor = new Uri("http://x" + applications.Json.GetProperty("next").GetString()).Query.Split('&').Single(p => p.Contains("cursor=", StringComparison.Ordinal)).Split('=')[1];

        // Act
        var cases = await api.GetAsync($"/api/v1/cases?cursor={cursor}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, cases.Status);
        Assert.Equal(["cursor"], cases.Fields);
    }

    [Theory]
    [InlineData("/api/v1/cases", typeof(CaseStatus))]
    [InlineData("/api/v1/applications", typeof(Core.Applications.ApplicationListFilter))]
    [InlineData("/api/v1/orders", typeof(Core.Orders.OrderListFilter))]
    public async Task OpenApiDocument_ListsTheValuesOfEachListsStatusFilter(string path, Type values)
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        // Assert
        var status = json.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "status");
        Assert.Equal(Enum.GetNames(values), status.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString()!));
    }

    private static string NewTeam(string name) => $"{name} {Guid.NewGuid():N}"[..40];

    private Task<int> CountAuditAsync(string action, AuditKind? kind = null) =>
        factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == action && (kind == null || e.Kind == kind)));

    private static List<Guid> Ids(ApiAnswer answer) =>
        [.. answer.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
}
