using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Integration;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.ApiTests;

/// <summary>ASVS V13.2.1: every API key stops working by itself after the configured lifetime, and a rotation gives a new one.</summary>
public class ApiKeyExpiryTests(ApiKeyExpiryTests.ThirtyDayKeysFactory factory) : IClassFixture<ApiKeyExpiryTests.ThirtyDayKeysFactory>
{
    private static readonly TimeSpan _lifetime = TimeSpan.FromDays(30);

    [Fact]
    public async Task V13_2_1_Key_WorksUntilItsExpiryThenAnswers401SayingItHasExpired()
    {
        // Arrange
        var (client, key) = await CreateAsync();
        var api = ApiSession.WithKey(factory, key);
        var notAKey = ApiSession.WithKey(factory, key[..^4] + "AAAA");

        // Act
        factory.Clock.Advance(_lifetime - TimeSpan.FromSeconds(1));
        var justBefore = await api.GetAsync("/api/v1/client");
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var atExpiry = await api.GetAsync("/api/v1/client");
        var wrongKeyAtExpiry = await notAKey.GetAsync("/api/v1/client");

        // Assert
        Assert.Equal(client.CreatedAt + _lifetime, client.KeyExpiresAt);
        Assert.Equal(HttpStatusCode.OK, justBefore.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, atExpiry.Status);
        Assert.Equal("application/problem+json", atExpiry.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("The API key has expired", atExpiry.Json.GetProperty("title").GetString());
        Assert.DoesNotContain(client.Name, atExpiry.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKeyAtExpiry.Status);
        Assert.Equal("An API key is required", wrongKeyAtExpiry.Json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task V13_2_1_RotatedKey_GetsANewExpiry_AndTheOldKeyNeverOutlivesItsOwn()
    {
        // Arrange
        var (client, oldKey) = await CreateAsync();
        factory.Clock.Advance(_lifetime - TimeSpan.FromHours(1));
        var rotatedAt = factory.Clock.GetUtcNow();

        // Act
        var newKey = await WithServiceAsync(s => s.RotateAsync(client.Id, Actor.System));
        factory.Clock.Advance(TimeSpan.FromHours(1));
        var oldAfterItsExpiry = await ApiSession.WithKey(factory, oldKey).GetAsync("/api/v1/client");
        var newAfterTheOldExpiry = await ApiSession.WithKey(factory, newKey).GetAsync("/api/v1/client");

        // Assert
        var saved = await factory.WithDbAsync(db => db.Set<ApiClient>().SingleAsync(c => c.Id == client.Id));
        Assert.Equal(rotatedAt + _lifetime, saved.KeyExpiresAt);
        Assert.Equal(client.KeyExpiresAt, saved.PreviousKeyValidUntil);
        Assert.Equal(HttpStatusCode.Unauthorized, oldAfterItsExpiry.Status);
        Assert.Equal(HttpStatusCode.OK, newAfterTheOldExpiry.Status);
    }

    private Task<(ApiClient Client, string Key)> CreateAsync() =>
        WithServiceAsync(s => s.CreateAsync(new CreateApiClientOptions($"Records system {Guid.NewGuid():N}", ApiScope.Read, false), Actor.System));

    private async Task<T> WithServiceAsync<T>(Func<ApiClientService, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ApiClientService>());
    }

    public sealed class ThirtyDayKeysFactory : WebAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["StalkingProtection:Api:KeyLifetimeDays"] = "30",
            ["StalkingProtection:Api:KeyRotationOverlap"] = "1.00:00:00",
        };
    }
}
