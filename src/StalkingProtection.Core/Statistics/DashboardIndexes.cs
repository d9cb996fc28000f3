using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Orders;

namespace StalkingProtection.Core.Statistics;

// P3: every dashboard figure is answered from an index; these are the ones the figures need beyond each entity's own.
// The live orders are found from their last day, not their made date: nearly every order ever made was made before
// today, but few last beyond it. The made date rides along so the count never reads the table.
public sealed class OrderDashboardIndexes : IEntityTypeConfiguration<StalkingProtectionOrder>
{
    public const string Live = "ix_orders_live";
    public const string LiveByKind = "ix_orders_live_by_kind";
    public const string Unserved = "ix_orders_unserved";

    public void Configure(EntityTypeBuilder<StalkingProtectionOrder> builder)
    {
        builder.HasIndex(o => new { o.LastInForceDay, o.EndedOn, o.MadeOn }).HasDatabaseName(Live);
        builder.HasIndex(o => new { o.Kind, o.LastInForceDay, o.EndedOn, o.MadeOn }).HasDatabaseName(LiveByKind);

        // Orders never served share one key prefix, ranged by last day like the live ones. It replaces the index on the
        // service time alone, which SQLite preferred and which holds every unserved order ever made.
        builder.HasIndex(o => new { o.ServedAt, o.LastInForceDay, o.EndedOn, o.MadeOn }).HasDatabaseName(Unserved);
    }
}

// The outcome rides along for the statistics return's breaches by outcome (P4).
public sealed class BreachDashboardIndexes : IEntityTypeConfiguration<Breach>
{
    public void Configure(EntityTypeBuilder<Breach> builder) =>
        builder.HasIndex(b => new { b.IncidentOn, b.Outcome }).HasDatabaseName("ix_breaches_incident_on");
}

public sealed class ApplicationDashboardIndexes : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder) =>
        builder.HasIndex(a => a.Status).HasDatabaseName("ix_applications_status");
}

// The open cases without a decision are two short ranges of this index, however many open cases have one.
public sealed class CaseDashboardIndexes : IEntityTypeConfiguration<StalkingCase>
{
    public const string StatusDecision = "ix_cases_status_spo_decision";

    public void Configure(EntityTypeBuilder<StalkingCase> builder) =>
        builder.HasIndex(c => new { c.Status, c.LatestSpoDecisionOn }).HasDatabaseName(StatusDecision);
}
