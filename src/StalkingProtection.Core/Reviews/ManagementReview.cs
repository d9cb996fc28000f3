using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Reviews;

/// <summary>
/// A review of how an order is managed (R42: Subject Profile Management Plan "regular reviews"; the cadence is local policy, so
/// the next review date is set by the reviewer).
/// </summary>
public class ManagementReview
{
    public const int TextMaxLength = 4000;
    public const int NameMaxLength = 200;

    public const string NextReviewMustBeAfterToday = "The next review must be after today (R42)";

    /// <summary>R42: default review cadence when the force has configured none.</summary>
    public const int DefaultReviewIntervalDays = 90;

    public required Guid Id { get; init; }

    public required Guid OrderId { get; init; }

    public DateTimeOffset ReviewedAt { get; private init; }

    public DateOnly ReviewedOn { get; private init; }

    public string ReviewedBy { get; private init; } = "";

    public string LeadOfficer { get; private init; } = "";

    public string Summary { get; private init; } = "";

    public bool PncEntryChecked { get; private init; }

    public DateOnly NextReviewDue { get; private init; }

    public static ManagementReview Record(StalkingProtectionOrder order, string reviewedBy, string leadOfficer, string summary, bool pncEntryChecked,
        DateOnly nextReviewDue, DateOnly today, DateTimeOffset now)
    {
        new RuleCheck()
            .Must(!string.IsNullOrWhiteSpace(summary) && summary.Length <= TextMaxLength, "R42", "summary", "Summarise the review (R42)", "SPMP")
            .Must(!string.IsNullOrWhiteSpace(leadOfficer) && leadOfficer.Length <= NameMaxLength, "R42", "leadOfficer", "Name the lead officer (R42)", "SPMP")
            .Must(reviewedBy.Length <= NameMaxLength, "Input", "reviewedBy", "Too long", "")
            .Must(nextReviewDue > today, "R42", "nextReviewDue", NextReviewMustBeAfterToday, "SPMP")
            .ThrowIfBroken();
        return new ManagementReview
        {
            Id = Guid.CreateVersion7(now),
            OrderId = order.Id,
            ReviewedAt = now.ToUniversalTime(),
            ReviewedOn = today,
            ReviewedBy = reviewedBy,
            LeadOfficer = leadOfficer,
            Summary = summary.Trim(),
            PncEntryChecked = pncEntryChecked,
            NextReviewDue = nextReviewDue,
        };
    }
}

public sealed class ManagementReviewConfiguration : IEntityTypeConfiguration<ManagementReview>
{
    public void Configure(EntityTypeBuilder<ManagementReview> builder)
    {
        builder.ToTable("management_reviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ReviewedBy).HasMaxLength(ManagementReview.NameMaxLength);
        builder.Property(r => r.LeadOfficer).HasMaxLength(ManagementReview.NameMaxLength);
        builder.Property(r => r.Summary).HasMaxLength(ManagementReview.TextMaxLength);
        builder.HasOne<StalkingProtectionOrder>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.OrderId, r.ReviewedAt });
    }
}
