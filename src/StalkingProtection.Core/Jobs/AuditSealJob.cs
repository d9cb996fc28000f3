using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Auditing;

namespace StalkingProtection.Core.Jobs;

/// <summary>
/// S3: every interval, on whichever instance holds the lease, seals the settled audit entries into the hash chain and
/// logs the chain's head. The log goes outside the database, so the heads it keeps show whether the chain was rebuilt.
/// A failed run loses nothing: the entries stay unsealed and the next run seals them.
/// </summary>
public sealed class AuditSealJob(IServiceScopeFactory scopes, IOptions<JobOptions> options, TimeProvider timeProvider, ILogger<AuditSealJob> logger)
    : LeasedJob<AuditSealResult>(scopes, timeProvider, logger)
{
    /// <summary>The event a log collector ships off the machine and keeps: the chain head after each seal (ASVS V16.4.3).</summary>
    public static readonly EventId ChainHeadEvent = new(5100, "AuditChainHead");

    protected override string LeaseName => JobLease.AuditSeal;

    protected override bool Enabled => options.Value.SealAudit;

    protected override TimeSpan Interval => options.Value.AuditSealInterval;

    protected override async Task<AuditSealResult> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var result = await services.GetRequiredService<AuditChain>().SealAsync(TimeProvider.GetUtcNow(), ct);
        if (result.Sealed > 0)
        {
            logger.LogInformation(ChainHeadEvent, "Audit chain sealed {Sealed} entries; head is entry {EntryId} with chain hash {ChainHash}",
                result.Sealed, result.LastSealedEntryId, result.HeadHash);
        }

        return result;
    }
}
