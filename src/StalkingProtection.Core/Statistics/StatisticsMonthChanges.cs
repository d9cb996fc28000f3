using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Statistics;

/// <summary>
/// P4: which months' stored statistics a save changes. The context notes them from the saved rows' values before and after
/// (a changed date moves a record from one month to another), and from the records counted under another's value: a case's
/// team and report date, an application's lodging date, a decision to apply. It writes a <see cref="StatisticsMonthChange"/>
/// for each in the same save, so no service can forget to. Rows written around the change tracker (the tracker import's bulk
/// path) are noted with <see cref="MonthsOf"/>.
/// </summary>
public static class StatisticsMonthChanges
{
    public sealed class Changes
    {
        internal HashSet<DateOnly> Months { get; } = [];

        /// <summary>Cases whose team changed (or that were deleted): every record counted under the case's team.</summary>
        internal HashSet<Guid> CaseTeams { get; } = [];

        /// <summary>Cases whose report date changed: their decisions' report-to-decision days.</summary>
        internal HashSet<Guid> CaseReports { get; } = [];

        /// <summary>Cases with a decision to apply added, changed or removed, and the earliest day it was dated.</summary>
        internal Dictionary<Guid, DateOnly> ApplyDecisions { get; } = [];

        /// <summary>Applications whose lodging date changed (or that were deleted): their orders' application-to-order days.</summary>
        internal HashSet<Guid> ApplicationsLodged { get; } = [];

        public bool IsEmpty => Months.Count + CaseTeams.Count + CaseReports.Count + ApplyDecisions.Count + ApplicationsLodged.Count == 0;
    }

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>
    /// The first day an order is no longer in force: the day after its last day or the day it ended, whichever is earlier, and
    /// never before the day it was made (an order ended the day it was made is in force on no day). None while it has no end.
    /// </summary>
    public static DateOnly? FirstDayEnded(DateOnly madeOn, DateOnly? lastInForceDay, DateOnly? endedOn)
    {
        DateOnly? ended = (lastInForceDay?.AddDays(1), endedOn) switch
        {
            ({ } after, { } on) => after < on ? after : on,
            ({ } after, null) => after,
            (null, { } on) => on,
            _ => null,
        };
        return ended is { } day && day < madeOn ? madeOn : ended;
    }

    /// <summary>The months a save changes, noted before the save; the context has detected its changes just before.</summary>
    public static Changes Note(ChangeTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return Note(tracker.Entries());
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    private static Changes Note(IEnumerable<EntityEntry> entries)
    {
        var changes = new Changes();
        foreach (var entry in entries)
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Application application:
                    NoteDates(changes, entry, nameof(Application.LodgedOn));
                    if (entry.State == EntityState.Deleted || Changed(entry, nameof(Application.LodgedOn)))
                    {
                        changes.ApplicationsLodged.Add(application.Id);
                    }

                    break;
                case StalkingProtectionOrder:
                    NoteDates(changes, entry, nameof(StalkingProtectionOrder.MadeOn));
                    foreach (var values in Values(entry))
                    {
                        if (FirstDayEnded((DateOnly)values[nameof(StalkingProtectionOrder.MadeOn)]!, (DateOnly?)values[nameof(StalkingProtectionOrder.LastInForceDay)],
                            (DateOnly?)values[nameof(StalkingProtectionOrder.EndedOn)]) is { } ended)
                        {
                            changes.Months.Add(MonthOf(ended));
                        }
                    }

                    break;
                case Breach:
                    NoteDates(changes, entry, nameof(Breach.IncidentOn));
                    break;
                case NotificationObligation:
                    NoteDates(changes, entry, nameof(NotificationObligation.DueBy));
                    break;
                case Appeal:
                    NoteDates(changes, entry, nameof(Appeal.DecisionOn));
                    break;
                case OrderChange:
                    NoteDates(changes, entry, nameof(OrderChange.DecidedOn));
                    break;
                case NotificationOffence:
                    NoteDates(changes, entry, nameof(NotificationOffence.OffenceOn));
                    break;
                case SpoDecision decision:
                    NoteDates(changes, entry, nameof(SpoDecision.DecidedOn));
                    foreach (var values in Values(entry))
                    {
                        if ((SpoDecisionOutcome)values[nameof(SpoDecision.Decision)]! == SpoDecisionOutcome.Apply)
                        {
                            var decidedOn = (DateOnly)values[nameof(SpoDecision.DecidedOn)]!;
                            changes.ApplyDecisions[decision.CaseId] = changes.ApplyDecisions.TryGetValue(decision.CaseId, out var earliest) && earliest < decidedOn
                                ? earliest : decidedOn;
                        }
                    }

                    break;
                case StalkingCase c:
                    if (entry.State != EntityState.Modified || Changed(entry, nameof(StalkingCase.Team)) || Changed(entry, nameof(StalkingCase.OpenedAt)))
                    {
                        foreach (var values in Values(entry))
                        {
                            changes.Months.Add(MonthOf(LondonTime.DateOf((DateTimeOffset)values[nameof(StalkingCase.OpenedAt)]!)));
                        }
                    }

                    if (entry.State == EntityState.Deleted || Changed(entry, nameof(StalkingCase.Team)))
                    {
                        changes.CaseTeams.Add(c.Id);
                    }

                    if (entry.State == EntityState.Deleted || Changed(entry, nameof(StalkingCase.ReportedOn)))
                    {
                        changes.CaseReports.Add(c.Id);
                    }

                    break;
            }
        }

