using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Orders;

namespace StalkingProtection.Core.Statistics;

// P3: every dashboard figure is answered from an index; these are the ones the figures need beyond each entity's own.
public sealed class OrderDashboardIndexes : IEntityTypeConfiguration<StalkingProtectionOrder>
{
    public void Configure(EntityTypeBuilder<StalkingProtectionOrder> builder) =>
        builder.HasIndex(o => new { o.LastInForceDay, o.EndedOn }).HasDatabaseName("ix_orders_last_in_force_day");
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

public sealed class CaseDashboardIndexes : IEntityTypeConfiguration<StalkingCase>
{
    public void Configure(EntityTypeBuilder<StalkingCase> builder) =>
        builder.HasIndex(c => c.Status).HasDatabaseName("ix_cases_status");
}
