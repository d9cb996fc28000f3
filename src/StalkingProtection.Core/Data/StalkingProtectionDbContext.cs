using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Lists;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Statistics;

namespace StalkingProtection.Core.Data;

/// <summary>
/// The one model of the service. Each provider has a subclass only so that it can keep its own migration set
/// (<see cref="SqliteStalkingProtectionDbContext"/>, <see cref="PostgresStalkingProtectionDbContext"/>).
/// </summary>
public abstract partial class StalkingProtectionDbContext(DbContextOptions options)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditSeal> AuditSeals => Set<AuditSeal>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public abstract DatabaseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(StalkingProtectionDbContext).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (typeof(IVersioned).IsAssignableFrom(entity.ClrType))
            {
                builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }
        }
    }

    // The service saves asynchronously everywhere; a synchronous save (EF Core tooling) takes the same steps.
    public override int SaveChanges(bool acceptAllChangesOnSuccess) => SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BeforeSave();
        var changes = ListKeys.Note(ChangeTracker);

        // The months whose stored statistics the save changes are written with it (P4).
        var months = StatisticsMonthChanges.Note(ChangeTracker);
        var marks = months.IsEmpty ? [] : await StatisticsMonthChanges.AddAsync(this, months, cancellationToken);
        try
        {
            if (changes.IsEmpty)
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }

            // The lists' stored keys follow the rows they are worked out from in the same transaction (P1).
            await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await ListKeys.RefreshAsync(this, changes, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            // Written or not, they are this save's: a save tried again notes its months again.
            foreach (var mark in marks)
            {
                Entry(mark).State = EntityState.Detached;
            }
        }
    }

    private void BeforeSave()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Deleted && entry.Entity is AuditEntry or AuditSeal)
            {
                throw new InvalidOperationException("Audit entries and their seals cannot be deleted.");
            }

            if (entry.State == EntityState.Modified && entry.Entity is AuditEntry or AuditSeal)
            {
                throw new InvalidOperationException("Audit entries and their seals cannot be changed.");
            }

            if (entry.Entity is IVersioned versioned)
            {
                if (entry.State == EntityState.Added && versioned.Version == 0)
                {
                    versioned.Version = 1;
                }
                else if (entry.State == EntityState.Modified)
                {
                    var property = entry.Property(nameof(IVersioned.Version));
                    property.CurrentValue = (long)property.OriginalValue! + 1;
                }
            }
        }
    }
}

public sealed class SqliteStalkingProtectionDbContext(DbContextOptions<SqliteStalkingProtectionDbContext> options)
    : StalkingProtectionDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite cannot compare or order DateTimeOffset text; every instant is UTC, so the binary form sorts correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }
}

public sealed class PostgresStalkingProtectionDbContext(DbContextOptions<PostgresStalkingProtectionDbContext> options)
    : StalkingProtectionDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
