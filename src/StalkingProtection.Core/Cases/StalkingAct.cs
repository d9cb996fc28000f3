using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Cases;

// SPA 2019 s.1(6) and PHA 1997 s.2A(3), R6: the examples of acts associated with stalking (non-exhaustive, hence Other).
[Flags]
public enum ActCategory
{
    None = 0,
    Following = 1,
    Contacting = 2,
    Publishing = 4,
    MonitoringElectronicCommunications = 8,
    Loitering = 16,
    InterferingWithProperty = 32,
    WatchingOrSpying = 64,
    Other = 128,
}

public enum ActChannel
{
    InPerson,
    Online,
    ThirdParty,
}

/// <summary>An act associated with stalking.</summary>
public class StalkingAct
{
    public const int CountryMaxLength = 100;
    public const int DescriptionMaxLength = 4000;
    public const int LocationMaxLength = 500;

    public required Guid Id { get; init; }

    public required Guid CaseId { get; init; }

    public DateTimeOffset OccurredFrom { get; private set; }

    public DateTimeOffset? OccurredTo { get; private set; }

    /// <summary>R5: where it happened; any country is accepted.</summary>
    public string LocationCountry { get; private set; } = "";

    public string? Location { get; private set; }

    public ActCategory Categories { get; private set; }

    public string? OtherCategoryDescription { get; private set; }

    public ActChannel Channel { get; private set; }

    /// <summary>The victim or proxy targeted.</summary>
    public Guid? TargetVictimId { get; private set; }

    public string Description { get; private set; } = "";

    public static StalkingAct Record(Guid caseId, DateTimeOffset occurredFrom, DateTimeOffset? occurredTo, string locationCountry,
        string? location, ActCategory categories, string? otherCategoryDescription, ActChannel channel, Guid? targetVictimId,
        string description, DateTimeOffset now)
    {
        Check(occurredFrom, occurredTo, locationCountry, location, categories, otherCategoryDescription, description, now);
        return new StalkingAct
        {
            Id = Guid.CreateVersion7(now),
            CaseId = caseId,
            OccurredFrom = occurredFrom.ToUniversalTime(),
            OccurredTo = occurredTo?.ToUniversalTime(),
            LocationCountry = locationCountry.Trim(),
            Location = location,
            Categories = categories,
            OtherCategoryDescription = otherCategoryDescription,
            Channel = channel,
            TargetVictimId = targetVictimId,
            Description = description,
        };
    }

    /// <summary>Corrects the record of the act; the same rules apply as when it was recorded (R5, R6).</summary>
    public void Amend(DateTimeOffset occurredFrom, DateTimeOffset? occurredTo, string locationCountry, string? location, ActCategory categories,
        string? otherCategoryDescription, ActChannel channel, Guid? targetVictimId, string description, DateTimeOffset now)
    {
        Check(occurredFrom, occurredTo, locationCountry, location, categories, otherCategoryDescription, description, now);
        OccurredFrom = occurredFrom.ToUniversalTime();
        OccurredTo = occurredTo?.ToUniversalTime();
        LocationCountry = locationCountry.Trim();
        Location = location;
        Categories = categories;
        OtherCategoryDescription = otherCategoryDescription;
        Channel = channel;
        TargetVictimId = targetVictimId;
        Description = description;
    }

    private static void Check(DateTimeOffset occurredFrom, DateTimeOffset? occurredTo, string locationCountry, string? location, ActCategory categories,
        string? otherCategoryDescription, string description, DateTimeOffset now) =>
        // SPA 2019 s.1(5), s.2(5), R5: acts anywhere in the world, before or after 20 January 2020, count; never reject them.
        new RuleCheck()
            .Must(categories != ActCategory.None, "R6", "categories",
                "Choose at least one kind of act associated with stalking (SPA 2019 s.1(6), PHA 1997 s.2A(3), R6)", "SPA 2019 s.1(6)")
            .Must((categories & ActCategory.Other) == 0 || !string.IsNullOrWhiteSpace(otherCategoryDescription), "R6", "otherCategoryDescription",
                "Describe the other kind of act associated with stalking (SPA 2019 s.1(6), R6)", "SPA 2019 s.1(6)")
            .Must(!string.IsNullOrWhiteSpace(locationCountry) && locationCountry.Length <= CountryMaxLength, "R5", "locationCountry",
                "Enter the country where the act took place; acts outside the UK count (SPA 2019 s.1(5), R5)", "SPA 2019 s.1(5)")
            .Must(occurredTo is null || occurredTo >= occurredFrom, "Input", "occurredTo",
                "The end of the period must be after its start", "SPA 2019 s.1(5)")
            .HasHappened(occurredFrom <= now, "occurredFrom")
            .Must(description.Length <= DescriptionMaxLength && (location?.Length ?? 0) <= LocationMaxLength, "Input", "description",
                $"The description is at most {DescriptionMaxLength} characters", "SPA 2019 s.1(5)")
            .ThrowIfBroken();
}

public sealed class StalkingActConfiguration : IEntityTypeConfiguration<StalkingAct>
{
    public void Configure(EntityTypeBuilder<StalkingAct> builder)
    {
        builder.ToTable("stalking_acts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.LocationCountry).HasMaxLength(StalkingAct.CountryMaxLength);
        builder.Property(a => a.Location).HasMaxLength(StalkingAct.LocationMaxLength);
        builder.Property(a => a.OtherCategoryDescription).HasMaxLength(StalkingAct.LocationMaxLength);
        builder.Property(a => a.Description).HasMaxLength(StalkingAct.DescriptionMaxLength);
        builder.Property(a => a.Channel).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<StalkingCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Victim>().WithMany().HasForeignKey(a => a.TargetVictimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.CaseId, a.OccurredFrom });
    }
}