        return changes;
    }

    /// <summary>
    /// Adds a <see cref="StatisticsMonthChange"/> for each month the save changes to the context, to be written with the save;
    /// the months of records counted under a changed case, application or decision are read from the database first.
    /// </summary>
    public static async Task<IReadOnlyList<StatisticsMonthChange>> AddAsync(StalkingProtectionDbContext db, Changes changes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(changes);
        var months = new HashSet<DateOnly>(changes.Months);
        if (changes.CaseTeams.Count > 0)
        {
            var cases = changes.CaseTeams.ToList();
            foreach (var lodged in await db.Applications.IgnoreAutoIncludes().AsNoTracking()
                .Where(a => cases.Contains(a.CaseId) && a.LodgedOn != null).Select(a => a.LodgedOn!.Value).Distinct().ToListAsync(ct))
            {
                months.Add(MonthOf(lodged));
            }

            foreach (var order in await db.Orders.IgnoreAutoIncludes().AsNoTracking()
                .Where(o => cases.Contains(o.CaseId)).Select(o => new { o.MadeOn, o.LastInForceDay, o.EndedOn }).ToListAsync(ct))
            {
                months.Add(MonthOf(order.MadeOn));
                if (FirstDayEnded(order.MadeOn, order.LastInForceDay, order.EndedOn) is { } ended)
                {
                    months.Add(MonthOf(ended));
                }
            }
        }

        if (changes.CaseReports.Count > 0)
        {
            var cases = changes.CaseReports.ToList();
            foreach (var decided in await db.SpoDecisions.AsNoTracking().Where(d => cases.Contains(d.CaseId)).Select(d => d.DecidedOn).Distinct().ToListAsync(ct))
            {
                months.Add(MonthOf(decided));
            }
        }

        // The decision to apply that led to a main application is the latest made on or before it was lodged.
        foreach (var (caseId, from) in changes.ApplyDecisions)
        {
            foreach (var lodged in await db.Applications.IgnoreAutoIncludes().AsNoTracking()
                .Where(a => a.CaseId == caseId && a.Type == ApplicationType.Full && a.LodgedOn >= from).Select(a => a.LodgedOn!.Value).Distinct().ToListAsync(ct))
            {
                months.Add(MonthOf(lodged));
            }
        }

        if (changes.ApplicationsLodged.Count > 0)
        {
            var applications = changes.ApplicationsLodged.ToList();
            foreach (var made in await db.Orders.IgnoreAutoIncludes().AsNoTracking()
                .Where(o => o.ApplicationId != null && applications.Contains(o.ApplicationId.Value)).Select(o => o.MadeOn).Distinct().ToListAsync(ct))
            {
                months.Add(MonthOf(made));
            }
        }

        var added = months.Order().Select(m => new StatisticsMonthChange { Month = m }).ToList();
        db.Set<StatisticsMonthChange>().AddRange(added);
        return added;
    }

    /// <summary>The months new records written around the change tracker are counted in: each record's own dates.</summary>
    public static IReadOnlyList<StatisticsMonthChange> MonthsOf(IEnumerable<object> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var months = new HashSet<DateOnly>();
        foreach (var record in records)
        {
            DateOnly? day = record switch
            {
                Application a => a.LodgedOn,
                StalkingProtectionOrder o => o.MadeOn,
                Breach b => b.IncidentOn,
                NotificationObligation n => n.DueBy,
                Appeal a => a.DecisionOn,
                OrderChange c => c.DecidedOn,
                NotificationOffence n => n.OffenceOn,
                SpoDecision d => d.DecidedOn,
                StalkingCase c => LondonTime.DateOf(c.OpenedAt),
                _ => null,
            };
            if (day is { } value)
            {
                months.Add(MonthOf(value));
            }

            if (record is StalkingProtectionOrder order && FirstDayEnded(order.MadeOn, order.LastInForceDay, order.EndedOn) is { } ended)
            {
                months.Add(MonthOf(ended));
            }
        }

        return months.Order().Select(m => new StatisticsMonthChange { Month = m }).ToList();
    }

    private static bool Changed(EntityEntry entry, string property) => entry.State == EntityState.Modified && entry.Property(property).IsModified;

    private static void NoteDates(Changes changes, EntityEntry entry, string property)
    {
        foreach (var values in Values(entry))
        {
            if (values[property] is DateOnly day)
            {
                changes.Months.Add(MonthOf(day));
            }
        }
    }

    /// <summary>The row's values as saved before (changed or deleted rows) and after (added or changed rows).</summary>
    private static IEnumerable<PropertyValues> Values(EntityEntry entry)
    {
        if (entry.State is EntityState.Modified or EntityState.Deleted)
        {
            yield return entry.OriginalValues;
        }

        if (entry.State is EntityState.Added or EntityState.Modified)
        {
            yield return entry.CurrentValues;
        }
    }
}
