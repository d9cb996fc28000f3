using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StalkingProtection.Core.Reports;

public enum Satisfaction
{
    VerySatisfied,
    Satisfied,
    NeitherSatisfiedNorDissatisfied,
    Dissatisfied,
    VeryDissatisfied,
}

/// <summary>Anonymous feedback on the beta public website.</summary>
public class Feedback
{
    public const int CommentsMaxLength = 1200;

    public Guid Id { get; init; }

    public DateTimeOffset SubmittedAt { get; init; }

    public Satisfaction Satisfaction { get; init; }

    public string? Comments { get; init; }
}

public sealed class FeedbackConfiguration : IEntityTypeConfiguration<Feedback>
{
    public void Configure(EntityTypeBuilder<Feedback> builder)
    {
        builder.ToTable("feedback");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Satisfaction).HasConversion<string>().HasMaxLength(40);
        builder.Property(f => f.Comments).HasMaxLength(Feedback.CommentsMaxLength);
        builder.HasIndex(f => f.SubmittedAt);
    }
}
