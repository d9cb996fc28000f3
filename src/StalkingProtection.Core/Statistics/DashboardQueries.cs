using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Core.Statistics;

public sealed record DashboardFigures(
    DateOnly Today,
    int LiveInterim,
    int LiveFull,
    int ApplicationsInProgress,
    int OrdersNotServed,
    int NotificationsOverdue,
    int NotificationsDueSoon,
    int BreachesThisMonth,
    int OrdersEndingSoon,
    int CasesWithoutSpoDecision,
    int ReportsAwaitingTriage)
{
    public int LiveOrders => LiveInterim + LiveFull;
}

/// <summary>
/// The coordinator's dashboard: "N live stalking protection orders" and the figures that need attention. Each figure
/// is one indexed query (P3), and each has a matching list query for the page behind it.
/// </summary>
public sealed class DashboardQueries(StalkingProtectionDbContext db)
{
    public const int DueSoonDays = 3;
    public const int EndingSoonDays = 90;

    private static readonly ApplicationStatus[] _inProgress =
        [ApplicationStatus.Draft, ApplicationStatus.Submitted, ApplicationStatus.Listed, ApplicationStatus.Adjourned];

    public async Task<DashboardFigures> GetAsync(DateOnly today, CancellationToken ct = default)
    {
        var (interim, full) = await CountLiveAsync(today, ct);
        return new DashboardFigures(
            today,
            interim,
            full,
            await ApplicationsInProgress().CountAsync(ct),
            await OrdersNotServed(today).CountAsync(ct),
            await NotificationsOverdue(today).CountAsync(ct),
            await NotificationsDueSoon(today).CountAsync(ct),
            await BreachesThisMonth(today).CountAsync(ct),
            await OrdersEndingSoon(today).CountAsync(ct),
            await CasesWithoutSpoDecision().CountAsync(ct),
            await ReportsAwaitingTriage().CountAsync(ct));
    }

    /// <summary>
    /// Counted rather than grouped by kind: a count reads only the index, where grouping decodes every live order's kind,
    /// which took longer than the count itself. The few interim orders come from an index with the kind first.
    /// </summary>
    public async Task<(int Interim, int Full)> CountLiveAsync(DateOnly date, CancellationToken ct = default)
    {
        var live = await LiveOrders(date).CountAsync(ct);
        var interim = await LiveOrders(date).CountAsync(o => o.Kind == OrderKind.Interim, ct);
        return (interim, live - interim);
    }

    /// <summary>
    /// Live SPOs in force on <paramref name="date"/> (SPA 2019 ss.3, 5; R13, R16): made by then, last day not passed, not ended.
    /// </summary>
    public IQueryable<StalkingProtectionOrder> LiveOrders(DateOnly date) => InForceOn(db.Orders, date);

    public IQueryable<Application> ApplicationsInProgress() =>
        db.Applications.IgnoreAutoIncludes().AsNoTracking().Where(a => _inProgress.Contains(a.Status));

    /// <summary>In force and not yet served: the respondent may not know of the order, and s.9 has not started (R25).</summary>
    public IQueryable<StalkingProtectionOrder> OrdersNotServed(DateOnly date) => InForceOn(db.Orders.Where(o => o.ServedAt == null), date);

    /// <summary>
    /// R33: overdue, whether or not the nightly check has flagged it yet. An open duty counts only if an order against the
    /// respondent was in force on its due day (SPA 2019 s.9, R25–R28), so the duties of ended orders never count, even before the
    /// deadline check has excused them.
    /// </summary>
    /// <remarks>Two parts rather than one condition, so that PostgreSQL counts each from the index alone instead of visiting the table.</remarks>
    public IQueryable<NotificationObligation> NotificationsOverdue(DateOnly today) =>
        db.NotificationObligations.AsNoTracking().Where(o => o.Status == ObligationStatus.Overdue)
            .Concat(db.NotificationObligations.AsNoTracking().Where(o => o.Status == ObligationStatus.Open && o.DueBy < today)
                .Where(OrderEnd.StillArises(db.Orders)));

    /// <summary>SPA 2019 s.9, R25–R28: due soon, unless every order against the respondent ends before the due day.</summary>
    public IQueryable<NotificationObligation> NotificationsDueSoon(DateOnly today) =>
        db.NotificationObligations.AsNoTracking()
            .Where(o => o.Status == ObligationStatus.Open && o.DueBy >= today && o.DueBy <= today.AddDays(DueSoonDays))
            .Where(OrderEnd.StillArises(db.Orders));

    public IQueryable<Breach> BreachesThisMonth(DateOnly today)
    {
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        return db.Breaches.AsNoTracking().Where(b => b.IncidentOn >= monthStart && b.IncidentOn <= today);
    }

    public IQueryable<StalkingProtectionOrder> OrdersEndingSoon(DateOnly today) =>
        db.Orders.IgnoreAutoIncludes().AsNoTracking()
            .Where(o => o.LastInForceDay >= today && o.LastInForceDay <= today.AddDays(EndingSoonDays) && o.EndedOn == null);

    /// <summary>Online reports not yet decided, from the (status, submitted at) index.</summary>
    public IQueryable<PublicReport> ReportsAwaitingTriage() =>
        db.PublicReports.AsNoTracking().Where(r => r.Status == PublicReportStatus.New || r.Status == PublicReportStatus.InTriage);

    /// <summary>Every stalking case needs an SPO decision, to apply or not, with its reasons (R39).</summary>
    public IQueryable<StalkingCase> CasesWithoutSpoDecision() =>
        db.Cases.AsNoTracking()
            .Where(c => (c.Status == CaseStatus.Open || c.Status == CaseStatus.UnderInvestigation) && c.LatestSpoDecisionOn == null);

    /// <summary>
    /// The same orders as <see cref="OrderQueryExtensions.InForceOn"/>, as three disjoint parts that are each one short range of
    /// the live-order indexes: fixed-period orders whose last day is still to come, and orders until further order that
    /// have not ended or end later. As one condition, both databases read the made-date index from the first order ever.
    /// </summary>
    private static IQueryable<StalkingProtectionOrder> InForceOn(IQueryable<StalkingProtectionOrder> orders, DateOnly date)
    {
        var made = orders.IgnoreAutoIncludes().AsNoTracking().Where(o => o.MadeOn <= date);
        return made.Where(o => o.LastInForceDay >= date && (o.EndedOn == null || o.EndedOn > date))
            .Concat(made.Where(o => o.LastInForceDay == null && o.EndedOn == null))
            .Concat(made.Where(o => o.LastInForceDay == null && o.EndedOn > date));
    }
}
