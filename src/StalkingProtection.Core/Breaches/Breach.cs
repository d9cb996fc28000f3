using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Breaches;

public enum BreachOutcome
{
    UnderInvestigation,
    NoFurtherAction,
    Charged,
    Convicted,
    Acquitted,
    ReasonableExcuseAccepted,
}

public enum BreachPlea
{
    Guilty,
    NotGuilty,
}

/// <summary>What followed a breach (spo-rules.md §10.8 item 11); null fields leave what is recorded unchanged.</summary>
public sealed record BreachProgress(string? CrimeReference, DateTimeOffset? ArrestedAt, DateTimeOffset? ChargedAt, BreachPlea? Plea, DateOnly? PleaOn,
    BreachOutcome Outcome, DateOnly? ConvictedOn, string? Sentence, DateTimeOffset? VictimInformedAt, string? ReasonableExcuseClaimed);

/// <summary>A suspected breach of an order (SPA 2019 s.8(1)); offence code H20164.</summary>
public class Breach : IVersioned
{
    public const string OffenceCode = "H20164";
    public const int TextMaxLength = 4000;
    public const int ReferenceMaxLength = 50;

    public required Guid Id { get; init; }

    public required Guid OrderId { get; init; }

    public required Guid ConditionId { get; init; }

    public DateTimeOffset IncidentAt { get; private init; }

    public DateOnly IncidentOn { get; private init; }

    public string? IncidentLocation { get; private init; }

    public string Description { get; private init; } = "";

    public DateTimeOffset ReportedAt { get; private init; }

    /// <summary>R35: when the order was served, copied at recording (null if not yet served).</summary>
    public DateTimeOffset? OrderServedAt { get; private init; }

    /// <summary>R35: the incident predates service, so legal services must review whether the respondent was bound.</summary>
    public bool NeedsLegalReview { get; private init; }

    public string? LegalReviewReason { get; private init; }

    public string? ReasonableExcuseClaimed { get; private set; }

    public string? CrimeReference { get; private set; }

    public DateTimeOffset? ArrestedAt { get; private set; }

    public DateTimeOffset? ChargedAt { get; private set; }

    /// <summary>Null until a plea is entered.</summary>
    public BreachPlea? Plea { get; private set; }

    public DateOnly? PleaOn { get; private set; }

    public BreachOutcome Outcome { get; private set; }

    public DateOnly? ConvictedOn { get; private set; }

    public string? Sentence { get; private set; }

    public DateTimeOffset? VictimInformedAt { get; private set; }

    public long Version { get; set; }

