using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StalkingProtection.Core.Reports;

/// <summary>
/// A report being written: its answers are encrypted and it expires after a period without activity, so an
/// abandoned report (or one left open on a shared device) does not linger.
/// </summary>
public class PublicReportDraft
{
    public const int ProtectedAnswersMaxLength = 16000;

    public Guid Id { get; init; }

    public PublicJourney Journey { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The answers as JSON encrypted with Data Protection; empty once sent.</summary>
    public string ProtectedAnswers { get; set; } = string.Empty;

    /// <summary>What the draft became once sent: a <see cref="PublicReport"/> or a <see cref="Breaches.ReportedBreach"/>.</summary>
    public Guid? ReportId { get; set; }

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;
}

public sealed class PublicReportDraftConfiguration : IEntityTypeConfiguration<PublicReportDraft>
{
    public void Configure(EntityTypeBuilder<PublicReportDraft> builder)
    {
        builder.ToTable("public_report_drafts");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.ProtectedAnswers).HasMaxLength(PublicReportDraft.ProtectedAnswersMaxLength);
        builder.HasIndex(d => d.ExpiresAt);
        builder.Property(d => d.Journey).HasConversion<string>().HasMaxLength(20).HasDefaultValue(PublicJourney.ReportStalking).HasSentinel((PublicJourney)(-1));
    }
}
