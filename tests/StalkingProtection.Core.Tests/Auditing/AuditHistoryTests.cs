using StalkingProtection.Core.Auditing;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Auditing;

/// <summary>The history the case and order pages show: every record named, whatever its type, read through an index.</summary>
public sealed class AuditHistoryTests : IAsyncLifetime
{
    private static readonly Actor _officer = new("user-1", "PC Test", "Officer", "Team A");
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task AddAsync(params AuditEvent[] events)
    {
        await using var context = _database.CreateContext();
        var log = new AuditLog(context, TimeProvider.System);
        foreach (var auditEvent in events)
        {
            log.Add(_officer, auditEvent);
        }

        await context.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task OfRecords_RecordsOfSeveralTypes_GivesTheirChangesNewestFirstWithoutConsultations()
    {
        // Arrange
        foreach (var auditEvent in new[]
        {
            AuditEvents.Order.Made.For("order-1"),
            AuditEvents.Breach.Recorded.For("breach-1"),
            AuditEvents.Order.Viewed.For("order-1"),
            AuditEvents.Order.Varied.For("order-2"),
            AuditEvents.Order.ServiceRecorded.For("order-1"),
        })
        {
            await AddAsync(auditEvent);
        }

        await using var context = _database.CreateContext();

        // Act
        var history = await context.AuditEntries.OfRecordsAsync(["order-1", "breach-1", "order-1"], TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(["Order.ServiceRecorded", "Breach.Recorded", "Order.Made"], history.Select(e => e.Action));
    }

    [Fact]
    public async Task P2_OfRecords_ReadsTheIndexOfChangesNotTheWholeAuditLogNorTheRecordsConsultations()
    {
        // Arrange
        await AddAsync([.. Enumerable.Range(0, 50).Select(i => AuditEvents.Order.Viewed.For($"order-{i % 5}")), AuditEvents.Order.Made.For("order-1")]);
        var recorder = new QueryPlanRecorder(_database.Provider);
        await using var context = _database.CreateContext(recorder);

        // Act
        var history = await context.AuditEntries.OfRecordsAsync(["order-1", "breach-1"], TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(["Order.Made"], history.Select(e => e.Action));
        var (sql, plan) = recorder.Plans.Single();
        var because = $"plan:\n{plan}\nfor:\n{sql}";
        Assert.Contains("ix_audit_entries_record_id_changes", QueryPlanRecorder.IndexesUsed(plan, _database.Provider));
        Assert.True(QueryPlanRecorder.FullScans(plan, _database.Provider).Count == 0, because);
        Assert.True(QueryPlanRecorder.FullIndexScans(plan, _database.Provider).Count == 0, because);
    }
}
