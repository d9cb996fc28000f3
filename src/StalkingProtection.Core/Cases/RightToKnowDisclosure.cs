using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Cases;

public enum DisclosureDecision
{
    Disclose,
    DoNotDisclose,
}

/// <summary>
/// A "Right to Know" decision: whether to tell a victim who is stalking them (spo-rules.md §8, §11 RightToKnowDisclosure).
/// The fields are [U]: the guidance text was not read, so this record is deliberately minimal and legal sign-off is pending.
/// </summary>
public class RightToKnowDisclosure
{
    public const int TextMaxLength = 4000;
    public const int NameMaxLength = 200;
    public const string DefaultInformation = "The identity of the person stalking them";

    public const string Source = "Right to Know guidance, December 2024 [U] (spo-rules.md §8)";

    public required Guid Id { get; init; }

    public required Guid CaseId { get; init; }

    public required Guid VictimId { get; init; }

    public Guid RespondentId { get; private set; }

    /// <summary>The person was recorded twice, each time as a respondent: this now belongs to the respondent kept.</summary>
    internal void TransferTo(Respondent kept) => RespondentId = kept.Id;

    public string InformationDisclosed { get; private init; } = "";

    public DisclosureDecision Decision { get; private init; }

    public DateOnly DecidedOn { get; private init; }

    public string DecidedBy { get; private init; } = "";

    public string Rationale { get; private init; } = "";

    /// <summary>The day the victim was told; only for a decision to disclose.</summary>
    public DateOnly? DisclosedOn { get; private init; }

    public DateTimeOffset RecordedAt { get; private init; }

    public static RightToKnowDisclosure Record(StalkingCase stalkingCase, Victim victim, DisclosureDecision decision, string? informationDisclosed,
        DateOnly decidedOn, string decidedBy, string rationale, DateOnly? disclosedOn, DateOnly today, DateTimeOffset now)
    {
        var information = string.IsNullOrWhiteSpace(informationDisclosed) ? DefaultInformation : informationDisclosed.Trim();
        new RuleCheck()
            .Must(stalkingCase.RespondentId is not null, "Input", "respondentId", "Record the respondent on the case before deciding whether to disclose who they are",
                Source)
            .Must(victim.CaseId == stalkingCase.Id, "Input", "victimId", "The victim must be on this case", Source)
            .Must(information.Length <= TextMaxLength, "Input", "informationDisclosed", $"The information is at most {TextMaxLength} characters", "")
            .HasHappened(decidedOn <= today, "decidedOn")
            .Must(!string.IsNullOrWhiteSpace(decidedBy) && decidedBy.Length <= NameMaxLength, "R39", "decidedBy", "Record who made the decision (R39)",
                "Malik [2023] EWHC 3213 (Admin)")

            // Malik [2023] EWHC 3213 (Admin), R39: every decision point keeps its reasons, whichever way it goes.
            .Must(!string.IsNullOrWhiteSpace(rationale) && rationale.Trim().Length >= SpoDecision.RationaleMinLength, "R39", "rationale",
                $"Record why the decision was made, in at least {SpoDecision.RationaleMinLength} characters (Malik [2023] EWHC 3213 (Admin), R39)",
                "Malik [2023] EWHC 3213 (Admin)")
            .Must(rationale.Length <= TextMaxLength, "R39", "rationale", $"The rationale is at most {TextMaxLength} characters", "")
            .Must(disclosedOn is null || decision == DisclosureDecision.Disclose, "Input", "disclosedOn",
                "A decision not to disclose has no disclosure date", Source)
            .Must(disclosedOn is null || (disclosedOn >= decidedOn && disclosedOn <= today), "Input", "disclosedOn",
                "The victim can only be told on or after the decision, and not in the future", Source)
            .ThrowIfBroken();
        return new RightToKnowDisclosure
        {
            Id = Guid.CreateVersion7(now),
            CaseId = stalkingCase.Id,
            VictimId = victim.Id,
            RespondentId = stalkingCase.RespondentId!.Value,
            InformationDisclosed = information,
            Decision = decision,
            DecidedOn = decidedOn,
            DecidedBy = decidedBy.Trim(),
            Rationale = rationale.Trim(),
            DisclosedOn = disclosedOn,
            RecordedAt = now.ToUniversalTime(),
        };
    }
}

public sealed class RightToKnowDisclosureConfiguration : IEntityTypeConfiguration<RightToKnowDisclosure>
{
    public void Configure(EntityTypeBuilder<RightToKnowDisclosure> builder)
    {
        builder.ToTable("right_to_know_disclosures");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.InformationDisclosed).HasMaxLength(RightToKnowDisclosure.TextMaxLength);
        builder.Property(d => d.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.DecidedBy).HasMaxLength(RightToKnowDisclosure.NameMaxLength);
        builder.Property(d => d.Rationale).HasMaxLength(RightToKnowDisclosure.TextMaxLength);
        builder.HasOne<StalkingCase>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Victim>().WithMany().HasForeignKey(d => d.VictimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Respondent>().WithMany().HasForeignKey(d => d.RespondentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.CaseId, d.DecidedOn });
    }
}
