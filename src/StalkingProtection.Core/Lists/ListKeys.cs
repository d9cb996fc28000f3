using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Tasks;

namespace StalkingProtection.Core.Lists;

/// <summary>
/// P1: the sort keys the cases, orders and applications lists read from their own tables (<see cref="CaseListKeys"/>,
/// <see cref="OrderListKeys"/>, <see cref="ApplicationListKeys"/>). Most depend on other tables (a respondent's names, tasks,
/// duties, hearings, decisions, staff accounts), so no entity method can keep them exact alone. Instead the context notes, on
/// every save, which rows the save touches and, in the same transaction after the save, works out again the keys of the
/// cases, orders and applications they belong to, so a service that changes one of the inputs cannot forget to. Rows written
/// around the change tracker (an import's chunks, the benchmark's seeding) call <see cref="RefreshAsync(StalkingProtectionDbContext, IEnumerable{object}, CancellationToken)"/>
/// or <see cref="RefreshAllAsync"/>.
/// </summary>
public static class ListKeys
{
    public const int RespondentSortKeyMaxLength = PersonName.NameMaxLength * 2 + 1;

    /// <summary>The rows of a save that can change some list's keys, noted before the save while deleted rows still say whose they were.</summary>
    public sealed class Changes
    {
        internal HashSet<Guid> Cases { get; } = [];

        internal HashSet<Guid> Orders { get; } = [];

        internal HashSet<Guid> Applications { get; } = [];

        internal HashSet<Guid> People { get; } = [];

        internal HashSet<Guid> Respondents { get; } = [];

        internal HashSet<Guid> Users { get; } = [];

        public bool IsEmpty => Cases.Count + Orders.Count + Applications.Count + People.Count + Respondents.Count + Users.Count == 0;
    }

    public static Changes Note(ChangeTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var changes = new Changes();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case StaffUser u when entry.State == EntityState.Modified && entry.Property(nameof(StaffUser.DisplayName)).IsModified:
                    changes.Users.Add(u.Id);
                    break;
                case StaffUser:
                    break;
                default:
                    Add(changes, entry.Entity);
                    break;
            }
        }

        return changes;
    }

    /// <summary>Works out again the keys of the lists' rows the saved rows belong to; called by the context after the save, in its transaction.</summary>
    public static async Task RefreshAsync(StalkingProtectionDbContext db, Changes changes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(changes);
        await CaseListKeys.RefreshAsync(db, changes, ct);
        await OrderListKeys.RefreshAsync(db, changes, ct);
        await ApplicationListKeys.RefreshAsync(db, changes, ct);
    }

    /// <summary>The keys the given records (written around the change tracker) can move, worked out again for a thousand records at a time.</summary>
    public static async Task RefreshAsync(StalkingProtectionDbContext db, IEnumerable<object> records, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(records);
        foreach (var chunk in records.Chunk(1_000))
        {
            var changes = new Changes();
            foreach (var record in chunk)
            {
                Add(changes, record);
            }

            await RefreshAsync(db, changes, ct);
        }
    }

    /// <summary>The keys of every case, order and application, worked out again; the number of rows updated.</summary>
    public static async Task<int> RefreshAllAsync(StalkingProtectionDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await CaseListKeys.UpdateAsync(db, db.Cases, ct)
            + await OrderListKeys.UpdateAsync(db, db.Orders.IgnoreAutoIncludes(), ct)
            + await ApplicationListKeys.UpdateAsync(db, db.Applications.IgnoreAutoIncludes(), ct);
    }

    /// <summary>
    /// The rows one record's change can move: for a case, the case; for an order, the order and its case; for a task or duty,
    /// the case or order it is for; for a hearing, its application; for a name, the person (cases, orders and applications
    /// found through the person's respondents and victims).
    /// </summary>
    private static void Add(Changes changes, object record)
    {
        switch (record)
        {
            case StalkingCase c:
                changes.Cases.Add(c.Id);
                break;
            case Victim v:
                changes.Cases.Add(v.CaseId);
                break;
            case SpoDecision d:
                changes.Cases.Add(d.CaseId);
                break;
            case StaffTask t:
                Add(changes.Cases, t.CaseId);
                Add(changes.Orders, t.OrderId);
                break;
            case NotificationObligation n:
                Add(changes.Orders, n.OrderId);
                break;
            case StalkingProtectionOrder o:
                changes.Cases.Add(o.CaseId);
                changes.Orders.Add(o.Id);
                break;
            case Application a:
                changes.Applications.Add(a.Id);
                break;
            case Hearing h:
                changes.Applications.Add(h.ApplicationId);
                break;
            case PersonName n:
                changes.People.Add(n.PersonId);
                break;
            case Respondent r:
                changes.Respondents.Add(r.Id);
                break;
        }
    }

    private static void Add(HashSet<Guid> set, Guid? id)
    {
        if (id is { } value)
        {
            set.Add(value);
        }
    }
}
