using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;

namespace StalkingProtection.Core.Statistics;

// P4: each statistics figure is a range on one date column grouped by a few small columns, so every index leads with
// the date and carries the grouped columns: the count reads the index alone, never the table.
public sealed class OrderStatisticsIndexes : IEntityTypeConfiguration<StalkingProtectionOrder>
{
    public void Configure(EntityTypeBuilder<StalkingProtectionOrder> builder)
    {
        builder.HasIndex(o => new { o.MadeOn, o.Kind, o.Origin, o.DurationType, o.LastInForceDay }).HasDatabaseName("ix_orders_made_statistics");

        // The orders that ended in a run of days are found by their last day (ix_orders_live), the day they ended or the day they were
        // made. Only ended orders are in this one, so a count of orders not ended never reads it.
        builder.HasIndex(o => o.EndedOn).HasDatabaseName("ix_orders_ended_on").HasFilter("ended_on IS NOT NULL");
    }
}

public sealed class ApplicationStatisticsIndexes : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder) =>
        builder.HasIndex(a => new { a.LodgedOn, a.Type, a.Status, a.Determination }).HasDatabaseName("ix_applications_lodged_statistics");
}

public sealed class ObligationStatisticsIndexes : IEntityTypeConfiguration<NotificationObligation>
{
    public void Configure(EntityTypeBuilder<NotificationObligation> builder) =>
        builder.HasIndex(o => new { o.DueBy, o.Status }).HasDatabaseName("ix_notification_obligations_due_statistics");
}

public sealed class AppealStatisticsIndexes : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> builder) =>
        builder.HasIndex(a => new { a.DecisionOn, a.Outcome }).HasDatabaseName("ix_appeals_decision_statistics");
}

public sealed class CaseStatisticsIndexes : IEntityTypeConfiguration<StalkingCase>
{
    public void Configure(EntityTypeBuilder<StalkingCase> builder) =>
        builder.HasIndex(c => c.OpenedAt).HasDatabaseName("ix_cases_opened_at");
}

public sealed class SpoDecisionStatisticsIndexes : IEntityTypeConfiguration<SpoDecision>
{
    public void Configure(EntityTypeBuilder<SpoDecision> builder) =>
        builder.HasIndex(d => new { d.DecidedOn, d.Decision }).HasDatabaseName("ix_spo_decisions_decided_statistics");
}

public sealed class OrderChangeStatisticsIndexes : IEntityTypeConfiguration<OrderChange>
{
    public void Configure(EntityTypeBuilder<OrderChange> builder) =>
        builder.HasIndex(c => new { c.DecidedOn, c.Type }).HasDatabaseName("ix_order_changes_decided_statistics");
}

public sealed class NotificationOffenceStatisticsIndexes : IEntityTypeConfiguration<NotificationOffence>
{
    public void Configure(EntityTypeBuilder<NotificationOffence> builder) =>
        builder.HasIndex(o => new { o.OffenceOn, o.Outcome }).HasDatabaseName("ix_notification_offences_offence_statistics");
}
