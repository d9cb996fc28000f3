using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Auditing;

public class AuditLogTests
{
    private static readonly Actor _officer = new("user-1", "PC Test", "Officer", "Team A");

    [Fact]
    public async Task Add_WithOldAndNewValues_IsSavedWithTheChangeInOneTransaction()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var clock = TestClock.At(new DateOnly(2026, 3, 29), new TimeOnly(1, 30));
        await using (var context = database.CreateContext())
        {
            var log = new AuditLog(context, clock);

            // Act
            log.Add(_officer, AuditEvents.Order.Varied.For("order-1", "Victim moved house",
                oldValues: new { Zone = "Old Town" }, newValues: new { Zone = "New Town" }));
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // Assert
        await using var reader = database.CreateContext();
        var entry = await reader.AuditEntries.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("Order.Varied", entry.Action);
        Assert.Equal(AuditKind.Alteration, entry.Kind);
        Assert.Equal("PC Test", entry.ActorName);
        Assert.Equal(clock.GetUtcNow(), entry.OccurredAt);
        Assert.Equal(TimeSpan.Zero, entry.OccurredAt.Offset);
        Assert.Contains("Old Town", entry.OldValues, StringComparison.Ordinal);
        Assert.Contains("New Town", entry.NewValues, StringComparison.Ordinal);
        Assert.Equal("Victim moved house", entry.Justification);
    }

    [Fact]
    public async Task S3_UpdateOrDeleteOfAnAuditRow_IsRefusedByTheDatabase()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        await using var context = database.CreateContext();
        new AuditLog(context, TimeProvider.System).Add(_officer, AuditEvents.Order.Viewed.For("order-1"));
        await context.SaveChangesAsync(TestContext.Current.CancellationToken);

        // Act
        var update = await Record.ExceptionAsync(() => context.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET action = 'Tampered'"));
        var delete = await Record.ExceptionAsync(() => context.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries"));

        // Assert
        Assert.NotNull(update);
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.NotNull(delete);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal(1, await context.AuditEntries.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SaveChanges_WhenAnAuditEntryIsModified_Throws()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        await using var context = database.CreateContext();
        new AuditLog(context, TimeProvider.System).Add(_officer, AuditEvents.Order.Viewed.For("order-1"));
        await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        var entry = await context.AuditEntries.SingleAsync(TestContext.Current.CancellationToken);
        context.Entry(entry).Property(e => e.Justification).CurrentValue = "changed";

        // Act
        var exception = await Record.ExceptionAsync(() => context.SaveChangesAsync(TestContext.Current.CancellationToken));

        // Assert
        Assert.IsType<InvalidOperationException>(exception);
    }
}
