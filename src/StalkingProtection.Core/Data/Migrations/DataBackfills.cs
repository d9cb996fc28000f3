using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StalkingProtection.Core.Data.Migrations;

/// <summary>
/// The fills in .NET that `migrate` runs after the migrations, for rows kept before the columns they fill existed. Each runs
/// until it has once finished, and is then recorded in <see cref="CompletedBackfill"/> and never run again: every writer
/// since (the services, the tracker import's bulk path, the bench seeder) builds its rows through the entities, which work
/// the same values out, so a finished fill has nothing left to find, and looking for it read whole tables on every
/// `migrate` (8.6 s at 1,000,000 orders, bench/results/2026-12-06-1000000-orders-postgres.md). On a new database each
/// finds nothing at once and is recorded.
/// </summary>
public static class DataBackfills
{
    public const string PersonNameSearch = "person_name_search";

    public const string SearchReferenceKeys = "search_reference_keys";

    private static readonly (string Name, Func<StalkingProtectionDbContext, CancellationToken, Task<int>> Run)[] _all =
    [
        (PersonNameSearch, PersonNameSearchBackfill.RunAsync),
        (SearchReferenceKeys, SearchReferenceBackfill.RunAsync),
    ];

    /// <summary>Runs the fills not yet recorded as finished, and records each as it finishes; answers the names of those run.</summary>
    public static async Task<IReadOnlyList<string>> RunPendingAsync(StalkingProtectionDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var completed = await db.Set<CompletedBackfill>().AsNoTracking().Select(b => b.Name).ToListAsync(ct);
        var ran = new List<string>();
        foreach (var (name, run) in _all.Where(b => !completed.Contains(b.Name)))
        {
            await run(db, ct);
            db.Add(new CompletedBackfill(name, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            ran.Add(name);
        }

        return ran;
    }
}

/// <summary>A fill of <see cref="DataBackfills"/> that has finished, and when.</summary>
public sealed class CompletedBackfill(string name, DateTimeOffset completedAt)
{
    public const int NameMaxLength = 100;

    public string Name { get; private set; } = name;

    public DateTimeOffset CompletedAt { get; private set; } = completedAt;
}

public sealed class CompletedBackfillConfiguration : IEntityTypeConfiguration<CompletedBackfill>
{
    public void Configure(EntityTypeBuilder<CompletedBackfill> builder)
    {
        builder.ToTable("completed_backfills");
        builder.HasKey(b => b.Name);
        builder.Property(b => b.Name).HasMaxLength(CompletedBackfill.NameMaxLength).ValueGeneratedNever();
    }
}
