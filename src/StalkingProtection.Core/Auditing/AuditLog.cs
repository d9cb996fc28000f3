using System.Text.Json;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Auditing;

/// <summary>Adds audit entries to the unit of work, so they commit in the same transaction as the change.</summary>
public sealed class AuditLog(StalkingProtectionDbContext db, TimeProvider timeProvider)
{
    private static readonly JsonSerializerOptions _json = new() { WriteIndented = false };

    public AuditEntry Add(Actor actor, AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var entry = new AuditEntry
        {
            OccurredAt = timeProvider.GetUtcNow(),
            ActorId = actor.Id,
            ActorName = actor.Name,
            ActorRole = actor.Role,
            Kind = auditEvent.Kind,
            Action = auditEvent.Action,
            RecordType = auditEvent.RecordType,
            RecordId = auditEvent.RecordId?.ToString(),
            Justification = auditEvent.Justification,
            OldValues = auditEvent.OldValues is null ? null : JsonSerializer.Serialize(auditEvent.OldValues, _json),
            NewValues = auditEvent.NewValues is null ? null : JsonSerializer.Serialize(auditEvent.NewValues, _json),
            CorrelationId = System.Diagnostics.Activity.Current?.TraceId.ToString(),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>Records a consultation and saves at once: a read has no other change to ride with.</summary>
    public async Task RecordConsultationAsync(Actor actor, AuditEvent consultation, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        ArgumentOutOfRangeException.ThrowIfNotEqual(consultation.Kind, AuditKind.Consultation);
        Add(actor, consultation);
        await db.SaveChangesAsync(ct);
    }
}
