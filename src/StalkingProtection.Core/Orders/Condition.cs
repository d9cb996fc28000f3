using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Orders;

// SPA 2019 s.1(2), R8.
public enum ConditionType
{
    Prohibition,
    Requirement,
}

public enum ConditionCategory
{
    NoContact,
    NoApproach,
    ExclusionZone,
    OnlineOrSocialMedia,
    DeviceOrInternet,
    ThirdPartyContact,
    Surveillance,
    ProgrammeAttendance,
    Assessment,
    DeviceSurrenderOrAccess,
    ReportingOrSignOn,
    Other,
}

// SPA 2019 s.2(4), s.5(5), R10: the whole UK unless limited to a locality; there is deliberately no "outside the UK".
public enum ConditionScope
{
    AllUk,
    Locality,
}

public enum ConditionDuration
{
    AsOrder,
    FixedPeriod,
    UntilFurtherOrder,
}

/// <summary>A proposed prohibition or requirement, as entered on a page or in the API.</summary>
public sealed record ConditionDraft(
    ConditionType Type,
    ConditionCategory Category,
    string Wording,
    ConditionScope Scope,
    string? LocalityText,
    IReadOnlyList<Guid> ProtectedPersonIds,
    string NecessityRationale,
    bool ConflictConsidered,
    bool ConflictFound,
    string? ConflictNotes,
    ConditionDuration Duration = ConditionDuration.AsOrder,
    DateOnly? EndsOn = null,
    string? MapReference = null,
    string? LocalityPolygon = null);

/// <summary>One prohibition or requirement of one version of an order's terms.</summary>
public class Condition
{
    public const int WordingMaxLength = 4000;
    public const int LocalityMaxLength = 2000;
    public const int RationaleMaxLength = 4000;
    public const int NotesMaxLength = 2000;

    private readonly List<ConditionProtectedPerson> _protectedPersons = [];

    public required Guid Id { get; init; }

    public required Guid ConditionSetId { get; init; }

    public int Sequence { get; private init; }

    public ConditionType Type { get; private init; }

    public ConditionCategory Category { get; private init; }

    public string Wording { get; private init; } = "";

    public ConditionScope Scope { get; private init; }

    public string? LocalityText { get; private init; }

    /// <summary>R10: where the locality is shown, for example an OS grid reference or "the map annexed as exhibit AB/1".</summary>
    public string? MapReference { get; private init; }

    /// <summary>R10: the locality as a GeoJSON Polygon, checked by <see cref="LocalityMap"/>.</summary>
    public string? LocalityPolygon { get; private init; }

    public string NecessityRationale { get; private init; } = "";

    /// <summary>SPA 2019 s.2(3), s.5(4), R9: religious beliefs, work and education times considered.</summary>
    public bool ConflictConsidered { get; private init; }

    public bool ConflictFound { get; private init; }

    public string? ConflictNotes { get; private init; }

    public ConditionDuration Duration { get; private init; }

    /// <summary>Null when the condition lasts as long as the order, or until further order.</summary>
    public DateOnly? EndsOn { get; private init; }

    /// <summary>R15: legal services' reason for a fixed period shorter than two years.</summary>
    public string? LegalOverrideReason { get; private init; }

    public string? LegalOverrideBy { get; private init; }

    public IReadOnlyList<ConditionProtectedPerson> ProtectedPersons => _protectedPersons;

    /// <summary>Checks one draft against R8, R9, R10, R12, R15 and R16.</summary>
    internal static RuleCheck Check(ConditionDraft draft, int index, OrderKind kind, DateOnly made, DateOnly? orderLastDay,
        IReadOnlySet<Guid> protectedPersonIds)
    {
        var f = $"conditions[{index}].";
        var check = CheckContent(draft, f, protectedPersonIds);
        check.Add(CheckDuration(draft, f, kind, made, orderLastDay));
        return check;
    }

