using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Reviews;

/// <summary>Adds a task to the caller's unit of work unless one with the same key exists, so raising is idempotent.</summary>
internal static class StaffTaskRaiser
{
    public static async Task<bool> RaiseOnceAsync(StalkingProtectionDbContext db, AuditLog audit, Actor actor, StaffTask task, CancellationToken ct)
    {
        if (db.StaffTasks.Local.Any(t => t.Key == task.Key) || await db.StaffTasks.AnyAsync(t => t.Key == task.Key, ct))
        {
            return false;
        }

        db.StaffTasks.Add(task);
        audit.Add(actor, AuditKind.Collection, "Task.Raised", nameof(StaffTask), task.Id, null, null,
            new { task.Key, task.Type, task.Title, task.DueOn, task.OrderId, task.ObligationId, task.AssignedTeam });
        return true;
    }

    public static async Task CompleteOpenAsync(StalkingProtectionDbContext db, AuditLog audit, Actor actor, Guid orderId, StaffTaskType type,
        DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.StaffTasks.Where(t => t.OrderId == orderId && t.Type == type && t.Status == StaffTaskStatus.Open).ToListAsync(ct);
        foreach (var task in open)
        {
            task.Complete(now);
            audit.Add(actor, AuditKind.Alteration, "Task.Completed", nameof(StaffTask), task.Id, null,
                new { Status = StaffTaskStatus.Open }, new { task.Status, task.CompletedAt });
        }
    }
}
