using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Cases;

// spo-rules.md §7.1 (MASIP, S-TAC [V MASIP]) and §7.2 (MARAC, MAPPA, local stalking panels, youth offending team [U]).
public enum ReferralForum
{
    Marac,
    Mappa,
    MasipStalkingClinic,
    StalkingThreatAssessmentCentre,
    ChildrensSafeguarding,
    AdultSafeguarding,
    YouthOffendingTeam,
    Other,
}

/// <summary>A referral of the case to a multi-agency forum (spo-rules.md §7.2, §11 MultiAgencyReferral).</summary>
public class MultiAgencyReferral : IVersioned
{
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 4000;

    public const string GuidanceSource = "SPA 2019 s.12 statutory guidance (spo-rules.md §7.2)";

    public required Guid Id { get; init; }

    public required Guid CaseId { get; init; }

    public Guid? OrderId { get; private init; }

    public ReferralForum Forum { get; private init; }

    public string? OtherForum { get; private init; }

    public DateOnly ReferredOn { get; private init; }

    public string ReferredBy { get; private init; } = "";

    public string Reason { get; private init; } = "";

    public string? Outcome { get; private set; }

    public DateOnly? OutcomeOn { get; private set; }

    public DateTimeOffset RecordedAt { get; private init; }

    public long Version { get; set; }

    public static MultiAgencyReferral Record(StalkingCase stalkingCase, StalkingProtectionOrder? order, ReferralForum forum, string? otherForum,
        DateOnly referredOn, string referredBy, string reason, DateOnly today, DateTimeOffset now)
    {
        new RuleCheck()
            .Must(order is null || order.CaseId == stalkingCase.Id, "Input", "orderId", "The order must be on the same case as the referral", GuidanceSource)
            .Must(forum != ReferralForum.Other || !string.IsNullOrWhiteSpace(otherForum), "Input", "otherForum", "Name the forum the case was referred to",
                GuidanceSource)
            .Must((otherForum?.Length ?? 0) <= NameMaxLength, "Input", "otherForum", $"The forum is at most {NameMaxLength} characters", "")
            .HasHappened(referredOn <= today, "referredOn")
            .Must(!string.IsNullOrWhiteSpace(referredBy) && referredBy.Length <= NameMaxLength, "Input", "referredBy", "Enter who made the referral",
                GuidanceSource)
            .Must(!string.IsNullOrWhiteSpace(reason) && reason.Length <= TextMaxLength, "Input", "reason", "Enter why the case was referred", GuidanceSource)
            .ThrowIfBroken();
        return new MultiAgencyReferral
        {
            Id = Guid.CreateVersion7(now),
            CaseId = stalkingCase.Id,
            OrderId = order?.Id,
            Forum = forum,
            OtherForum = forum == ReferralForum.Other ? otherForum!.Trim() : null,
            ReferredOn = referredOn,
            ReferredBy = referredBy.Trim(),
            Reason = reason.Trim(),
            RecordedAt = now.ToUniversalTime(),
        };
    }

    /// <summary>What the forum decided, and when.</summary>
    public void RecordOutcome(string outcome, DateOnly outcomeOn, DateOnly today)
    {
        new RuleCheck()
            .Must(!string.IsNullOrWhiteSpace(outcome) && outcome.Length <= TextMaxLength, "Input", "outcome", "Enter what the forum decided", GuidanceSource)
            .Must(outcomeOn >= ReferredOn, "Input", "outcomeOn", $"The outcome cannot be before the referral on {ReferredOn:d MMMM yyyy}", GuidanceSource)
            .HasHappened(outcomeOn <= today, "outcomeOn")
            .ThrowIfBroken();
        Outcome = outcome.Trim();
        OutcomeOn = outcomeOn;
    }
}

public sealed class MultiAgencyReferralConfiguration : IEntityTypeConfiguration<MultiAgencyReferral>
{
    public void Configure(EntityTypeBuilder<MultiAgencyReferral> builder)
    {
        builder.ToTable("multi_agency_referrals");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Forum).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.OtherForum).HasMaxLength(MultiAgencyReferral.NameMaxLength);
        builder.Property(r => r.ReferredBy).HasMaxLength(MultiAgencyReferral.NameMaxLength);
        builder.Property(r => r.Reason).HasMaxLength(MultiAgencyReferral.TextMaxLength);
        builder.Property(r => r.Outcome).HasMaxLength(MultiAgencyReferral.TextMaxLength);
        builder.HasOne<StalkingCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StalkingProtectionOrder>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.CaseId, r.ReferredOn });
    }
}
