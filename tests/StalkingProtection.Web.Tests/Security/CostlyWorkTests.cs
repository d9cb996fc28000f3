using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Web.Infrastructure;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.Security;

/// <summary>ASVS V15.1.3: the functions whose cost grows with the records wait for one of a few places.</summary>
public class CostlyWorkTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("/workspace/statistics")]
    [InlineData("/workspace/audit")]
    [InlineData("/workspace/import-tracker")]
    [InlineData("/workspace/export-register")]
    public void V15_1_3_CostlyPage_WaitsForAPlaceWithTheOtherCostlyWork(string path)
    {
        // Arrange
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

        // Act
        var endpoint = endpoints.Single(e => "/" + e.RoutePattern.RawText!.TrimStart('/') == path);
        var limiting = endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>();

        // Assert
        Assert.Equal(CostlyWork.Policy, limiting?.PolicyName);
    }

    [Fact]
    public async Task CostlyWork_WhenEveryPlaceIsTaken_QueuesInTurnThenRefuses()
    {
        // Arrange
        using var limiter = new ConcurrencyLimiter(CostlyWork.LimiterOptions(atOnce: 1));
        var running = limiter.AttemptAcquire();
        var waiting = Enumerable.Range(0, CostlyWork.QueueLimit).Select(_ => limiter.AcquireAsync().AsTask()).ToList();

        // Act
        using var refused = await limiter.AcquireAsync();
        var queuedBeforeRelease = waiting.Count(w => w.IsCompleted);
        running.Dispose();
        using var first = await waiting[0];

        // Assert
        Assert.True(running.IsAcquired);
        Assert.False(refused.IsAcquired);
        Assert.Equal(0, queuedBeforeRelease);
        Assert.True(first.IsAcquired);
        Assert.All(waiting.Skip(1), w => Assert.False(w.IsCompleted));
    }
}
