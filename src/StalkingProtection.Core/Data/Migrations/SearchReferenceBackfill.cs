using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Search;

namespace StalkingProtection.Core.Data.Migrations;

/// <summary>
/// The reference keys the search looks up (<see cref="ReferenceKeys"/>), filled in for the people, orders and cases recorded
/// before they were kept: in .NET, because a PNC ID's key drops the leading zeros of its serial, which SQLite's SQL cannot
/// do, and because SQLite's upper() folds only ASCII letters. `migrate` runs this after the migrations; once every record
/// has its keys it reads nothing more than the indexes that say so.
/// </summary>
public static class SearchReferenceBackfill
{
    public const int BatchSize = 1000;

    /// <summary>Fills in the keys that are missing; answers how many people, orders and cases were given theirs.</summary>
    public static async Task<int> RunAsync(StalkingProtectionDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var filled = 0;
        while (true)
        {
            var people = await db.People.IgnoreAutoIncludes().AsNoTracking()
                .Where(p => p.PncId != null && p.PncIdKey == null)
                .OrderBy(p => p.Id).Take(BatchSize).Select(p => new { p.Id, p.PncId }).ToListAsync(ct);
            if (people.Count == 0)
            {
                break;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var person in people)
            {
                var key = ReferenceKeys.PncId(person.PncId!);
                await db.People.Where(p => p.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.PncIdKey, key), ct);
            }

            await transaction.CommitAsync(ct);
            filled += people.Count;
        }

        while (true)
        {
            var orders = await db.Orders.IgnoreAutoIncludes().AsNoTracking()
                .Where(o => o.PncReference != null && o.PncReferenceKey == null)
                .OrderBy(o => o.Id).Take(BatchSize).Select(o => new { o.Id, o.PncReference }).ToListAsync(ct);
            if (orders.Count == 0)
            {
                break;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var order in orders)
            {
                var key = ReferenceKeys.PncId(order.PncReference!);
                await db.Orders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.PncReferenceKey, key), ct);
            }

            await transaction.CommitAsync(ct);
            filled += orders.Count;
        }

        var keys = db.Set<CaseCrimeReference>();
        while (true)
        {
            var cases = await db.Cases.AsNoTracking()
                .Where(c => c.CrimeReferences != "" && !keys.Any(k => k.CaseId == c.Id))
                .OrderBy(c => c.Id).Take(BatchSize).Select(c => new { c.Id, c.CrimeReferences }).ToListAsync(ct);
            if (cases.Count == 0)
            {
                return filled;
            }

            var rows = cases.SelectMany(c => CaseCrimeReference.Of(c.Id, c.CrimeReferences.Split(','))).ToList();
            if (rows.Count == 0)
            {
                // Only blank references are left: they have no key to find them by, and start-up must not wait on them.
                return filled;
            }

            keys.AddRange(rows);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            filled += cases.Count;
        }
    }
}
