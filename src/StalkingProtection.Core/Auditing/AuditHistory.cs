using Microsoft.EntityFrameworkCore;

namespace StalkingProtection.Core.Auditing;

/// <summary>What was done to a set of records, newest first, as the case and order pages show it on their timelines.</summary>
public static class AuditHistory
{
    public const int MaxEntries = 200;

    /// <summary>
    /// The entries naming any of <paramref name="recordIds"/>, whatever the records' types, consultations left out, newest
    /// first. Read through the partial index of changes by record id (P2: a page view never reads the whole audit log, which
    /// only grows, nor the record's consultations).
    /// Newest first and the limit are applied here, not by the database: asked for "newest first, the first 200", PostgreSQL
    /// reads the whole log backwards by id when the record has many entries (each view of an order is one), expecting
    /// to meet 200 changes soon, and finds none among the consultations.
    /// </summary>
    public static async Task<List<AuditEntry>> OfRecordsAsync(this IQueryable<AuditEntry> entries, IEnumerable<string> recordIds, CancellationToken ct = default)
    {
        var keys = recordIds.Distinct().ToList();
        var found = await entries.AsNoTracking()
            .Where(e => e.RecordId != null && keys.Contains(e.RecordId) && e.Kind != AuditKind.Consultation)
            .ToListAsync(ct);
        return found.OrderByDescending(e => e.Id).Take(MaxEntries).ToList();
    }
}
