using System.Net;
using StalkingProtection.Core.Integration;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Tests.ApiTests;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.Security;

public sealed class SmallCallerBudgetsFactory : WebAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["StalkingProtection:CallerLimits:StaffRequestsPerMinute"] = "60",
        ["StalkingProtection:CallerLimits:ApiRequestsPerMinute"] = "60",
    };
}

/// <summary>ASVS V2.4.1: each signed-in member of staff and each API client has its own budget of requests.</summary>
public class CallerRateLimitTests(SmallCallerBudgetsFactory factory) : IClassFixture<SmallCallerBudgetsFactory>
{
    // A budget of 60 a minute lets 15 through at once and refills one a second: 40 requests in a row overrun it
    // unless they take longer than 25 seconds.
    private const int Requests = 40;

    [Fact]
    public async Task V2_4_1_StaffMemberOverTheirBudget_GetsTheBusyPageWithRetryAfter_WhileAnotherOfficerIsServed()
    {
        // Arrange
        var scraper = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer));
        var colleague = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Officer));

        // Act
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < Requests; i++)
        {
            answers.Add(await scraper.GetAsync(new Uri("/workspace/cases", UriKind.Relative), TestContext.Current.CancellationToken));
        }

        using var colleagues = await colleague.GetAsync(new Uri("/workspace/cases", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, answers[0].StatusCode);
        var refused = answers.FirstOrDefault(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "A refused request says when to try again.");
        Assert.Contains("Sorry, the service is busy", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, colleagues.StatusCode);
    }

    [Fact]
    public async Task V2_4_1_ApiClientOverItsBudget_Gets429ProblemDetails_WhileAnotherClientIsServed()
    {
        // Arrange
        var greedy = await ApiSession.CreateAsync(factory, ApiScope.Read);
        var other = await ApiSession.CreateAsync(factory, ApiScope.Read);

        // Act
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < Requests; i++)
        {
            answers.Add(await greedy.Client.GetAsync(new Uri("/api/v1/orders", UriKind.Relative), TestContext.Current.CancellationToken));
        }

        using var others = await other.Client.GetAsync(new Uri("/api/v1/orders", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, answers[0].StatusCode);
        var refused = answers.FirstOrDefault(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "A refused request says when to try again.");
        Assert.Equal(HttpStatusCode.OK, others.StatusCode);
    }

    [Fact]
    public void V2_4_1_Budget_LetsAQuarterMinuteThroughAtOnceAndRefillsEverySecond()
    {
        // Act
        var bucket = CallerRateLimit.Bucket(600);

        // Assert
        Assert.Equal(150, bucket.TokenLimit);
        Assert.Equal(10, bucket.TokensPerPeriod);
        Assert.Equal(TimeSpan.FromSeconds(1), bucket.ReplenishmentPeriod);
        Assert.Equal(0, bucket.QueueLimit);
    }
}
