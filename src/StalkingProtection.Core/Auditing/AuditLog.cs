using System.Text.Json;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Auditing;

/// <summary>Adds audit entries to the unit of work, so they commit in the same transaction as the change.</summary>
/// <remarks>Consultations go through the shared <see cref="ConsultationWriter"/>; without one each is saved with this DbContext.</remarks>
public sealed class AuditLog(StalkingProtectionDbContext db, TimeProvider timeProvider, ConsultationWriter? writer = null)
{
    private static readonly JsonSerializerOptions _json = new() { WriteIndented = false };

    public AuditEntry Add(Actor actor, AuditEvent auditEvent)
    {
        var entry = Create(actor, auditEvent);
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>
    /// Records a consultation and returns once it is durable: a read has no other change to ride with, so it is committed
    /// with the consultations of concurrent reads by the shared writer. A unit of work that does hold changes or an open
    /// transaction commits the entry with them, as before, so the entry and the change stand or fall together.
    /// </summary>
    public Task RecordConsultationAsync(Actor actor, AuditEvent consultation, CancellationToken ct = default) =>
        RecordConsultationsAsync(actor, [consultation], ct);

    /// <summary>One read's consultations (a lookup and each person it showed), durable together before the read answers.</summary>
    public async Task RecordConsultationsAsync(Actor actor, IReadOnlyList<AuditEvent> consultations, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(consultations);
        foreach (var consultation in consultations)
        {
            ArgumentNullException.ThrowIfNull(consultation);
            ArgumentOutOfRangeException.ThrowIfNotEqual(consultation.Kind, AuditKind.Consultation);
        }

        if (writer is null || db.Database.CurrentTransaction is not null || db.ChangeTracker.HasChanges())
        {
            foreach (var consultation in consultations)
            {
                Add(actor, consultation);
            }

            await db.SaveChangesAsync(ct);
            return;
        }

        await writer.WriteAsync([.. consultations.Select(c => Create(actor, c))], ct);
    }

    internal AuditEntry Create(Actor actor, AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        return new AuditEntry
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
    }
}