    /// <summary>
    /// SPA 2019 s.8(1), R35, R36: a breach names an order and a condition that was in force at the incident. An incident before
    /// service is let through only with an override and is flagged for legal review.
    /// </summary>
    public static Breach Record(StalkingProtectionOrder order, Guid conditionId, DateTimeOffset incidentAt, string? location, string description,
        DateTimeOffset reportedAt, Override? @override, DateTimeOffset now, out IReadOnlyList<RuleWarning> overridden)
    {
        var incidentOn = LondonTime.DateOf(incidentAt);
        var condition = order.FindCondition(conditionId);
        var check = new RuleCheck()
            .Must(condition is not null, "R35", "conditionId", "Choose the condition of this order that was breached (SPA 2019 s.8(1), R35)", "SPA 2019 s.8(1)")
            .HasHappened(incidentAt <= now, "incidentAt")
            .Must(!string.IsNullOrWhiteSpace(description) && description.Length <= TextMaxLength, "R35", "description", "Describe what happened", "SPA 2019 s.8(1)")
            .Must((location?.Length ?? 0) <= TextMaxLength, "Input", "incidentLocation", "The location is too long", "");

        // SPA 2019 s.8(1), R36: after an order has ended, only earlier incidents can be breaches of it.
        if (order.NoLongerInForceFrom is { } endedOn)
        {
            check.Must(incidentOn < endedOn, "R36", "incidentAt",
                $"The order has been {order.StatusOn(endedOn).ToString().ToLowerInvariant()} since {endedOn:d MMMM yyyy}: only an incident before then can be recorded as a breach (SPA 2019 s.8(1), R36)",
                "SPA 2019 s.8(1)");
        }

        if (condition is not null)
        {
            // R35: inside the condition's in-force window.
            var (from, last) = order.InForceWindowOf(condition);
            check.Must(incidentOn >= from && (last is null || incidentOn <= last), "R35", "incidentAt",
                $"That condition was in force from {from:d MMMM yyyy}{(last is { } l ? $" to {l:d MMMM yyyy}" : "")}: the incident must fall inside that period (SPA 2019 s.8(1), R35)",
                "SPA 2019 s.8(1)");
        }

        // R35: knowledge of the order; an incident before service goes to legal review.
        var beforeService = order.ServedAt is not { } served || incidentAt < served;
        check.Should(!beforeService, "R35", "incidentAt",
            "The incident happened before the order was served: legal services must review whether the respondent knew of it (SPA 2019 s.8(1), R35)",
            "SPA 2019 s.8(1)");
        overridden = check.ThrowIfBroken(@override);

        return new Breach
        {
            Id = Guid.CreateVersion7(now),
            OrderId = order.Id,
            ConditionId = conditionId,
            IncidentAt = incidentAt.ToUniversalTime(),
            IncidentOn = incidentOn,
            IncidentLocation = location,
            Description = description.Trim(),
            ReportedAt = reportedAt.ToUniversalTime(),
            OrderServedAt = order.ServedAt,
            NeedsLegalReview = beforeService,
            LegalReviewReason = beforeService ? @override?.Reason : null,
            Outcome = BreachOutcome.UnderInvestigation,
        };
    }

    public void RecordProgress(string? crimeReference, DateTimeOffset? arrestedAt, DateTimeOffset? chargedAt, string? reasonableExcuseClaimed)
    {
        new RuleCheck().Must((crimeReference?.Length ?? 0) <= ReferenceMaxLength && (reasonableExcuseClaimed?.Length ?? 0) <= TextMaxLength,
            "Input", "crimeReference", "Too long", "").ThrowIfBroken();
        CrimeReference = crimeReference ?? CrimeReference;
        ArrestedAt = arrestedAt?.ToUniversalTime() ?? ArrestedAt;
        ChargedAt = chargedAt?.ToUniversalTime() ?? ChargedAt;
        ReasonableExcuseClaimed = reasonableExcuseClaimed ?? ReasonableExcuseClaimed;
        if (chargedAt is not null && Outcome == BreachOutcome.UnderInvestigation)
        {
            Outcome = BreachOutcome.Charged;
        }
    }

    public void RecordOutcome(BreachOutcome outcome, DateOnly? convictedOn, string? sentence)
    {
        new RuleCheck()
            .Must(outcome != BreachOutcome.Convicted || convictedOn is not null, "R37", "convictedOn", "Enter the date of conviction (R37)", "SPA 2019 s.8(2)")
            .Must(convictedOn is null || convictedOn >= IncidentOn, "R37", "convictedOn", "A conviction cannot predate the incident", "SPA 2019 s.8(2)")
            .Must((sentence?.Length ?? 0) <= TextMaxLength, "Input", "sentence", "Too long", "")
            .ThrowIfBroken();
        Outcome = outcome;
        ConvictedOn = convictedOn;
        Sentence = sentence;
    }

    public void RecordVictimInformed(DateTimeOffset at) => VictimInformedAt = at.ToUniversalTime();

