using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Tasks;

public sealed record TaskRow(Guid Id, StaffTaskType Type, string Title, DateOnly DueOn, Guid? OrderId, Guid? CaseId, string? CaseReference,
    string? AssignedOfficer, string? AssignedTeam, long Version, Guid? RecordId = null)
{
    public bool IsOverdue(DateOnly today) => DueOn < today;
}

/// <summary>Open tasks for an officer and their team, overdue first, then by due date.</summary>
public sealed class MyTasksQuery(StalkingProtectionDbContext db)
{
    public const int Limit = 200;

    public async Task<IReadOnlyList<TaskRow>> ForAsync(string officerKey, string? team, bool wholeForce, CancellationToken ct = default)
    {
        var tasks = db.StaffTasks.AsNoTracking().Where(t => t.Status == StaffTaskStatus.Open);
        if (!wholeForce)
        {
            tasks = tasks.Where(t => t.AssignedOfficer == officerKey || (team != null && t.AssignedTeam == team));
        }

        var rows = await tasks
            .OrderBy(t => t.DueOn)
            .Take(Limit)
            .Select(t => new TaskRow(t.Id, t.Type, t.Title, t.DueOn, t.OrderId, t.CaseId,
                db.Cases.Where(c => c.Id == t.CaseId || db.Orders.Any(o => o.Id == t.OrderId && o.CaseId == c.Id)).Select(c => c.CrimeReferences).FirstOrDefault(),
                t.AssignedOfficer, t.AssignedTeam, t.Version, t.RecordId))
            .ToListAsync(ct);
        return rows;
    }

    public static string Describe(StaffTaskType type) => type switch
    {
        StaffTaskType.ConsiderRenewal => "Consider renewing the order",
        StaffTaskType.RecordOnPnc => "Record the order on PNC",
        StaffTaskType.ReviewDue => "Management review due",
        StaffTaskType.ServeOrder => "Serve the order",
        StaffTaskType.InterimEnding => "Interim order ending",
        StaffTaskType.PotentialS11Offence => "Notification overdue: potential s.11 offence",
        StaffTaskType.Rescreen => "Re-screen risk after a breach",
        StaffTaskType.LegalReview => "Legal review needed",
        StaffTaskType.PrepareForHearing => "Prepare for the hearing",
        StaffTaskType.ConsiderAppeal => "Consider an appeal",
        StaffTaskType.RiskReview => "Review the risk assessment",
        StaffTaskType.DecideReportedBreach => "Decide on a breach reported online",
        StaffTaskType.CheckReportedBreach => "Check a breach reported for an unknown or ended order",
        _ => type.ToString(),
    };
}
