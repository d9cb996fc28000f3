using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Reports;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Cases;

public enum CaseEventType
{
    /// <summary>spo-rules.md §10.8(1): the report received, with its UTC instant and London date.</summary>
    ReportReceived,

    Note,
}

/// <summary>A dated entry in a case's record: the report that started it, or a note carried from that report.</summary>
public class CaseEvent
{
    public const int TextMaxLength = 8000;
    public const int RecordedByMaxLength = 200;

    public required Guid Id { get; init; }

    public required Guid CaseId { get; init; }

    public CaseEventType Type { get; private init; }

    public DateTimeOffset OccurredAt { get; private init; }

    /// <summary>The London date of <see cref="OccurredAt"/> (§10.8).</summary>
    public DateOnly OccurredOn { get; private init; }

    public string RecordedBy { get; private init; } = "";

    public string Text { get; private init; } = "";

    /// <summary>The online report the entry came from, if any.</summary>
    public Guid? PublicReportId { get; private init; }

    public static CaseEvent Record(Guid caseId, CaseEventType type, DateTimeOffset occurredAt, string recordedBy, string text, Guid? publicReportId,
        DateTimeOffset now)
    {
        new RuleCheck()
            .HasHappened(occurredAt <= now, "occurredAt")
            .Must(!string.IsNullOrWhiteSpace(text) && text.Length <= TextMaxLength, "Input", "text", $"The text must be between 1 and {TextMaxLength} characters", "")
            .ThrowIfBroken();
        return new CaseEvent
        {
            Id = Guid.CreateVersion7(now),
            CaseId = caseId,
            Type = type,
            OccurredAt = occurredAt.ToUniversalTime(),
            OccurredOn = Time.LondonTime.DateOf(occurredAt),
            RecordedBy = recordedBy.Length <= RecordedByMaxLength ? recordedBy : recordedBy[..RecordedByMaxLength],
            Text = text.Trim(),
            PublicReportId = publicReportId,
        };
    }
}

public sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("case_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.RecordedBy).HasMaxLength(CaseEvent.RecordedByMaxLength);
        builder.Property(e => e.Text).HasMaxLength(CaseEvent.TextMaxLength);
        builder.HasOne<StalkingCase>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PublicReport>().WithMany().HasForeignKey(e => e.PublicReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.CaseId, e.OccurredAt });
        builder.HasIndex(e => e.PublicReportId);
    }
}
