using System.Text.Json;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Auditing;

/// <summary>Adds audit entries to the unit of work, so they commit in the same transaction as the change.</summary>
public sealed class AuditLog(StalkingProtectionDbContext db, TimeProvider timeProvider)
{
    private static readonly JsonSerializerOptions _json = new() { WriteIndented = false };

    public AuditEntry Add(
        Actor actor,
        AuditKind kind,
        string action,
        string recordType,
        object? recordId,
        string? justification = null,
        object? oldValues = null,
        object? newValues = null)
    {
        var entry = new AuditEntry
        {
            OccurredAt = timeProvider.GetUtcNow(),
            ActorId = actor.Id,
            ActorName = actor.Name,
            ActorRole = actor.Role,
            Kind = kind,
            Action = action,
            RecordType = recordType,
            RecordId = recordId?.ToString(),
            Justification = justification,
            OldValues = oldValues is null ? null : JsonSerializer.Serialize(oldValues, _json),
            NewValues = newValues is null ? null : JsonSerializer.Serialize(newValues, _json),
            CorrelationId = System.Diagnostics.Activity.Current?.TraceId.ToString(),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>Records a consultation and saves at once: a read has no other change to ride with.</summary>
    public async Task RecordConsultationAsync(
        Actor actor, string action, string recordType, object? recordId, string? justification, CancellationToken ct = default)
    {
        Add(actor, AuditKind.Consultation, action, recordType, recordId, justification);
        await db.SaveChangesAsync(ct);
    }
}
