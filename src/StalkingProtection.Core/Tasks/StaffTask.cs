using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Tasks;

public enum StaffTaskType
{
    ConsiderRenewal,
    RecordOnPnc,
    ReviewDue,
    ServeOrder,
    InterimEnding,
    PotentialS11Offence,
    Rescreen,
    LegalReview,
    PrepareForHearing,
    ConsiderAppeal,
    RiskReview,
    DecideReportedBreach,
    CheckReportedBreach,
}

public enum StaffTaskStatus
{
    Open,
    Done,
    Cancelled,
}

/// <summary>
/// A to-do for staff. The key makes raising the same task twice impossible, so deadline checks are idempotent; the open key
/// allows one open task of a type per duty or record, so a newer task for the same record replaces the older one.
/// </summary>
public class StaffTask : IVersioned
{
    public const int KeyMaxLength = 200;
    public const int TitleMaxLength = 300;
    public const int AssigneeMaxLength = 200;

    public required Guid Id { get; init; }

    /// <summary>Unique: e.g. "ConsiderRenewal:{orderId}:{lastDay}".</summary>
    public required string Key { get; init; }

    public StaffTaskType Type { get; private init; }

    public string Title { get; private init; } = "";

    public DateOnly DueOn { get; private set; }

    public Guid? OrderId { get; private init; }

    public Guid? ObligationId { get; private init; }

    public Guid? CaseId { get; private init; }

    /// <summary>The hearing, appeal, breach, notification or risk assessment the task is about, when it is not the order or duty.</summary>
    public Guid? RecordId { get; private init; }

    /// <summary>"{type}:{record}" while the task is open, null once closed; unique, so one open task per duty and record.</summary>
    public string? OpenKey { get; private set; }

    public string? AssignedTeam { get; private set; }

    public string? AssignedOfficer { get; private set; }

    public StaffTaskStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private init; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public long Version { get; set; }

    public static StaffTask Raise(StaffTaskType type, string key, string title, DateOnly dueOn, Guid? orderId, Guid? obligationId, Guid? caseId,
        string? team, string? officer, DateTimeOffset now, Guid? recordId = null)
    {
        new RuleCheck()
            .Must(!string.IsNullOrWhiteSpace(key) && key.Length <= KeyMaxLength, "Input", "key", "A task needs a key", "")
            .Must(!string.IsNullOrWhiteSpace(title) && title.Length <= TitleMaxLength, "Input", "title", "A task needs a title", "")
            .Must((team?.Length ?? 0) <= AssigneeMaxLength && (officer?.Length ?? 0) <= AssigneeMaxLength, "Input", "assignedOfficer", "Too long", "")
            .ThrowIfBroken();
        return new StaffTask
        {
            Id = Guid.CreateVersion7(now),
            Key = key,
            Type = type,
            Title = title,
            DueOn = dueOn,
            OrderId = orderId,
            ObligationId = obligationId,
            CaseId = caseId,
            RecordId = recordId,
            OpenKey = OpenKeyFor(type, recordId ?? obligationId ?? orderId ?? caseId, key),
            AssignedTeam = team,
            AssignedOfficer = officer,
            Status = StaffTaskStatus.Open,
            CreatedAt = now.ToUniversalTime(),
        };
    }

    public static string OpenKeyFor(StaffTaskType type, Guid? subjectId, string key) =>
        subjectId is { } id ? $"{type}:{id}" : $"{type}:{key}";

    /// <summary>Who the task is for, in words: the officer, else the team, else nobody yet.</summary>
    public static string OwnerText(string? officer, string? team) =>
        officer is { Length: > 0 } o ? (team is { Length: > 0 } t ? $"{o} ({t})" : o) : team is { Length: > 0 } tm ? $"{tm} team" : "Not assigned";

    /// <summary>A task raised before open keys existed gets its key when it is first seen by the deadline check.</summary>
    internal void RestoreOpenKey()
    {
        if (Status == StaffTaskStatus.Open && OpenKey is null)
        {
            OpenKey = OpenKeyFor(Type, RecordId ?? ObligationId ?? OrderId ?? CaseId, Key);
        }
    }

    public void Assign(string? team, string? officer)
    {
        AssignedTeam = team;
        AssignedOfficer = officer;
    }

    public void Complete(DateTimeOffset now)
    {
        new RuleCheck().Must(Status == StaffTaskStatus.Open, "Status", "status", "The task is already closed", "").ThrowIfBroken();
        Status = StaffTaskStatus.Done;
        CompletedAt = now.ToUniversalTime();
        OpenKey = null;
    }

    public void Cancel(DateTimeOffset now)
    {
        new RuleCheck().Must(Status == StaffTaskStatus.Open, "Status", "status", "The task is already closed", "").ThrowIfBroken();
        Status = StaffTaskStatus.Cancelled;
        CompletedAt = now.ToUniversalTime();
        OpenKey = null;
    }
}

public sealed class StaffTaskConfiguration : IEntityTypeConfiguration<StaffTask>
{
    public void Configure(EntityTypeBuilder<StaffTask> builder)
    {
        builder.ToTable("staff_tasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Key).HasMaxLength(StaffTask.KeyMaxLength);
        builder.Property(t => t.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Title).HasMaxLength(StaffTask.TitleMaxLength);
        builder.Property(t => t.AssignedTeam).HasMaxLength(StaffTask.AssigneeMaxLength);
        builder.Property(t => t.AssignedOfficer).HasMaxLength(StaffTask.AssigneeMaxLength);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(t => t.Key).IsUnique();
        builder.Property(t => t.OpenKey).HasMaxLength(StaffTask.KeyMaxLength + 40);
        builder.HasIndex(t => t.OpenKey).IsUnique();
        builder.HasIndex(t => t.CaseId);
        builder.HasIndex(t => new { t.Status, t.DueOn });
        builder.HasIndex(t => new { t.AssignedTeam, t.Status });
        builder.HasIndex(t => t.OrderId);
    }
}
