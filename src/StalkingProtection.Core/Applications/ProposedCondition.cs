using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Applications;

/// <summary>
/// A prohibition or requirement the application asks the court to make (SPA 2019 s.1(2)). The court may make different terms,
/// so these only pre-fill the order when it is recorded.
/// </summary>
public class ProposedCondition
{
    public const int TemplateKeyMaxLength = 40;
    public const int ParametersMaxLength = 8000;

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public required Guid Id { get; init; }

    public required Guid ApplicationId { get; init; }

    public int Sequence { get; private set; }

    /// <summary>The condition library template it was written from (<see cref="ConditionLibrary"/>), or null for free text.</summary>
    public string? TemplateKey { get; private set; }

    /// <summary>The template's parameter values as JSON, so that changing the condition starts from the answers given.</summary>
    public string? TemplateParameters { get; private set; }

    public ConditionType Type { get; private set; }

    public ConditionCategory Category { get; private set; }

    public string Wording { get; private set; } = "";

    public ConditionScope Scope { get; private set; }

    public string? LocalityText { get; private set; }

    public string? MapReference { get; private set; }

    public string? LocalityPolygon { get; private set; }

    /// <summary>R8: victim ids, each one of the application's protected persons.</summary>
    public IReadOnlyList<Guid> ProtectedPersonIds { get; private set; } = [];

    public string NecessityRationale { get; private set; } = "";

    public bool ConflictConsidered { get; private set; }

    public bool ConflictFound { get; private set; }

    public string? ConflictNotes { get; private set; }

    public ConditionDuration Duration { get; private set; }

    public DateOnly? EndsOn { get; private set; }

    /// <summary>R9 or R15: why the proposal goes ahead despite a warning, and who decided.</summary>
    public string? OverrideReason { get; private set; }

    public string? OverrideBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyDictionary<string, string> Parameters =>
        TemplateParameters is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(TemplateParameters, _json)!;

    /// <summary>The proposal as a condition draft, to pre-fill the order the court made.</summary>
    public ConditionDraft ToDraft() => new(Type, Category, Wording, Scope, LocalityText, ProtectedPersonIds.ToList(), NecessityRationale, ConflictConsidered,
        ConflictFound, ConflictNotes, Duration, EndsOn, MapReference, LocalityPolygon);

    internal static ProposedCondition Create(Guid applicationId, int sequence, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), ApplicationId = applicationId, Sequence = sequence };

    internal void Set(ProposedConditionDetails details, ConditionDraft draft, Override? @override, IReadOnlyList<RuleWarning> overridden, DateTimeOffset now)
    {
        var locality = draft.Scope == ConditionScope.Locality;
        TemplateKey = details.TemplateKey;
        TemplateParameters = details.TemplateKey is null || details.Parameters is not { Count: > 0 } p
            ? null
            : JsonSerializer.Serialize(p.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value.Trim()), _json);
        Type = draft.Type;
        Category = draft.Category;
        Wording = draft.Wording.Trim();
        Scope = draft.Scope;
        LocalityText = locality ? draft.LocalityText?.Trim() : null;
        MapReference = locality && !string.IsNullOrWhiteSpace(draft.MapReference) ? draft.MapReference.Trim() : null;
        LocalityPolygon = locality ? LocalityMap.Normalise(draft.LocalityPolygon) : null;
        ProtectedPersonIds = draft.ProtectedPersonIds.Distinct().ToList();
        NecessityRationale = draft.NecessityRationale.Trim();
        ConflictConsidered = draft.ConflictConsidered;
        ConflictFound = draft.ConflictFound;
        ConflictNotes = string.IsNullOrWhiteSpace(draft.ConflictNotes) ? null : draft.ConflictNotes.Trim();
        Duration = draft.Duration;
        EndsOn = draft.Duration == ConditionDuration.FixedPeriod ? draft.EndsOn : null;
        OverrideReason = overridden.Count > 0 ? @override?.Reason : null;
        OverrideBy = overridden.Count > 0 ? @override?.By.Name : null;
        UpdatedAt = now.ToUniversalTime();
    }

    internal void Renumber(int sequence) => Sequence = sequence;
}

/// <summary>
/// A proposed condition as entered: either written from a library template (<see cref="TemplateKey"/> and its
/// <see cref="Parameters"/> give the type, category, wording and locality) or written out in <see cref="Draft"/>.
/// </summary>
public sealed record ProposedConditionDetails(ConditionDraft Draft, string? TemplateKey = null, IReadOnlyDictionary<string, string>? Parameters = null);

public sealed class ProposedConditionConfiguration : IEntityTypeConfiguration<ProposedCondition>
{
    public void Configure(EntityTypeBuilder<ProposedCondition> builder)
    {
        builder.ToTable("application_proposed_conditions");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.TemplateKey).HasMaxLength(ProposedCondition.TemplateKeyMaxLength);
        builder.Property(c => c.TemplateParameters).HasMaxLength(ProposedCondition.ParametersMaxLength);
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
        builder.Property(c => c.OverrideReason).HasMaxLength(Override.ReasonMaxLength);
        builder.Property(c => c.OverrideBy).HasMaxLength(200);
        builder.PrimitiveCollection(c => c.ProtectedPersonIds);
        builder.Ignore(c => c.Parameters);
        builder.HasIndex(c => new { c.ApplicationId, c.Sequence });
    }
}
