using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Reports;

public enum PublicReportStatus
{
    New,
    InTriage,
    Closed,
}

/// <summary>A report of stalking sent through the public website, waiting in the triage queue.</summary>
public class PublicReport : IVersioned
{
    public const int ReferenceMaxLength = 20;
    public const int OtherBehaviourMaxLength = 1000;
    public const int StartedWhenMaxLength = 200;
    public const int SuspectNameMaxLength = 200;
    public const int SuspectDetailsMaxLength = 1000;
    public const int EffectMaxLength = 2000;
    public const int ContactNameMaxLength = 100;
    public const int PhoneNumberMaxLength = 30;
    public const int EmailMaxLength = 254;
    public const int SafeTimesMaxLength = 200;

    public Guid Id { get; init; }

    /// <summary>What the person who reported is told to quote, e.g. SPR-7KQ2-M9XD.</summary>
    public required string Reference { get; init; }

    /// <summary>The draft it came from: unique, so that sending the same draft twice creates one report (RL9).</summary>
    public Guid DraftId { get; init; }

    public DateTimeOffset SubmittedAt { get; init; }

    public PublicReportStatus Status { get; set; } = PublicReportStatus.New;

    public bool InImmediateDanger { get; init; }

    public ReportingFor ReportingFor { get; init; }

    public StalkingBehaviours Behaviours { get; init; }

    public string? OtherBehaviour { get; init; }

    public required string StartedWhen { get; init; }

    public HowOften HowOften { get; init; }

    public bool SuspectKnown { get; init; }

    public string? SuspectName { get; init; }

    public string? SuspectDetails { get; init; }

    public required string Effect { get; init; }

    public SafeContactMethods ContactMethods { get; init; }

    /// <summary>The safe contact details, encrypted with Data Protection (<see cref="PublicReportService.ContactPurpose"/>).</summary>
    public string? ProtectedContact { get; init; }

    public long Version { get; set; }
}

/// <summary>The safe contact details of a report; stored only encrypted.</summary>
public sealed record SafeContactDetails(string? Name, string? PhoneNumber, string? Email, string? SafeTimes, bool? VoicemailAllowed);

public sealed class PublicReportConfiguration : IEntityTypeConfiguration<PublicReport>
{
    public void Configure(EntityTypeBuilder<PublicReport> builder)
    {
        builder.ToTable("public_reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Reference).HasMaxLength(PublicReport.ReferenceMaxLength);
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.HasIndex(r => r.DraftId).IsUnique();
        builder.HasIndex(r => new { r.Status, r.SubmittedAt });
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ReportingFor).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Behaviours).HasConversion<string>().HasMaxLength(300);
        builder.Property(r => r.HowOften).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.ContactMethods).HasConversion<string>().HasMaxLength(50);
        builder.Property(r => r.OtherBehaviour).HasMaxLength(PublicReport.OtherBehaviourMaxLength);
        builder.Property(r => r.StartedWhen).HasMaxLength(PublicReport.StartedWhenMaxLength);
        builder.Property(r => r.SuspectName).HasMaxLength(PublicReport.SuspectNameMaxLength);
        builder.Property(r => r.SuspectDetails).HasMaxLength(PublicReport.SuspectDetailsMaxLength);
        builder.Property(r => r.Effect).HasMaxLength(PublicReport.EffectMaxLength);
        builder.Property(r => r.ProtectedContact).HasMaxLength(4000);
    }
}
