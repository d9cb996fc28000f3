using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Search;

namespace StalkingProtection.Core.Data.Migrations;

/// <summary>
/// The reference keys the search looks up (<see cref="ReferenceKeys"/>), filled in for the people, orders and cases recorded
/// before they were kept: worked out in .NET, because a PNC ID's key drops the leading zeros of its serial, which SQLite's SQL
/// cannot do, and because SQLite's upper() folds only ASCII letters, then written a batch to a statement. `migrate` runs this
/// after the migrations until it has once finished (<see cref="DataBackfills"/>): finding that nothing is left to fill still
/// reads the people with a PNC ID and every case against its keys, several seconds at 1,000,000 orders.
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

            await SetKeysAsync(db, "people", "pnc_id_key", people.Select(p => (p.Id, ReferenceKeys.PncId(p.PncId!))).ToList(), ct);
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

            await SetKeysAsync(db, "orders", "pnc_reference_key", orders.Select(o => (o.Id, ReferenceKeys.PncId(o.PncReference!))).ToList(), ct);
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

    /// <summary>
    /// A batch of keys worked out here, written in one statement that joins them to their rows by id (UPDATE ... FROM VALUES,
    /// on SQLite 3.33 and later and on PostgreSQL, whose VALUES both name their columns column1, column2), not a statement a row.
    /// </summary>
    private static async Task SetKeysAsync(StalkingProtectionDbContext db, string table, string keyColumn, IReadOnlyList<(Guid Id, string Key)> keys,
        CancellationToken ct)
    {
        var values = string.Join(", ", keys.Select((_, i) => $"({{{2 * i}}}, {{{(2 * i) + 1}}})"));
        var parameters = keys.SelectMany(k => new object[] { k.Id, k.Key }).ToArray();
        // The table and column are the constants above; every value is a parameter.
        var sql = $"UPDATE {table} SET {keyColumn} = v.column2 FROM (VALUES {values}) AS v WHERE {table}.id = v.column1";
        if (await db.Database.ExecuteSqlRawAsync(sql, parameters, ct) == 0)
        {
            // The same rows would be read again for ever: start-up must fail instead.
            throw new InvalidOperationException($"No {table} row took its {keyColumn}");
        }
    }
}
