using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Reports;

public enum PublicReportStatus
{
    New,
    InTriage,
    Closed,
}

/// <summary>What triage decided: a new case, an existing case, or no case.</summary>
public enum TriageOutcome
{
    CaseOpened,
    AddedToCase,
    Closed,
}

public enum TriageCloseReason
{
    NoFurtherAction,
    Duplicate,
    NotStalking,
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
    public const int PersonNameMaxLength = 200;
    public const int PersonContactDetailsMaxLength = 1000;
    public const int StaffIdMaxLength = 200;
    public const int CloseDetailsMaxLength = 2000;

    public Guid Id { get; init; }

    /// <summary>What the person who reported is told to quote, e.g. SPR-7KQ2-M9XD.</summary>
    public required string Reference { get; init; }

    /// <summary>The draft it came from: unique, so that sending the same draft twice creates one report (RL9).</summary>
    public Guid DraftId { get; init; }

    public DateTimeOffset SubmittedAt { get; init; }

    public PublicReportStatus Status { get; private set; } = PublicReportStatus.New;

    public string? TriageStartedById { get; private set; }

    public string? TriageStartedByName { get; private set; }

    public DateTimeOffset? TriageStartedAt { get; private set; }

    public string? TriagedById { get; private set; }

    public string? TriagedByName { get; private set; }

    public DateTimeOffset? TriagedAt { get; private set; }

    public TriageOutcome? Outcome { get; private set; }

    public TriageCloseReason? CloseReason { get; private set; }

    /// <summary>Why the report was closed without a case, in the words of whoever closed it (R39).</summary>
    public string? CloseDetails { get; private set; }

    /// <summary>The case the report was opened as or added to.</summary>
    public Guid? CaseId { get; private set; }

    public bool InImmediateDanger { get; init; }

    public ReportingFor ReportingFor { get; init; }

    /// <summary>When someone else reported: whether the person being stalked knows about the report.</summary>
    public bool? PersonKnowsAboutReport { get; init; }

    /// <summary>When someone else reported: whether and how the person may be contacted (details are encrypted).</summary>
    public PersonContactRoute? PersonContactRoute { get; init; }

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

    public bool IsTriaged => Status == PublicReportStatus.Closed;

    /// <summary>Someone has picked the report up; it stays in the queue, marked as theirs, until it is decided.</summary>
    public void StartTriage(string byId, string byName, DateTimeOffset now)
    {
        EnsureOpen();
        if (Status == PublicReportStatus.InTriage)
        {
            return;
        }

        Status = PublicReportStatus.InTriage;
        TriageStartedById = Limit(byId);
        TriageStartedByName = Limit(byName);
        TriageStartedAt = now.ToUniversalTime();
    }

    public void RecordCaseOpened(Guid caseId, string byId, string byName, DateTimeOffset now) =>
        Decide(TriageOutcome.CaseOpened, caseId, null, null, byId, byName, now);

    public void RecordAddedToCase(Guid caseId, string byId, string byName, DateTimeOffset now) =>
        Decide(TriageOutcome.AddedToCase, caseId, null, null, byId, byName, now);

    /// <summary>R39 (Malik): a decision not to act on a report records its rationale.</summary>
    public void Close(TriageCloseReason reason, string? details, string byId, string byName, DateTimeOffset now)
    {
        details = details?.Trim() ?? "";
        new RuleCheck()
            .Must(!string.IsNullOrWhiteSpace(details), "R39", "details", "Give the reason for closing the report without a case (R39)", "Malik [2023] EWHC 3213 (Admin)")
            .Must(details.Length <= CloseDetailsMaxLength, "Input", "details", $"The reason must be {CloseDetailsMaxLength} characters or fewer", "")
            .ThrowIfBroken();
        Decide(TriageOutcome.Closed, null, reason, details, byId, byName, now);
    }

    private void Decide(TriageOutcome outcome, Guid? caseId, TriageCloseReason? reason, string? details, string byId, string byName, DateTimeOffset now)
    {
        EnsureOpen();
        if (Status == PublicReportStatus.New)
        {
            StartTriage(byId, byName, now);
        }

        Status = PublicReportStatus.Closed;
        Outcome = outcome;
        CaseId = caseId;
        CloseReason = reason;
        CloseDetails = details;
        TriagedById = Limit(byId);
        TriagedByName = Limit(byName);
        TriagedAt = now.ToUniversalTime();
    }

    private void EnsureOpen() =>
        new RuleCheck().Must(Status != PublicReportStatus.Closed, "Status", "outcome", "This report has already been triaged", "").ThrowIfBroken();

    private static string Limit(string value) => value.Length <= StaffIdMaxLength ? value : value[..StaffIdMaxLength];
}

/// <summary>The safe contact details of a report, and of the person it is about when someone else reported; stored only encrypted.</summary>
public sealed record SafeContactDetails(string? Name, string? PhoneNumber, string? Email, string? SafeTimes, bool? VoicemailAllowed,
    string? PersonName = null, string? PersonContactDetails = null);

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
        builder.Property(r => r.PersonContactRoute).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.HowOften).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.ContactMethods).HasConversion<string>().HasMaxLength(50);
        builder.Property(r => r.OtherBehaviour).HasMaxLength(PublicReport.OtherBehaviourMaxLength);
        builder.Property(r => r.StartedWhen).HasMaxLength(PublicReport.StartedWhenMaxLength);
        builder.Property(r => r.SuspectName).HasMaxLength(PublicReport.SuspectNameMaxLength);
        builder.Property(r => r.SuspectDetails).HasMaxLength(PublicReport.SuspectDetailsMaxLength);
        builder.Property(r => r.Effect).HasMaxLength(PublicReport.EffectMaxLength);
        builder.Property(r => r.ProtectedContact).HasMaxLength(4000);
        builder.Property(r => r.TriageStartedById).HasMaxLength(PublicReport.StaffIdMaxLength);
        builder.Property(r => r.TriageStartedByName).HasMaxLength(PublicReport.StaffIdMaxLength);
        builder.Property(r => r.TriagedById).HasMaxLength(PublicReport.StaffIdMaxLength);
        builder.Property(r => r.TriagedByName).HasMaxLength(PublicReport.StaffIdMaxLength);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.CloseReason).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.CloseDetails).HasMaxLength(PublicReport.CloseDetailsMaxLength);
        builder.HasOne<Cases.StalkingCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.CaseId);
        builder.Ignore(r => r.IsTriaged);
    }
}
