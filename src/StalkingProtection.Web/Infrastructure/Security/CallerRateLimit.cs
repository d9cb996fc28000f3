using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace StalkingProtection.Web.Infrastructure.Security;

public sealed class CallerRateLimitOptions
{
    public const string SectionName = "StalkingProtection:CallerLimits";

    /// <summary>Requests a minute for each signed-in member of staff: far above what a person clicks, far below a script.</summary>
    public int StaffRequestsPerMinute { get; set; } = 600;

    /// <summary>Requests a minute for each API client (a force's records system syncs in bursts).</summary>
    public int ApiRequestsPerMinute { get; set; } = 6000;
}

/// <summary>
/// ASVS V2.4.1: every signed-in caller, a member of staff or an API client, has a budget of requests, so that a stolen
/// session or key cannot page through the force's records at machine speed. A quarter of a minute's budget may be
/// spent at once; the rest refills evenly. Anonymous requests are limited where they write (the public forms, sign-in).
/// </summary>
public static class CallerRateLimit
{
    public static IServiceCollection AddCallerRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CallerRateLimitOptions>().Bind(configuration.GetSection(CallerRateLimitOptions.SectionName))
            .Validate(o => o.StaffRequestsPerMinute >= 60 && o.ApiRequestsPerMinute >= 60,
                "StalkingProtection:CallerLimits: StaffRequestsPerMinute and ApiRequestsPerMinute must each be at least 60.")
            .ValidateOnStart();
        return services;
    }

    public static PartitionedRateLimiter<HttpContext> Limiter() => PartitionedRateLimiter.Create<HttpContext, string>(context =>
    {
        var caller = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        // The error page that explains a refusal is shown again through the pipeline; it must not be refused in turn.
        if (caller is null || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            return RateLimitPartition.GetNoLimiter("anonymous");
        }

        var limits = context.RequestServices.GetRequiredService<IOptions<CallerRateLimitOptions>>().Value;
        var perMinute = caller.StartsWith("api:", StringComparison.Ordinal) ? limits.ApiRequestsPerMinute : limits.StaffRequestsPerMinute;
        return RateLimitPartition.GetTokenBucketLimiter(caller, _ => Bucket(perMinute));
    });

    public static TokenBucketRateLimiterOptions Bucket(int perMinute) => new()
    {
        TokenLimit = Math.Max(1, perMinute / 4),
        TokensPerPeriod = Math.Max(1, perMinute / 60),
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
