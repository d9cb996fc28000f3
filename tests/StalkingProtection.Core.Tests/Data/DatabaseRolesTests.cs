using Microsoft.EntityFrameworkCore;
using Npgsql;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Jobs;
using StalkingProtection.Core.People;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Data;

/// <summary>
/// S3 on PostgreSQL, the production database: the service's own login role, granted by a migration run, can add to the
/// audit log and its chain and change the records, but cannot change, delete or truncate the audit, nor switch off the
/// triggers that guard it. These run against PostgreSQL whichever pass of the suite runs them (the SQLite one, <see cref="OwnDatabaseAttribute"/>); on SQLite the triggers alone guard
/// the audit (AuditChainTests, AuditLogTests).
/// </summary>
[OwnDatabase]
public sealed class DatabaseRolesTests : IAsyncLifetime
{
    private const string InsufficientPrivilege = "42501";
    private static readonly Actor _officer = new("officer-1", "PC Alex Test", "Officer", "Stalking Team");
    private readonly string _role = $"sp_service_{Guid.NewGuid():N}"[..32];
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var owner = _database.CreateContext();
        var create = $"CREATE ROLE {_role} LOGIN";
        await owner.Database.ExecuteSqlRawAsync(create);
        await DatabaseRoles.GrantServiceRoleAsync(owner, _role);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var owner = _database.CreateContext())
        {
            var dropOwned = $"DROP OWNED BY {_role}";
            await owner.Database.ExecuteSqlRawAsync(dropOwned);
        }

        await _database.DisposeAsync();
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("STALKING_PROTECTION_TEST_POSTGRES")) { Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP ROLE IF EXISTS {_role}", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private StalkingProtectionDbContext ServiceContext() =>
        DatabaseSetup.CreateContext(DatabaseProvider.Postgres,
            new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Username = _role, Pooling = false }.ConnectionString);

    private async Task<string?> RefusalAsync(string sql)
    {
        await using var service = ServiceContext();
        var error = await Record.ExceptionAsync(() => service.Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken));
        return (error as PostgresException)?.SqlState;
    }

    [Fact]
    public async Task S3_ServiceRole_AddsToTheAuditAndItsChain_AndChangesRecords()
    {
        // Arrange
        var clock = TestClock.At(new DateOnly(2026, 11, 28));
        await using var service = ServiceContext();

        // Act
        var entry = new AuditLog(service, clock).Add(_officer, AuditEvents.Order.Viewed.For(Guid.NewGuid(), "Incident 1"));
        await service.SaveChangesAsync(TestContext.Current.CancellationToken);
        var seal = await new AuditChain(service).SealAsync(clock.GetUtcNow().AddMinutes(5), TestContext.Current.CancellationToken);
        var leased = await new JobLeases(service, clock).TryAcquireAsync(JobLease.AuditSeal, "test", TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        service.People.Add(Person.Create("Sam", "Example", new DateOnly(1980, 1, 1), Gender.Male, null, clock.GetUtcNow()));
        await service.SaveChangesAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(1, seal.Sealed);
        Assert.Equal(entry.Id, seal.LastSealedEntryId);
        Assert.True(leased);
        Assert.Equal(1, await service.People.CountAsync(TestContext.Current.CancellationToken));
        Assert.True((await new AuditChain(service).VerifyAsync(TestContext.Current.CancellationToken)).Intact);
        Assert.Empty(await service.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET actor_name = 'Someone else'")]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("TRUNCATE audit_entries")]
    [InlineData("ALTER TABLE audit_entries DISABLE TRIGGER USER")]
    [InlineData("UPDATE audit_seals SET chain_hash = content_hash")]
    [InlineData("DELETE FROM audit_seals")]
    [InlineData("TRUNCATE audit_seals")]
    [InlineData("ALTER TABLE audit_seals DISABLE TRIGGER USER")]
    [InlineData("DELETE FROM __ef_migrations_history")]
    [InlineData("DROP TABLE orders")]
    public async Task S3_ServiceRole_CannotChangeDeleteOrUnguardTheAudit(string sql)
    {
        // Arrange: something in both tables to change.
        await using (var service = ServiceContext())
        {
            new AuditLog(service, TimeProvider.System).Add(_officer, AuditEvents.Order.Viewed.For(Guid.NewGuid(), "Incident 2"));
            await service.SaveChangesAsync(TestContext.Current.CancellationToken);
            await new AuditChain(service).SealAsync(TimeProvider.System.GetUtcNow().AddMinutes(5), TestContext.Current.CancellationToken);
        }

        // Act
        var refusal = await RefusalAsync(sql);

        // Assert: refused for want of privilege, not by the triggers, and nothing changed.
        Assert.Equal(InsufficientPrivilege, refusal);
        await using var owner = _database.CreateContext();
        Assert.Equal(1, await owner.AuditSeals.CountAsync(TestContext.Current.CancellationToken));
        Assert.True((await new AuditChain(owner).VerifyAsync(TestContext.Current.CancellationToken)).Intact);
    }

    [Theory]
    [InlineData("sp_service; DROP TABLE orders")]
    [InlineData("SP_Service")]
    [InlineData("\"sp_service\"")]
    [InlineData("")]
    public async Task S3_GrantServiceRole_WithAnythingButAPlainRoleName_IsRefusedBeforeAnythingRuns(string role)
    {
        // Arrange
        await using var owner = _database.CreateContext();

        // Act
        var error = await Record.ExceptionAsync(() => DatabaseRoles.GrantServiceRoleAsync(owner, role, TestContext.Current.CancellationToken));

        // Assert
        Assert.IsType<ArgumentException>(error);
        Assert.Contains("orders", await owner.Database.SqlQueryRaw<string>("SELECT tablename AS \"Value\" FROM pg_tables WHERE schemaname = 'public'")
            .ToListAsync(TestContext.Current.CancellationToken));
    }
}
