using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Jobs;

public sealed class JobOptions
{
    public const string SectionName = "StalkingProtection:Jobs";

    public bool RunDeadlineChecks { get; set; } = true;

    public TimeSpan DeadlineCheckInterval { get; set; } = TimeSpan.FromMinutes(15);

    public bool SealAudit { get; set; } = true;

    public TimeSpan AuditSealInterval { get; set; } = TimeSpan.FromMinutes(1);

    public bool CountStatistics { get; set; } = true;

    public TimeSpan StatisticsInterval { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Marks overdue notifications (R33) and raises renewal, review, PNC, service and interim-ending tasks (R23, R42)
/// every interval, on whichever instance holds the lease. The check itself is idempotent, so a second run changes nothing.
/// </summary>
public sealed class DeadlineCheckJob(IServiceScopeFactory scopes, IOptions<JobOptions> options, TimeProvider timeProvider, ILogger<DeadlineCheckJob> logger)
    : LeasedJob<DeadlineCheckResult>(scopes, timeProvider, logger)
{
    protected override string LeaseName => JobLease.DeadlineCheck;

    protected override bool Enabled => options.Value.RunDeadlineChecks;

    protected override TimeSpan Interval => options.Value.DeadlineCheckInterval;

    protected override Task<DeadlineCheckResult> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        // R23, R42: the lead times and the review cadence are the force's configurable rule set.
        var rules = services.GetRequiredService<IOptions<LegalRuleSet>>().Value;
        var settings = new DeadlineCheckSettings(RenewalLeadDays: rules.RenewalLeadDays, ReviewIntervalDays: rules.ReviewCadenceDays);
        return services.GetRequiredService<DeadlineCheckService>().RunAsync(TimeProvider.GetUtcNow(), settings, ct);
    }
}
