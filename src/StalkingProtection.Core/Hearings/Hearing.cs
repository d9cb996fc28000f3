using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Hearings;

public enum HearingOutcome
{
    Pending,
    Adjourned,
    Determined,
    Vacated,
}

public enum StandardOfProof
{
    NotStated,
    Civil,
    Criminal,
}

/// <summary>A listing of an application before the court.</summary>
public class Hearing : IVersioned
{
    public const int CourtNameMaxLength = 200;
    public const int ReasonMaxLength = 2000;

    // SPA 2019 is silent on the standard; April 2024 guidance, via IND and LW5, R38.
    public const string StandardOfProofGuidance =
        "The Act does not state the standard of proof. The April 2024 statutory guidance says it is likely that courts will apply " +
        "the civil standard (the balance of probabilities) to the facts and to the risk and necessity tests (Commissioner of Police " +
        "of the Metropolis v Malik [2023] EWHC 3213 (Admin)). Record the standard argued and, if the court states it, the standard applied.";

    public required Guid Id { get; init; }

    public required Guid ApplicationId { get; init; }

    public DateTimeOffset ListedFor { get; private set; }

    public string CourtName { get; private set; } = "";

    public HearingOutcome Outcome { get; private set; }

    public string? AdjournmentReason { get; private set; }

    public DateTimeOffset? NextHearingAt { get; private set; }

    public bool? RespondentAttended { get; private set; }

    public bool? VictimAttended { get; private set; }

    public bool? CounselAttended { get; private set; }

    /// <summary>R38: the standard of proof argued for by the applicant.</summary>
    public StandardOfProof StandardArgued { get; private set; }

    /// <summary>R38: the standard of proof the court said it applied.</summary>
    public StandardOfProof StandardFound { get; private set; }

    public long Version { get; set; }

    public static Hearing List(Application application, DateTimeOffset listedFor, string courtName, DateTimeOffset now)
    {
        application.MarkListed();
        return new Hearing
        {
            Id = Guid.CreateVersion7(now),
            ApplicationId = application.Id,
            ListedFor = listedFor.ToUniversalTime(),
            CourtName = courtName.Length <= CourtNameMaxLength ? courtName.Trim() : throw RuleViolationException.Input(nameof(courtName), $"Enter the court name in at most {CourtNameMaxLength} characters"),
            Outcome = HearingOutcome.Pending,
            StandardArgued = StandardOfProof.Civil,
        };
    }

    public void RecordAttendance(bool respondent, bool victim, bool counsel)
    {
        RespondentAttended = respondent;
        VictimAttended = victim;
        CounselAttended = counsel;
    }

    /// <summary>R38: records the standard argued and, where the court states it, the standard applied.</summary>
    public void RecordStandardOfProof(StandardOfProof argued, StandardOfProof found)
    {
        StandardArgued = argued;
        StandardFound = found;
    }

    public void Adjourn(Application application, string reason, DateTimeOffset? nextHearingAt)
    {
        EnsurePending();
        new RuleCheck()
            .Must(!string.IsNullOrWhiteSpace(reason) && reason.Length <= ReasonMaxLength, "Input", "adjournmentReason", "Enter why the hearing was adjourned", "")
            .ThrowIfBroken();
        application.MarkAdjourned();
        Outcome = HearingOutcome.Adjourned;
        AdjournmentReason = reason.Trim();
        NextHearingAt = nextHearingAt?.ToUniversalTime();
    }

    public void MarkDetermined()
    {
        EnsurePending();
        Outcome = HearingOutcome.Determined;
    }

    private void EnsurePending()
    {
        if (Outcome != HearingOutcome.Pending)
        {
            throw new RuleViolationException([new RuleViolation("Status", "outcome", "The hearing already has an outcome", "")]);
        }
    }
}

public sealed class HearingConfiguration : IEntityTypeConfiguration<Hearing>
{
    public void Configure(EntityTypeBuilder<Hearing> builder)
    {
        builder.ToTable("hearings");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.CourtName).HasMaxLength(Hearing.CourtNameMaxLength);
        builder.Property(h => h.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.AdjournmentReason).HasMaxLength(Hearing.ReasonMaxLength);
        builder.Property(h => h.StandardArgued).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.StandardFound).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Application>().WithMany().HasForeignKey(h => h.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => new { h.ApplicationId, h.ListedFor });
    }
}
