using System.Text.Json;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Auditing;

/// <summary>Adds audit entries to the unit of work, so they commit in the same transaction as the change.</summary>
/// <remarks>Consultations go through the shared <see cref="ConsultationWriter"/>; without one each is saved with this DbContext.</remarks>
public sealed class AuditLog(StalkingProtectionDbContext db, TimeProvider timeProvider, ConsultationWriter? consultations = null)
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
        var entry = Create(actor, kind, action, recordType, recordId, justification, oldValues, newValues);
        db.AuditEntries.Add(entry);
        return entry;
    }

    private AuditEntry Create(
        Actor actor, AuditKind kind, string action, string recordType, object? recordId, string? justification, object? oldValues, object? newValues) =>
        new()
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

    /// <summary>
    /// Records a consultation and returns once it is durable: a read has no other change to ride with, so it is committed
    /// with the consultations of concurrent reads by the shared writer. A unit of work that does hold changes or an open
    /// transaction commits the entry with them, as before, so the entry and the change stand or fall together.
    /// </summary>
    public async Task RecordConsultationAsync(
        Actor actor, string action, string recordType, object? recordId, string? justification, CancellationToken ct = default)
    {
        if (consultations is null || db.Database.CurrentTransaction is not null || db.ChangeTracker.HasChanges())
        {
            Add(actor, AuditKind.Consultation, action, recordType, recordId, justification);
            await db.SaveChangesAsync(ct);
            return;
        }

        await consultations.WriteAsync(Create(actor, AuditKind.Consultation, action, recordType, recordId, justification, null, null), ct);
    }
}
