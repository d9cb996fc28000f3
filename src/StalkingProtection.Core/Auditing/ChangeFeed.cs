using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Auditing;

/// <summary>One record created or changed, as the change feed tells it: its place in the feed, which record, what was done and when; never the values.</summary>
public sealed record RecordChange(long Position, string RecordType, string RecordId, AuditKind Kind, string Action, DateTimeOffset OccurredAt);

/// <summary>
/// The change feed a force's records system keeps in step by: the audit log's changes to records (collections,
/// alterations, combinations and erasures) in id order, up to the head of the sealed chain. The sealer seals in id order and
/// only entries past <see cref="AuditChain.SettleTime"/>, so every entry at or below the head has committed and none can
/// commit there afterwards: a reader that pages on from the last position it was given never misses or repeats a change.
/// </summary>
public sealed class ChangeFeed(StalkingProtectionDbContext db)
{
    /// <summary>Up to <paramref name="take"/> changes after <paramref name="after"/> (0 for the start), oldest first.</summary>
    public Task<List<RecordChange>> ReadAsync(long after, int take, CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking()
            .Where(e => e.Id > after && e.Id <= db.AuditSeals.Max(s => (long?)s.EntryId) && e.RecordId != null
                && (e.Kind == AuditKind.Collection || e.Kind == AuditKind.Alteration || e.Kind == AuditKind.Combination || e.Kind == AuditKind.Erasure))
            .OrderBy(e => e.Id)
            .Take(take)
            .Select(e => new RecordChange(e.Id, e.RecordType, e.RecordId!, e.Kind, e.Action, e.OccurredAt))
            .ToListAsync(ct);
}
