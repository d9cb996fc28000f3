using System.Net;
using System.Text.Json;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests;

public class HealthTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Get_Health_ReportsDatabaseReachableAndMigrated()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync("/health");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }
}
