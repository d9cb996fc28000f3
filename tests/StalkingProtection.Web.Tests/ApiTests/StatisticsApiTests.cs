using System.Net;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Integration;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.ApiTests;

/// <summary>GET /api/v1/statistics: the statistics page's figures for a period, counts only, audited like the page.</summary>
public class StatisticsApiTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task GetStatistics_Period_ReturnsThePagesFiguresWithMonthsTeamsAndMediansAndAuditsTheRead()
    {
        // Arrange
        var team = "Api stats " + Guid.NewGuid().ToString("N")[..8];
        var data = new TestData(factory.Database);
        await data.CreateOrderAsync(o => o.Full().MadeOn(new DateOnly(2024, 9, 10)).WithCase(c => c.InTeam(team)));
        await data.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2024, 10, 2)).WithCase(c => c.InTeam(team)));
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);

        // Act
        var response = await api.GetAsync("/api/v1/statistics?from=2024-09-01&to=2024-10-31");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var json = response.Json;
        Assert.Equal("2024-09-01", json.GetProperty("period").GetProperty("from").GetString());
        Assert.Equal(1, json.GetProperty("ordersMadeByKind").GetProperty("Full").GetInt32());
        Assert.Equal(1, json.GetProperty("ordersMadeByKind").GetProperty("Interim").GetInt32());
        var months = json.GetProperty("byMonth").EnumerateArray().Select(m => (m.GetProperty("month").GetInt32(), m.GetProperty("ordersMade").GetInt32())).ToList();
        Assert.Equal([(9, 1), (10, 1)], months);
        var teamFigures = json.GetProperty("byTeam").EnumerateArray().Single(t => t.GetProperty("team").GetString() == team);
        Assert.Equal(2, teamFigures.GetProperty("ordersMade").GetInt32());
        Assert.Equal(2m, json.GetProperty("applicationToOrder").GetProperty("days").GetDecimal());
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Statistics.Viewed" && e.NewValues!.Contains("\"format\":\"api\""))));
    }

    [Theory]
    [InlineData("/api/v1/statistics?to=2024-10-31", "from")]
    [InlineData("/api/v1/statistics?from=2024-02-30&to=2024-10-31", "from")]
    [InlineData("/api/v1/statistics?from=2024-11-01&to=2024-10-31", "from")]
    [InlineData("/api/v1/statistics?from=2024-01-01&to=2099-01-01", "to")]
    [InlineData("/api/v1/statistics?from=2024-01-01&to=2024-10-31&foi=true", "foi")]
    public async Task GetStatistics_BadPeriod_AnswersProblemDetailsNamingTheField(string url, string field)
    {
        // Arrange
        var api = await ApiSession.CreateAsync(factory, ApiScope.Read);

        // Act
        var response = await api.GetAsync(url);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains(response.Json.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
    }
}
