using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Integration;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.ApiTests;

public class ApiAccessTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Get_WithoutKey_Answers401ProblemDetails()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync("/api/v1/client");

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_WithValidKey_NamesTheClientAndItsScope()
    {
        // Arrange
        var (_, key) = await CreateClientAsync(ApiScope.Read);
        var client = factory.CreateBrowser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        // Act
        var response = await client.GetAsync("/api/v1/client");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Read", json.RootElement.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Get_WithRevokedKey_Answers401()
    {
        // Arrange
        var (apiClient, key) = await CreateClientAsync(ApiScope.ReadWrite);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ApiClientService>().RevokeAsync(apiClient.Id, Actor.System);
        }

        var client = factory.CreateBrowser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        // Act
        var response = await client.GetAsync("/api/v1/client");

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Key_IsStoredOnlyAsAHash()
    {
        // Arrange
        var (apiClient, key) = await CreateClientAsync(ApiScope.Read);

        // Act
        var stored = await factory.WithDbAsync(db => db.Set<ApiClient>().AsNoTracking().SingleAsync(c => c.Id == apiClient.Id));

        // Assert
        Assert.DoesNotContain(key[^20..], stored.KeyHash, StringComparison.Ordinal);
        Assert.Equal(ApiClient.Hash(key), stored.KeyHash);
    }

    [Fact]
    public async Task Get_OpenApiDocument_DescribesTheApi()
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync("/openapi/v1.json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Stalking Protection API", json.RootElement.GetProperty("info").GetProperty("title").GetString());
        Assert.True(json.RootElement.GetProperty("paths").TryGetProperty("/api/v1/client", out _));
    }

    private async Task<(ApiClient Client, string Key)> CreateClientAsync(ApiScope scope)
    {
        await using var services = factory.Services.CreateAsyncScope();
        return await services.ServiceProvider.GetRequiredService<ApiClientService>().CreateAsync($"Test {Guid.NewGuid():N}", scope, Actor.System);
    }
}
