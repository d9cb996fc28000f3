using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Cases;

public enum SpoDecisionOutcome
{
    Apply,
    DoNotApply,
}

/// <summary>The "consider an SPO" decision at one decision point, with its reasons (R39).</summary>
public class SpoDecision
{
    public const int RationaleMinLength = 20;
    public const int RationaleMaxLength = 4000;
    public const int NameMaxLength = 200;
    public const int ReferenceMaxLength = 100;

    public required Guid Id { get; init; }

    public required Guid CaseId { get; init; }

    public SpoDecisionOutcome Decision { get; private init; }

    public string Rationale { get; private init; } = "";

    public string DecidedBy { get; private init; } = "";

    public DateTimeOffset DecidedAt { get; private init; }

    public DateOnly DecidedOn { get; private init; }

    public string? AuthorisingOfficer { get; private init; }

    public string? LegalServicesReference { get; private init; }

    public static SpoDecision Record(Guid caseId, SpoDecisionOutcome decision, string rationale, string decidedBy,
        string? authorisingOfficer, string? legalServicesReference, DateOnly today, DateTimeOffset now)
    {
        // Commissioner of Police of the Metropolis v Malik [2023] EWHC 3213 (Admin), R39: a reasoned record of each
        // decision supports the "acted honestly, reasonably and properly" costs defence.
        new RuleCheck()
            .Must(!string.IsNullOrWhiteSpace(rationale) && rationale.Trim().Length >= RationaleMinLength, "R39", "rationale",
                $"Record why the decision was made, in at least {RationaleMinLength} characters (Malik [2023] EWHC 3213 (Admin), R39)", "Malik [2023] EWHC 3213 (Admin)")
            .Must(rationale.Length <= RationaleMaxLength, "R39", "rationale", $"The rationale is at most {RationaleMaxLength} characters", "")
            .Must(!string.IsNullOrWhiteSpace(decidedBy) && decidedBy.Length <= NameMaxLength, "R39", "decidedBy",
                "Record who made the decision (R39)", "Malik [2023] EWHC 3213 (Admin)")
            .ThrowIfBroken();

        return new SpoDecision
        {
            Id = Guid.CreateVersion7(now),
            CaseId = caseId,
            Decision = decision,
            Rationale = rationale.Trim(),
            DecidedBy = decidedBy,
            DecidedAt = now.ToUniversalTime(),
            DecidedOn = today,
            AuthorisingOfficer = authorisingOfficer,
            LegalServicesReference = legalServicesReference,
        };
    }
}

public sealed class SpoDecisionConfiguration : IEntityTypeConfiguration<SpoDecision>
{
    public void Configure(EntityTypeBuilder<SpoDecision> builder)
    {
        builder.ToTable("spo_decisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Rationale).HasMaxLength(SpoDecision.RationaleMaxLength);
        builder.Property(d => d.DecidedBy).HasMaxLength(SpoDecision.NameMaxLength);
        builder.Property(d => d.AuthorisingOfficer).HasMaxLength(SpoDecision.NameMaxLength);
        builder.Property(d => d.LegalServicesReference).HasMaxLength(SpoDecision.ReferenceMaxLength);
        builder.HasOne<StalkingCase>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.CaseId, d.DecidedAt });
    }
}