    /// <summary>
    /// R8, R9, R10 and R12's wording: the checks that do not depend on the order's dates, shared with conditions proposed in an
    /// application. Fields are prefixed with <paramref name="f"/>.
    /// </summary>
    internal static RuleCheck CheckContent(ConditionDraft draft, string f, IReadOnlySet<Guid> protectedPersonIds, string protectedOn = "the case")
    {
        var check = new RuleCheck()
            .Must(Enum.IsDefined(draft.Type), "R8", f + "type", "Say whether the condition is a prohibition or a requirement (SPA 2019 s.1(2), R8)", "SPA 2019 s.1(2)")
            .Must(Enum.IsDefined(draft.Category), "Input", f + "category", "Choose the kind of condition", "")
            .Must(!string.IsNullOrWhiteSpace(draft.NecessityRationale) && draft.NecessityRationale.Length <= RationaleMaxLength, "R8", f + "necessityRationale",
                "Explain why the condition is necessary to protect the person from a risk associated with stalking (SPA 2019 s.2(2), R8)", "SPA 2019 s.2(2)")
            .Must(draft.ProtectedPersonIds.Count > 0, "R8", f + "protectedPersonIds",
                "Name the person or people the condition protects (SPA 2019 s.2(2), R8)", "SPA 2019 s.2(2)")
            .Must(draft.ProtectedPersonIds.All(protectedPersonIds.Contains), "R8", f + "protectedPersonIds",
                "Each person a condition protects must be a protected person on " + protectedOn + " (SPA 2019 s.2(2), R8)", "SPA 2019 s.2(2)")
            .Must(!string.IsNullOrWhiteSpace(draft.Wording) && draft.Wording.Length <= WordingMaxLength, "R12", f + "wording",
                $"Enter the wording of the condition, in at most {WordingMaxLength} characters (R12)", "NI Act 2022 s.12(1) analogue")
            .Must(Enum.IsDefined(draft.Scope), "R10", f + "scope",
                "A condition applies in all of the UK or in a named locality (SPA 2019 s.2(4), R10)", "SPA 2019 s.2(4)")
            // SPA 2019 s.2(4), s.5(5), R10.
            .Must(draft.Scope != ConditionScope.Locality || (!string.IsNullOrWhiteSpace(draft.LocalityText) && draft.LocalityText.Length <= LocalityMaxLength), "R10", f + "localityText",
                "Describe the locality the condition is limited to (SPA 2019 s.2(4), R10)", "SPA 2019 s.2(4)")
            // SPA 2019 s.2(3), s.5(4), R9: "so far as practicable", hence a warning.
            .Should(draft.ConflictConsidered, "R9", f + "conflictConsidered",
                "Record whether the condition conflicts with the respondent's religious beliefs or the times they work or attend education (SPA 2019 s.2(3), R9)", "SPA 2019 s.2(3), s.5(4)")
            .Should(!draft.ConflictFound || !string.IsNullOrWhiteSpace(draft.ConflictNotes), "R9", f + "conflictNotes",
                "The condition conflicts with the respondent's religion, work or education: record how the conflict is avoided so far as practicable (SPA 2019 s.2(3), R9)", "SPA 2019 s.2(3), s.5(4)")
            .Must((draft.ConflictNotes?.Length ?? 0) <= NotesMaxLength, "Input", f + "conflictNotes", $"The notes are at most {NotesMaxLength} characters", "");
        if (draft.Scope == ConditionScope.Locality)
        {
            check.Add(LocalityMap.Check(draft.MapReference, draft.LocalityPolygon, f));
        }

        return check;
    }

    /// <summary>R12, R15 and R16: the condition's duration against the order's kind, made date and last day.</summary>
    internal static RuleCheck CheckDuration(ConditionDraft draft, string f, OrderKind kind, DateOnly made, DateOnly? orderLastDay)
    {
        var check = new RuleCheck()
            .Must(Enum.IsDefined(draft.Duration), "R12", f + "duration", "Say how long the condition lasts (R12)", "NI Act 2022 s.12(1) analogue");

        // R12: each condition's duration is stated.
        check.Must(draft.Duration != ConditionDuration.FixedPeriod || draft.EndsOn is not null, "R12", f + "endsOn",
            "Enter the last day of the condition's fixed period (R12)", "NI Act 2022 s.12(1) analogue");
        check.Must(draft.EndsOn is null || draft.EndsOn >= made, "R12", f + "endsOn", "A condition cannot end before the order is made (R12)", "SPA 2019 s.3(1)");
        check.Must(draft.EndsOn is null || orderLastDay is null || draft.EndsOn <= orderLastDay, "R12", f + "endsOn",
            "A condition cannot last longer than the order (SPA 2019 s.3(1), R12)", "SPA 2019 s.3(1)");
        if (kind == OrderKind.Interim)
        {
            // SPA 2019 s.5(6)(a), R16: an interim order, and so each of its conditions, lasts only for a fixed period.
            check.Must(draft.Duration != ConditionDuration.UntilFurtherOrder, "R16", f + "duration",
                "A condition of an interim order cannot last until further order: interim orders have effect only for a fixed period (SPA 2019 s.5(6)(a), R16)", "SPA 2019 s.5(6)(a)");
        }
        else if (draft.Duration == ConditionDuration.FixedPeriod && draft.EndsOn is { } endsOn)
        {
            // SPA 2019 s.3(2), R15: conservatively, every fixed period lasts at least 2 years unless legal services override.
            var minimum = StatutoryDates.MinimumLastDay(made);
            check.Should(endsOn >= minimum, "R15", f + "endsOn",
                $"A condition's fixed period should last at least 2 years beginning with the day the order is made (to {minimum:d MMMM yyyy} or later); legal services must record why a shorter period is lawful (SPA 2019 s.3(2), R15)",
                "SPA 2019 s.3(2)");
        }

        return check;
    }

