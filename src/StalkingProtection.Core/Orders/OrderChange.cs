using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Orders;

public enum OrderChangeType
{
    Variation,
    Renewal,
    Discharge,
}

public enum ConsentParty
{
    Defendant,
    RelevantChiefOfficer,
}

public enum ConsentMethod
{
    InWriting,
    InCourt,
    ThroughSolicitor,
}

/// <summary>R22: a party's consent to discharge within the first 2 years.</summary>
public sealed record DischargeConsent(ConsentParty Party, DateOnly GivenOn, ConsentMethod Method);

/// <summary>A variation, renewal or discharge the court decided (SPA 2019 s.4, s.5(7)).</summary>
public class OrderChange
{
    public const int RationaleMaxLength = 4000;

    private readonly List<OrderChangeConsent> _consents = [];

    public required Guid Id { get; init; }

    public required Guid OrderId { get; init; }

    public Guid? ApplicationId { get; private init; }

    public OrderChangeType Type { get; private init; }

    public ApplicantParty ApplicantParty { get; private init; }

    public PoliceForce? ApplicantForce { get; private init; }

    public DateOnly DecidedOn { get; private init; }

    public DateOnly EffectiveOn { get; private init; }

    public Guid? PreviousConditionSetId { get; private init; }

    public Guid? NewConditionSetId { get; private init; }

    public DateOnly? PreviousLastDay { get; private init; }

    public DateOnly? NewLastDay { get; private init; }

    public string? NecessityRationale { get; private init; }

    public DateTimeOffset RecordedAt { get; private init; }

    public IReadOnlyList<OrderChangeConsent> Consents => _consents;

    public static OrderChange Record(StalkingProtectionOrder order, Application? application, OrderChangeType type, ApplicantParty party,
        PoliceForce? applicantForce, DateOnly decidedOn, DateOnly effectiveOn, Guid? previousSetId, Guid? newSetId, DateOnly? previousLastDay,
        string? necessityRationale, IReadOnlyCollection<DischargeConsent> consents, DateTimeOffset now)
    {
        new RuleCheck().HasHappened(decidedOn <= Time.LondonTime.DateOf(now), "decidedOn").ThrowIfBroken();
        var change = new OrderChange
        {
            Id = Guid.CreateVersion7(now),
            OrderId = order.Id,
            ApplicationId = application?.Id,
            Type = type,
            ApplicantParty = party,
            ApplicantForce = party == ApplicantParty.ChiefOfficer ? applicantForce : null,
            DecidedOn = decidedOn,
            EffectiveOn = effectiveOn,
            PreviousConditionSetId = previousSetId,
            NewConditionSetId = newSetId,
            PreviousLastDay = previousLastDay,
            NewLastDay = order.LastInForceDay,
            NecessityRationale = necessityRationale?.Trim(),
            RecordedAt = now.ToUniversalTime(),
        };
        foreach (var consent in consents)
        {
            change._consents.Add(new OrderChangeConsent
            {
                Id = Guid.CreateVersion7(now),
                OrderChangeId = change.Id,
                Party = consent.Party,
                GivenOn = consent.GivenOn,
                Method = consent.Method,
            });
        }

        return change;
    }
}

public class OrderChangeConsent
{
    public required Guid Id { get; init; }

    public required Guid OrderChangeId { get; init; }

    public ConsentParty Party { get; init; }

    public DateOnly GivenOn { get; init; }

    public ConsentMethod Method { get; init; }
}

public sealed class OrderChangeConfiguration : IEntityTypeConfiguration<OrderChange>
{
    public void Configure(EntityTypeBuilder<OrderChange> builder)
    {
        builder.ToTable("order_changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ApplicantParty).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ApplicantForce).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.NecessityRationale).HasMaxLength(OrderChange.RationaleMaxLength);
        builder.HasOne<StalkingProtectionOrder>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Consents).WithOne().HasForeignKey(c => c.OrderChangeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Consents).AutoInclude();
        builder.HasIndex(c => new { c.OrderId, c.DecidedOn });
    }
}

public sealed class OrderChangeConsentConfiguration : IEntityTypeConfiguration<OrderChangeConsent>
{
    public void Configure(EntityTypeBuilder<OrderChangeConsent> builder)
    {
        builder.ToTable("order_change_consents");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Party).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Method).HasConversion<string>().HasMaxLength(30);
    }
}
