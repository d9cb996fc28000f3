using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace StalkingProtection.Web.Infrastructure;

/// <summary>
/// ASVS V15.1.3: the functions whose cost grows with the force's records (statistics, the audit log search, the
/// tracker import and the register download) share a few places at a time across the instance, so that a burst of them
/// waits its turn instead of taking the processor from officers at a door and from the public site.
/// </summary>
public static class CostlyWork
{
    public const string Policy = "costly-work";

    /// <summary>Requests that wait for a place before the next is answered 429.</summary>
    public const int QueueLimit = 16;

    public static void AddPolicy(RateLimiterOptions options) =>
        options.AddPolicy(Policy, context => RateLimitPartition.GetConcurrencyLimiter(
            Policy,
            _ => LimiterOptions(context.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value.CostlyWorkAtOnce)));

    public static ConcurrencyLimiterOptions LimiterOptions(int atOnce) => new()
    {
        PermitLimit = atOnce,
        QueueLimit = QueueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    };
}
