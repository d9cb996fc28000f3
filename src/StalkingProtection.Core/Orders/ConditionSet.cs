using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StalkingProtection.Core.Orders;

public enum ConditionSetReason
{
    Made,
    Variation,
}

/// <summary>
/// One version of an order's terms, effective from a day until the next version (SPA 2019 s.4, R21), so that
/// "which terms applied on date D" can be answered for a breach or a lookup.
/// </summary>
public class ConditionSet
{
    private readonly List<Condition> _conditions = [];

    public required Guid Id { get; init; }

    public required Guid OrderId { get; init; }

    public int Number { get; private init; }

    public DateOnly EffectiveFrom { get; private init; }

    public ConditionSetReason Reason { get; private init; }

    public DateTimeOffset CreatedAt { get; private init; }

    public IReadOnlyList<Condition> Conditions => _conditions;

    internal static ConditionSet Create(Guid orderId, int number, DateOnly effectiveFrom, ConditionSetReason reason,
        IReadOnlyList<ConditionDraft> drafts, DateOnly made, Rules.Override? @override, DateTimeOffset now)
    {
        var set = new ConditionSet
        {
            Id = Guid.CreateVersion7(now),
            OrderId = orderId,
            Number = number,
            EffectiveFrom = effectiveFrom,
            Reason = reason,
            CreatedAt = now.ToUniversalTime(),
        };
        for (var i = 0; i < drafts.Count; i++)
        {
            set._conditions.Add(Condition.Create(set.Id, i + 1, drafts[i], made, @override, now));
        }

        return set;
    }
}

public sealed class ConditionSetConfiguration : IEntityTypeConfiguration<ConditionSet>
{
    public void Configure(EntityTypeBuilder<ConditionSet> builder)
    {
        builder.ToTable("condition_sets");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Reason).HasConversion<string>().HasMaxLength(20);
        builder.HasMany(s => s.Conditions).WithOne().HasForeignKey(c => c.ConditionSetId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Conditions).AutoInclude();
        builder.HasIndex(s => new { s.OrderId, s.Number }).IsUnique();
    }
}
