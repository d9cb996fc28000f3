namespace StalkingProtection.Core.Auditing;

/// <summary>
/// One kind of audit entry: the action name stored with it, its kind and the type of record it names. The names are read by the
/// audit viewer, the change feed, statistics and the force's systems, so they never change once written.
/// </summary>
public sealed record AuditAction(string Name, AuditKind Kind, string RecordType)
{
    public AuditEvent For(object? recordId, string? justification = null, object? oldValues = null, object? newValues = null) =>
        new(Kind, Name, RecordType, recordId) { Justification = justification, OldValues = oldValues, NewValues = newValues };
}

/// <summary>What an audit entry records apart from who and when; made from one of the <see cref="AuditEvents"/>.</summary>
public sealed record AuditEvent(AuditKind Kind, string Action, string RecordType, object? RecordId)
{
    public string? Justification { get; init; }

    public object? OldValues { get; init; }

    public object? NewValues { get; init; }
}
