using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Reviews;

/// <summary>The content of one version of a plan: the three SPMP parts, the actions and the next review.</summary>
public sealed record ManagementPlanContent(string LeadOfficer, string OffendingAndSafeguarding, string? SubsequentPoliceInformation, string Plan, string? Actions,
    DateOnly NextReviewOn);

/// <summary>
/// How the subject of an order is managed, in the three parts of Lincolnshire Police's Subject Profile Management Plan
/// (spo-rules.md §7.1 [V SPMP], §11 ManagementPlan). A plan is revised, never overwritten: every version is kept. The contacts,
/// compliance checks and risk reviews the plan leads to are <see cref="ManagementReview"/> records on the same order.
/// </summary>
public class ManagementPlan : IVersioned
{
    public const int TextMaxLength = 8000;
    public const int NameMaxLength = 200;
    public const string Source = "SPMP (spo-rules.md §7.1)";

    private readonly List<ManagementPlanRevision> _revisions = [];

    public required Guid Id { get; init; }

    public required Guid OrderId { get; init; }

    public DateTimeOffset CreatedAt { get; private init; }

    public IReadOnlyList<ManagementPlanRevision> Revisions => _revisions;

    public ManagementPlanRevision Current => _revisions.MaxBy(r => r.Number)!;

    public long Version { get; set; }

    public static ManagementPlan Create(StalkingProtectionOrder order, ManagementPlanContent content, string preparedBy, DateOnly today, DateTimeOffset now)
    {
        var check = Check(content, preparedBy, today)
            .Must(order.NoLongerInForceFrom is not { } ended || ended > today, "Status", "orderId",
                "The order is no longer in force, so its subject is no longer managed under it", Source);
        check.ThrowIfBroken();
        var plan = new ManagementPlan { Id = Guid.CreateVersion7(now), OrderId = order.Id, CreatedAt = now.ToUniversalTime() };
        plan._revisions.Add(ManagementPlanRevision.From(plan.Id, 1, content, preparedBy, null, today, now));
        return plan;
    }

    /// <summary>A new version of the plan; the earlier ones stay as they were.</summary>
    public ManagementPlanRevision Revise(ManagementPlanContent content, string reason, string revisedBy, DateOnly today, DateTimeOffset now)
    {
        Check(content, revisedBy, today)
            .Must(!string.IsNullOrWhiteSpace(reason) && reason.Length <= ManagementPlanRevision.ReasonMaxLength, "Input", "reason",
                "Say why the plan is being revised", "Data Protection Act 2018 s.62")
            .ThrowIfBroken();
        var revision = ManagementPlanRevision.From(Id, Current.Number + 1, content, revisedBy, reason.Trim(), today, now);
        _revisions.Add(revision);
        return revision;
    }

    private static RuleCheck Check(ManagementPlanContent c, string by, DateOnly today) =>
        new RuleCheck()
            // SPA 2019 s.12 guidance [U], spo-rules.md §7.2: a lead officer monitors compliance.
            .Must(!string.IsNullOrWhiteSpace(c.LeadOfficer) && c.LeadOfficer.Length <= NameMaxLength, "R42", "leadOfficer", "Name the lead officer (R42)", Source)
            .Must(!string.IsNullOrWhiteSpace(c.OffendingAndSafeguarding) && c.OffendingAndSafeguarding.Length <= TextMaxLength, "R42", "offendingAndSafeguarding",
                "Summarise the offending and the safeguarding options (part 1 of the plan, R42)", Source)
            .Must((c.SubsequentPoliceInformation?.Length ?? 0) <= TextMaxLength, "Input", "subsequentPoliceInformation", $"At most {TextMaxLength} characters", "")
            .Must(!string.IsNullOrWhiteSpace(c.Plan) && c.Plan.Length <= TextMaxLength, "R42", "plan", "Write the management plan (part 3 of the plan, R42)", Source)
            .Must((c.Actions?.Length ?? 0) <= TextMaxLength, "Input", "actions", $"At most {TextMaxLength} characters", "")

