using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StalkingProtection.Core.Statistics;

/// <summary>
/// P4: the statistics tally of one whole London month that had ended when it was counted (<see cref="StatisticsTally"/>, as JSON).
/// It is used only while no <see cref="StatisticsMonthChange"/> names its month: a change to what it counted since makes the
/// return count that month from the records again until <see cref="StatisticsMonthStore"/> stores it anew.
/// </summary>
public class StatisticsMonth
{
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; init; }

    public required string Figures { get; set; }

    public DateTimeOffset CountedAt { get; set; }
}

/// <summary>
/// A save changed a record that a month's statistics count (or a record counted in that month by another's value: a case's team,
/// an application's lodging date). Written in the same transaction as the change, so a stored month is never read without it.
/// </summary>
public class StatisticsMonthChange
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; init; }
}

public sealed class StatisticsMonthConfiguration : IEntityTypeConfiguration<StatisticsMonth>
{
    public void Configure(EntityTypeBuilder<StatisticsMonth> builder)
    {
        builder.ToTable("statistics_months");
        builder.HasKey(m => m.Month);
    }
}

public sealed class StatisticsMonthChangeConfiguration : IEntityTypeConfiguration<StatisticsMonthChange>
{
    public void Configure(EntityTypeBuilder<StatisticsMonthChange> builder)
    {
        builder.ToTable("statistics_month_changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasIndex(c => c.Month);
    }
}
