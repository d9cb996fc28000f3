using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Tasks;

/// <summary>
/// Adds a task to the caller's unit of work (the scoped context and audit log the calling service shares) unless one with the same key exists, so raising is idempotent. A newer task for the
/// same duty or record (the same open key) replaces the open one, so there is never more than one open task per duty and record.
/// </summary>
public sealed class StaffTaskRaiser(StalkingProtectionDbContext db, AuditLog audit)
{
    public async Task<bool> RaiseOnceAsync(Actor actor, StaffTask task, CancellationToken ct) =>
        await RaiseManyOnceAsync(actor, [task], ct) == 1;

    /// <summary>Adds each task whose key is not yet used, checking the keys in batches rather than one query per task.</summary>
    public async Task<int> RaiseManyOnceAsync(Actor actor, IReadOnlyList<StaffTask> tasks, CancellationToken ct)
    {
        var existing = new HashSet<string>(db.StaffTasks.Local.Select(t => t.Key), StringComparer.Ordinal);
        foreach (var chunk in tasks.Select(t => t.Key).Distinct().Chunk(500))
        {
            existing.UnionWith(await db.StaffTasks.Where(t => chunk.Contains(t.Key)).Select(t => t.Key).ToListAsync(ct));
        }

        var fresh = tasks.Where(t => existing.Add(t.Key)).GroupBy(t => t.OpenKey).Select(g => g.Last()).ToList();
        var openKeys = fresh.Select(t => t.OpenKey!).ToList();
        var open = db.StaffTasks.Local.Where(t => t.Status == StaffTaskStatus.Open && t.OpenKey is not null && openKeys.Contains(t.OpenKey)).ToList();
        foreach (var chunk in openKeys.Chunk(500))
        {
            open.AddRange(await db.StaffTasks.Where(t => t.OpenKey != null && chunk.Contains(t.OpenKey)).ToListAsync(ct));
        }

        var openByKey = open.Where(t => t.Status == StaffTaskStatus.Open).DistinctBy(t => t.Id).ToDictionary(t => t.OpenKey!, StringComparer.Ordinal);
        foreach (var task in fresh)
        {
            if (openByKey.TryGetValue(task.OpenKey!, out var older))
            {
                older.Cancel(task.CreatedAt);
                audit.Add(actor, Replaced(older, task));
            }

            db.StaffTasks.Add(task);
            audit.Add(actor, Raised(task));
        }

        return fresh.Count;
    }

    internal static AuditEvent Raised(StaffTask task) => AuditEvents.Task.Raised.For(task.Id,
        newValues: new { task.Key, task.Type, task.Title, task.DueOn, task.OrderId, task.ObligationId, task.RecordId, task.AssignedTeam, task.AssignedOfficer });

    internal static AuditEvent Replaced(StaffTask older, StaffTask task) => AuditEvents.Task.Replaced.For(older.Id, $"Replaced by a newer task for the same record: {task.Title}",
        oldValues: new { Status = StaffTaskStatus.Open, older.Key }, newValues: new { older.Status, ReplacedBy = task.Id, task.Key });

    internal static AuditEvent Cancelled(StaffTask task, string because) => AuditEvents.Task.Cancelled.For(task.Id, because,
        oldValues: new { Status = StaffTaskStatus.Open }, newValues: new { task.Status, task.CompletedAt });

    internal static AuditEvent Completed(StaffTask task) => AuditEvents.Task.Completed.For(task.Id,
        oldValues: new { Status = StaffTaskStatus.Open }, newValues: new { task.Status, task.CompletedAt });

    /// <summary>The event that meets an order's open tasks of a type closes them; answers how many it closed.</summary>
    public async Task<int> CompleteOpenAsync(Actor actor, Guid orderId, StaffTaskType type,
        DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.StaffTasks.Where(t => t.OrderId == orderId && t.Type == type && t.Status == StaffTaskStatus.Open).ToListAsync(ct);
        Close(actor, open, now, null);
        return open.Count;
    }

    /// <summary>
    /// The event that meets the tasks about a record (a hearing held, an appeal lodged, a risk assessment reviewed) closes them;
    /// answers how many it closed.
    /// </summary>
    public async Task<int> CompleteOpenForRecordAsync(Actor actor, Guid recordId, StaffTaskType type,
        DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.StaffTasks.Where(t => t.RecordId == recordId && t.Type == type && t.Status == StaffTaskStatus.Open).ToListAsync(ct);
        Close(actor, open, now, null);
        return open.Count;
    }

    /// <summary>Tasks that can no longer be done because what they hang on has ended are cancelled, with the reason.</summary>
    public void Cancel(Actor actor, IEnumerable<StaffTask> tasks, DateTimeOffset now, string reason) =>
        Close(actor, tasks, now, reason);

    private void Close(Actor actor, IEnumerable<StaffTask> tasks, DateTimeOffset now, string? cancelledBecause)
    {
        foreach (var task in tasks.Where(t => t.Status == StaffTaskStatus.Open))
        {
            if (cancelledBecause is null)
            {
                task.Complete(now);
                audit.Add(actor, Completed(task));
            }
            else
            {
                task.Cancel(now);
                audit.Add(actor, Cancelled(task, cancelledBecause));
            }
        }
    }
}
