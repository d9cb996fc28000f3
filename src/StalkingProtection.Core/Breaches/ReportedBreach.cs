using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Reports;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Breaches;

/// <summary>What the officer decided about a breach reported online.</summary>
public enum ReportedBreachDecision
{
    Arrest,
    FurtherEnquiries,
    NoBreach,
}

/// <summary>How an officer told the person who reported the decision, when it was not through a victim update.</summary>
public enum ReporterToldHow
{
    PhoneCall,
    InPerson,
}

/// <summary>
/// A suspected breach of an order (SPA 2019 s.8(1)) reported online by the victim or someone for them. It names the order by the
/// reference the victim was given; it becomes a <see cref="Breach"/> of a condition only once an officer has looked into it.
/// </summary>
public class ReportedBreach : IVersioned
{
    public const int ReferenceMaxLength = 20;
    public const int WhatHappenedMaxLength = 2000;
    public const int LocationMaxLength = 1000;
    public const int EvidenceMaxLength = 2000;
    public const int ReasonsMaxLength = 2000;
    public const int StaffMaxLength = 200;

    public Guid Id { get; init; }

    /// <summary>What the person who reported is told to quote, e.g. SPB-7KQ2-M9XD.</summary>
    public required string Reference { get; init; }

    /// <summary>The draft it came from: unique, so that sending the same draft twice records one report.</summary>
    public Guid DraftId { get; init; }

    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>The order reference as given, normalised (SPO-XXXX-XXXX); it may match no order.</summary>
    public required string OrderReferenceGiven { get; init; }

    /// <summary>The order the reference matched, live or not; null when it matched none.</summary>
    public Guid? OrderId { get; init; }

    /// <summary>The matched order was in force on the day it was reported, so the task went to its officer in charge.</summary>
    public bool OrderWasLive { get; init; }

    public ReportingFor ReportingFor { get; init; }

    public required string WhatHappened { get; init; }

    public DateOnly HappenedOn { get; init; }

    public TimeOnly? HappenedAtTime { get; init; }

    public required string Location { get; init; }

    public string? Evidence { get; init; }

    public SafeContactMethods ContactMethods { get; init; }

    /// <summary>The safe contact details, encrypted as a report's are (<see cref="PublicReportService.ContactPurpose"/>).</summary>
    public string? ProtectedContact { get; init; }

    public ReportedBreachDecision? Decision { get; private set; }

    public string? DecisionReasons { get; private set; }

    public string? DecidedById { get; private set; }

    public string? DecidedByName { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>When the victim was told the decision; null while it waits to be sent through a safe channel.</summary>
    public DateTimeOffset? VictimToldAt { get; private set; }

    public long Version { get; set; }

    /// <summary>The decision is waiting to be told to the person who reported, who asked to be contacted.</summary>
    public bool OutcomeToTell => Decision is not null && VictimToldAt is null && ContactMethods != SafeContactMethods.None;

    /// <summary>SPA 2019 s.8(1): an incident can only be reported once it has happened.</summary>
    public static RuleCheck CheckHappened(DateOnly happenedOn, DateOnly today) =>
        new RuleCheck().Must(happenedOn <= today, "Input", "happenedOn", "The date it happened must be today or in the past", "SPA 2019 s.8(1)");

    /// <summary>
    /// SPA 2019 s.8(1): breaching an order is an offence, so a reported breach is decided on: arrest, further enquiries, or no
    /// breach, always with the reasons, which the victim is told (Victims' Code right 6), including why when nothing is done.
    /// </summary>
    public void Decide(ReportedBreachDecision decision, string? reasons, string byId, string byName, DateTimeOffset now)
    {
        reasons = reasons?.Trim() ?? "";
        new RuleCheck()
            .Must(Decision is null, "Status", "decision", "A decision has already been recorded on this reported breach", "")
            .Must(Enum.IsDefined(decision), "Input", "decision", "Choose arrest, further enquiries or no breach", "SPA 2019 s.8(1)")
            .Must(reasons.Length > 0, "R39", "reasons", "Give the reasons for the decision: the victim is told them (SPA 2019 s.8(1), R39)", "Malik [2023] EWHC 3213 (Admin)")
            .Must(reasons.Length <= ReasonsMaxLength, "Input", "reasons", $"The reasons must be {ReasonsMaxLength} characters or fewer", "")
            .ThrowIfBroken();
        Decision = decision;
        DecisionReasons = reasons;
        DecidedById = Limit(byId);
        DecidedByName = Limit(byName);
        DecidedAt = now.ToUniversalTime();
    }

    /// <summary>
    /// R41, Victims' Code right 6: when the person who reported was told the decision, once, at a time between the decision and now.
    /// The decision is kept to the second and a time told by hand to the minute, so the minute of the decision counts as after it.
    /// </summary>
    public void RecordVictimTold(DateTimeOffset at, DateTimeOffset now)
    {
        var decidedMinute = DecidedAt is { } decided ? decided.AddTicks(-(decided.Ticks % TimeSpan.TicksPerMinute)) : (DateTimeOffset?)null;
        new RuleCheck()
            .Must(Decision is not null, "Status", "toldOn", "Record the decision before recording that the person who reported was told it", "")
            .Must(VictimToldAt is null, "Status", "toldOn", "The person who reported has already been recorded as told the decision", "")
            .Must(at <= now, "Input", "toldOn", "The time they were told must be now or in the past", "")
            .Must(decidedMinute is null || at >= decidedMinute, "R41", "toldOn", "The time they were told must be after the decision was recorded", "Victims' Code right 6")
            .ThrowIfBroken();
        VictimToldAt = at.ToUniversalTime();
    }

    private static string Limit(string value) => value.Length <= StaffMaxLength ? value : value[..StaffMaxLength];
}

public sealed class ReportedBreachConfiguration : IEntityTypeConfiguration<ReportedBreach>
{
    public void Configure(EntityTypeBuilder<ReportedBreach> builder)
    {
        builder.ToTable("reported_breaches");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Reference).HasMaxLength(ReportedBreach.ReferenceMaxLength);
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.HasIndex(r => r.DraftId).IsUnique();
        builder.Property(r => r.OrderReferenceGiven).HasMaxLength(OrderVictimReference.Length);
        builder.HasOne<StalkingProtectionOrder>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.OrderId, r.SubmittedAt });
        builder.Property(r => r.ReportingFor).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.WhatHappened).HasMaxLength(ReportedBreach.WhatHappenedMaxLength);
        builder.Property(r => r.Location).HasMaxLength(ReportedBreach.LocationMaxLength);
        builder.Property(r => r.Evidence).HasMaxLength(ReportedBreach.EvidenceMaxLength);
        builder.Property(r => r.ContactMethods).HasConversion<string>().HasMaxLength(50);
        builder.Property(r => r.ProtectedContact).HasMaxLength(4000);
        builder.Property(r => r.Decision).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.DecisionReasons).HasMaxLength(ReportedBreach.ReasonsMaxLength);
        builder.Property(r => r.DecidedById).HasMaxLength(ReportedBreach.StaffMaxLength);
        builder.Property(r => r.DecidedByName).HasMaxLength(ReportedBreach.StaffMaxLength);
        builder.Ignore(r => r.OutcomeToTell);
    }
}
