using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.People;

namespace StalkingProtection.Core.Data.Migrations;

/// <summary>
/// What the search keeps for each name, filled in for the names recorded before it was kept, in .NET because only
/// <see cref="PersonName.NormaliseName"/> folds every alphabet: the words of the name (<see cref="PersonNameWord"/>), and
/// its <see cref="PersonName.FamilySearchKey"/> again where the SQL fill of the migration that added the key left it wrong
/// (SQLite's lower() folds only ASCII capitals, so "ΔΗΜΗΤΡΊΟΥ" or "ŁUKASZ" kept theirs). The names without words are the
/// names recorded before; `migrate` runs this after the migrations until it has once finished (<see cref="DataBackfills"/>).
/// </summary>
public static class PersonNameSearchBackfill
{
    public const int BatchSize = 1000;

    /// <summary>Fills in the names that have no words yet; answers how many names' family search keys were corrected.</summary>
    public static async Task<int> RunAsync(StalkingProtectionDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var corrected = 0;
        // A name of punctuation alone has no words; it is read once and passed over.
        var wordless = new List<Guid>();
        while (true)
        {
            var batch = await db.Set<PersonName>().AsNoTracking()
                .Where(n => !db.Set<PersonNameWord>().Any(w => w.PersonNameId == n.Id) && !wordless.Contains(n.Id))
                .OrderBy(n => n.Id).Take(BatchSize)
                .Select(n => new { n.Id, n.GivenNames, n.FamilyName, n.FamilySearchKey })
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return corrected;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var name in batch)
            {
                var words = PersonNameWord.Of(name.Id, name.GivenNames, name.FamilyName).ToList();
                if (words.Count == 0)
                {
                    wordless.Add(name.Id);
                }

                db.Set<PersonNameWord>().AddRange(words);
                var key = PersonName.SearchKey(name.FamilyName);
                if (key != name.FamilySearchKey)
                {
                    await db.Set<PersonName>().Where(n => n.Id == name.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.FamilySearchKey, key), ct);
                    corrected++;
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