            // R42: SPMP "regular reviews"; the cadence is local policy, so the plan sets the date.
            .Must(c.NextReviewOn > today, "R42", "nextReviewOn", "The next review must be after today (R42)", Source)
            .Must(!string.IsNullOrWhiteSpace(by) && by.Length <= NameMaxLength, "Input", "preparedBy", "Record who prepared the plan", "");
}

public class ManagementPlanRevision
{
    public const int ReasonMaxLength = 2000;

    public required Guid Id { get; init; }

    public required Guid PlanId { get; init; }

    public required int Number { get; init; }

    public string LeadOfficer { get; private init; } = "";

    /// <summary>SPMP part 1: a summary of offending and safeguarding options.</summary>
    public string OffendingAndSafeguarding { get; private init; } = "";

    /// <summary>SPMP part 2: subsequent police information.</summary>
    public string? SubsequentPoliceInformation { get; private init; }

    /// <summary>SPMP part 3: the management plan.</summary>
    public string Plan { get; private init; } = "";

    public string? Actions { get; private init; }

    public DateOnly NextReviewOn { get; private init; }

    public string PreparedBy { get; private init; } = "";

    public DateTimeOffset PreparedAt { get; private init; }

    public DateOnly PreparedOn { get; private init; }

    public string? ReasonForRevision { get; private init; }

    internal static ManagementPlanRevision From(Guid planId, int number, ManagementPlanContent c, string by, string? reason, DateOnly today, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            PlanId = planId,
            Number = number,
            LeadOfficer = c.LeadOfficer.Trim(),
            OffendingAndSafeguarding = c.OffendingAndSafeguarding.Trim(),
            SubsequentPoliceInformation = string.IsNullOrWhiteSpace(c.SubsequentPoliceInformation) ? null : c.SubsequentPoliceInformation.Trim(),
            Plan = c.Plan.Trim(),
            Actions = string.IsNullOrWhiteSpace(c.Actions) ? null : c.Actions.Trim(),
            NextReviewOn = c.NextReviewOn,
            PreparedBy = by.Trim(),
            PreparedAt = now.ToUniversalTime(),
            PreparedOn = today,
            ReasonForRevision = reason,
        };
}

public sealed class ManagementPlanConfiguration : IEntityTypeConfiguration<ManagementPlan>
{
    public void Configure(EntityTypeBuilder<ManagementPlan> builder)
    {
        builder.ToTable("management_plans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<StalkingProtectionOrder>().WithMany().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Restrict);

        // One plan per order; it is revised rather than replaced.
        builder.HasIndex(p => p.OrderId).IsUnique();
        builder.Ignore(p => p.Current);
        builder.HasMany(p => p.Revisions).WithOne().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Revisions).AutoInclude();
    }
}

public sealed class ManagementPlanRevisionConfiguration : IEntityTypeConfiguration<ManagementPlanRevision>
{
    public void Configure(EntityTypeBuilder<ManagementPlanRevision> builder)
    {
        builder.ToTable("management_plan_revisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.LeadOfficer).HasMaxLength(ManagementPlan.NameMaxLength);
        builder.Property(r => r.OffendingAndSafeguarding).HasMaxLength(ManagementPlan.TextMaxLength);
        builder.Property(r => r.SubsequentPoliceInformation).HasMaxLength(ManagementPlan.TextMaxLength);
        builder.Property(r => r.Plan).HasMaxLength(ManagementPlan.TextMaxLength);
        builder.Property(r => r.Actions).HasMaxLength(ManagementPlan.TextMaxLength);
        builder.Property(r => r.PreparedBy).HasMaxLength(ManagementPlan.NameMaxLength);
        builder.Property(r => r.ReasonForRevision).HasMaxLength(ManagementPlanRevision.ReasonMaxLength);
        builder.HasIndex(r => new { r.PlanId, r.Number }).IsUnique();
    }
}