    /// <summary>
    /// Reported, arrest, charge, plea, court outcome, sentence and when the victim was told (spo-rules.md §10.8 item 11), checked
    /// together: nothing after the incident can come before it or lie in the future.
    /// </summary>
    public void RecordProgress(BreachProgress p, DateTimeOffset now)
    {
        const string events = "spo-rules.md §10.8";
        var arrested = p.ArrestedAt ?? ArrestedAt;
        var charged = p.ChargedAt ?? ChargedAt;
        var plea = p.Plea ?? Plea;
        var pleaOn = p.PleaOn ?? PleaOn;
        new RuleCheck()
            .Must(arrested is null || (arrested >= IncidentAt && arrested <= now), "Input", "arrestedAt", "The arrest must be after the incident and not in the future", events)
            .Must(charged is null || (charged >= IncidentAt && charged <= now), "Input", "chargedAt", "The charge must be after the incident and not in the future", events)
            .Must(plea is null || charged is not null, "Input", "plea", "A plea can only be entered once the respondent is charged", events)
            .Must(plea is null || pleaOn is not null, "Input", "pleaOn", "Enter the date of the plea", events)
            .Must(pleaOn is null || charged is null || (pleaOn >= LondonTime.DateOf(charged.Value) && pleaOn <= LondonTime.DateOf(now)), "Input", "pleaOn",
                "The plea must be on or after the day of charge and not in the future", events)
            .Must(!(plea == BreachPlea.Guilty && p.Outcome == BreachOutcome.Acquitted), "Input", "outcome", "A respondent who pleaded guilty cannot be acquitted", events)
            .HasHappened(p.ConvictedOn is null || p.ConvictedOn <= LondonTime.DateOf(now), "convictedOn")

            // R41: the victim is told of a breach, and the time is recorded.
            .Must(p.VictimInformedAt is null || (p.VictimInformedAt >= IncidentAt && p.VictimInformedAt <= now), "R41", "victimInformedAt",
                "The victim can only be told after the incident, and not in the future (R41)", "Victims' Code")
            .ThrowIfBroken();
        RecordProgress(p.CrimeReference, p.ArrestedAt, p.ChargedAt, p.ReasonableExcuseClaimed);
        Plea = plea;
        PleaOn = plea is null ? null : pleaOn;
        RecordOutcome(p.Outcome, p.ConvictedOn, p.Sentence);
        if (p.VictimInformedAt is { } informed)
        {
            RecordVictimInformed(informed);
        }
    }
}

/// <summary>SPA 2019 s.8(2)–(3), R37: maximum penalties, for charging and allocation advice only.</summary>
public static class BreachPenalty
{
    public const int IndictmentMaximumMonths = 60;

    // SPA 2019 s.8(3): before 2 May 2022 the summary maximum is 6 months.
    public static readonly DateOnly GeneralLimitCommenced = new(2022, 5, 2);

    // PNLD-GL: 12 months for either-way offences convicted on or after 18 November 2024.
    public static readonly DateOnly TwelveMonthLimitFrom = new(2024, 11, 18);

    /// <summary>
    /// The maximum months' imprisonment on summary conviction. Between 2 May 2022 and 17 November 2024 the general limit changed
    /// more than once, so <paramref name="interimLimitMonths"/> comes from the configured table (LegalRuleSet).
    /// </summary>
    public static int SummaryMaximumMonths(DateOnly offenceDate, DateOnly? convictionDate, int interimLimitMonths)
    {
        if (offenceDate < GeneralLimitCommenced)
        {
            return 6;
        }

        if (convictionDate is { } convicted && convicted >= TwelveMonthLimitFrom)
        {
            return 12;
        }

        return interimLimitMonths;
    }
}

public sealed class BreachConfiguration : IEntityTypeConfiguration<Breach>
{
    public void Configure(EntityTypeBuilder<Breach> builder)
    {
        builder.ToTable("breaches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.IncidentLocation).HasMaxLength(Breach.TextMaxLength);
        builder.Property(b => b.Description).HasMaxLength(Breach.TextMaxLength);
        builder.Property(b => b.LegalReviewReason).HasMaxLength(Override.ReasonMaxLength);
        builder.Property(b => b.ReasonableExcuseClaimed).HasMaxLength(Breach.TextMaxLength);
        builder.Property(b => b.CrimeReference).HasMaxLength(Breach.ReferenceMaxLength);
        builder.Property(b => b.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(b => b.Plea).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Sentence).HasMaxLength(Breach.TextMaxLength);
        builder.HasOne<StalkingProtectionOrder>().WithMany().HasForeignKey(b => b.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Condition>().WithMany().HasForeignKey(b => b.ConditionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.OrderId, b.IncidentAt });
    }
}