    internal static Condition Create(Guid conditionSetId, int sequence, ConditionDraft draft, DateOnly made, Override? @override, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        var shortPeriod = draft.Duration == ConditionDuration.FixedPeriod && draft.EndsOn < StatutoryDates.MinimumLastDay(made);
        var condition = new Condition
        {
            Id = id,
            ConditionSetId = conditionSetId,
            Sequence = sequence,
            Type = draft.Type,
            Category = draft.Category,
            Wording = draft.Wording.Trim(),
            Scope = draft.Scope,
            LocalityText = draft.Scope == ConditionScope.Locality ? draft.LocalityText?.Trim() : null,
            MapReference = draft.Scope == ConditionScope.Locality && !string.IsNullOrWhiteSpace(draft.MapReference) ? draft.MapReference.Trim() : null,
            LocalityPolygon = draft.Scope == ConditionScope.Locality ? LocalityMap.Normalise(draft.LocalityPolygon) : null,
            NecessityRationale = draft.NecessityRationale.Trim(),
            ConflictConsidered = draft.ConflictConsidered,
            ConflictFound = draft.ConflictFound,
            ConflictNotes = draft.ConflictNotes?.Trim(),
            Duration = draft.Duration,
            EndsOn = draft.Duration == ConditionDuration.FixedPeriod ? draft.EndsOn : null,
            LegalOverrideReason = shortPeriod ? @override?.Reason : null,
            LegalOverrideBy = shortPeriod ? @override?.By.Name : null,
        };
        foreach (var personId in draft.ProtectedPersonIds.Distinct())
        {
            condition._protectedPersons.Add(new ConditionProtectedPerson { ConditionId = id, VictimId = personId });
        }

        return condition;
    }

    /// <summary>R15: a shorter fixed period may only be let through by legal services.</summary>
    internal static RuleCheck CheckOverrideAuthority(RuleCheck check, Override? @override) =>
        new RuleCheck().Must(@override is null || check.Warnings.All(w => w.RuleId != "R15") || @override.By.Role == StaffRoles.LegalServices,
            "R15", "overrideReason",
            "Only legal services can approve a condition with a fixed period shorter than 2 years (SPA 2019 s.3(2), R15)", "SPA 2019 s.3(2)");

    /// <summary>The last day this condition can be in force, given its order's last day (null: until further order).</summary>
    public DateOnly? LastDay(DateOnly? orderLastDay) => LastDay(Duration, EndsOn, orderLastDay);

    /// <summary><see cref="LastDay(DateOnly?)"/> for a condition read as columns rather than loaded.</summary>
    public static DateOnly? LastDay(ConditionDuration duration, DateOnly? endsOn, DateOnly? orderLastDay) => duration switch
    {
        ConditionDuration.FixedPeriod => orderLastDay is { } o && o < endsOn!.Value ? o : endsOn,
        ConditionDuration.UntilFurtherOrder => orderLastDay,
        _ => orderLastDay,
    };
}

public class ConditionProtectedPerson
{
    public required Guid ConditionId { get; init; }

    public required Guid VictimId { get; init; }
}

public sealed class ConditionConfiguration : IEntityTypeConfiguration<Condition>
{
    public void Configure(EntityTypeBuilder<Condition> builder)
    {
        builder.ToTable("conditions");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Category).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Scope).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Duration).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Wording).HasMaxLength(Condition.WordingMaxLength);
        builder.Property(c => c.LocalityText).HasMaxLength(Condition.LocalityMaxLength);
        builder.Property(c => c.MapReference).HasMaxLength(LocalityMap.MapReferenceMaxLength);
        builder.Property(c => c.LocalityPolygon).HasMaxLength(LocalityMap.PolygonMaxLength);
        builder.Property(c => c.NecessityRationale).HasMaxLength(Condition.RationaleMaxLength);
        builder.Property(c => c.ConflictNotes).HasMaxLength(Condition.NotesMaxLength);
        builder.Property(c => c.LegalOverrideReason).HasMaxLength(Override.ReasonMaxLength);
        builder.Property(c => c.LegalOverrideBy).HasMaxLength(200);
        builder.HasMany(c => c.ProtectedPersons).WithOne().HasForeignKey(p => p.ConditionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.ProtectedPersons).AutoInclude();
        builder.HasIndex(c => new { c.ConditionSetId, c.Sequence }).IsUnique();
    }
}

public sealed class ConditionProtectedPersonConfiguration : IEntityTypeConfiguration<ConditionProtectedPerson>
{
    public void Configure(EntityTypeBuilder<ConditionProtectedPerson> builder)
    {
        builder.ToTable("condition_protected_persons");
        builder.HasKey(p => new { p.ConditionId, p.VictimId });
        builder.HasOne<Victim>().WithMany().HasForeignKey(p => p.VictimId).OnDelete(DeleteBehavior.Restrict);
    }
}
