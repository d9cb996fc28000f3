using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Auditing;

/// <summary>S3: the audit log sealed into a SHA-256 hash chain, and every kind of tampering it reveals.</summary>
public sealed class AuditChainTests : IAsyncLifetime
{
    private static readonly Actor _officer = new("officer-1", "PC Alex Test", "Officer", "Stalking Team");
    private readonly FakeTimeProvider _clock = TestClock.At(new DateOnly(2026, 11, 28), new TimeOnly(9, 0));
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task<List<long>> AddEntriesAsync(int count)
    {
        await using var db = _database.CreateContext();
        var audit = new AuditLog(db, _clock);
        var entries = Enumerable.Range(1, count)
            .Select(i => audit.Add(_officer, AuditEvents.Order.Viewed.For(Guid.NewGuid(), $"Incident {i}", newValues: new { i })))
            .ToList();
        await db.SaveChangesAsync();
        return entries.Select(e => e.Id).ToList();
    }

    private async Task<AuditSealResult> SealAsync()
    {
        await using var db = _database.CreateContext();
        return await new AuditChain(db).SealAsync(_clock.GetUtcNow(), TestContext.Current.CancellationToken);
    }

    private async Task<AuditChainReport> VerifyAsync()
    {
        await using var db = _database.CreateContext();
        return await new AuditChain(db).VerifyAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>What someone with the database owner's powers could do: switch off the append-only triggers and change rows.</summary>
    private async Task TamperAsync(string table, FormattableString change)
    {
        await using var db = _database.CreateContext();
        var unlock = _database.Provider == DatabaseProvider.Sqlite
            ? $"DROP TRIGGER IF EXISTS {table}_no_update; DROP TRIGGER IF EXISTS {table}_no_delete;"
            : $"ALTER TABLE {table} DISABLE TRIGGER USER;";
        await db.Database.ExecuteSqlRawAsync(unlock, TestContext.Current.CancellationToken);
        await db.Database.ExecuteSqlAsync(change, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task S3_SealThenVerify_SealsTheSettledEntriesInOrderAndTheChainIsIntact()
    {
        // Arrange: three entries now, and one a moment before sealing, still inside the settle time.
        var settled = await AddEntriesAsync(3);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var recent = await AddEntriesAsync(1);
        _clock.Advance(TimeSpan.FromSeconds(30));

        // Act
        var first = await SealAsync();
        var again = await SealAsync();
        var report = await VerifyAsync();

        // Assert
        Assert.Equal((3, settled[^1]), (first.Sealed, first.LastSealedEntryId!.Value));
        Assert.Equal(0, again.Sealed);
        Assert.True(report.Intact, string.Join(", ", report.Problems));
        Assert.Equal((3L, 1L), (report.Sealed, report.AwaitingSeal));
        Assert.Equal(first.HeadHash, report.HeadHash);
        Assert.Equal(64, report.HeadHash!.Length);
        await using var db = _database.CreateContext();
        var links = await db.AuditSeals.OrderBy(s => s.EntryId).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(settled, links.Select(l => l.EntryId));
        Assert.Equal([null, settled[0], settled[1]], links.Select(l => l.PreviousEntryId));
        Assert.DoesNotContain(links, l => l.EntryId == recent[0]);
    }

    [Fact]
    public async Task S3_EntryEditedAfterSealing_IsReportedAsAltered()
    {
        // Arrange
        var ids = await AddEntriesAsync(3);
        _clock.Advance(TimeSpan.FromMinutes(2));
        await SealAsync();
        await TamperAsync("audit_entries", $"UPDATE audit_entries SET justification = 'Incident 999' WHERE id = {ids[1]}");

        // Act
        var report = await VerifyAsync();

        // Assert
        Assert.False(report.Intact);
        Assert.Equal([new AuditChainProblem(ids[1], AuditChainProblemKind.Altered)], report.Problems);
    }

    [Fact]
    public async Task S3_EntryDeletedAfterSealing_IsReportedAsMissing()
    {
        // Arrange
        var ids = await AddEntriesAsync(3);
        _clock.Advance(TimeSpan.FromMinutes(2));
        await SealAsync();
        await TamperAsync("audit_entries", $"DELETE FROM audit_entries WHERE id = {ids[0]}");

        // Act
        var report = await VerifyAsync();

        // Assert
        Assert.Equal([new AuditChainProblem(ids[0], AuditChainProblemKind.Missing)], report.Problems);
    }

    [Fact]
    public async Task S3_LinkRemoved_LeavesItsEntryOutOfTheChainAndBreaksTheNextLink()
    {
        // Arrange
        var ids = await AddEntriesAsync(3);
        _clock.Advance(TimeSpan.FromMinutes(2));
        await SealAsync();
        await TamperAsync("audit_seals", $"DELETE FROM audit_seals WHERE entry_id = {ids[1]}");

        // Act
        var report = await VerifyAsync();

        // Assert
        Assert.Contains(new AuditChainProblem(ids[1], AuditChainProblemKind.NotInChain), report.Problems);
        Assert.Contains(new AuditChainProblem(ids[2], AuditChainProblemKind.BrokenLink), report.Problems);
    }

    [Fact]
    public async Task S3_LinkRewritten_IsReportedAsABrokenLink()
    {
        // Arrange
        var ids = await AddEntriesAsync(3);
        _clock.Advance(TimeSpan.FromMinutes(2));
        await SealAsync();
        await TamperAsync("audit_seals", $"UPDATE audit_seals SET chain_hash = content_hash WHERE entry_id = {ids[0]}");

        // Act
        var report = await VerifyAsync();

        // Assert
        Assert.Contains(new AuditChainProblem(ids[0], AuditChainProblemKind.BrokenLink), report.Problems);
        Assert.DoesNotContain(report.Problems, p => p.Kind == AuditChainProblemKind.Altered);
    }

    [Fact]
    public async Task S3_SealsTable_RefusesUpdateAndDelete()
    {
        // Arrange
        var ids = await AddEntriesAsync(1);
        _clock.Advance(TimeSpan.FromMinutes(2));
        await SealAsync();
        await using var db = _database.CreateContext();

        // Act
        var update = await Record.ExceptionAsync(() => db.Database.ExecuteSqlAsync($"UPDATE audit_seals SET sealed_at = sealed_at WHERE entry_id = {ids[0]}"));
        var delete = await Record.ExceptionAsync(() => db.Database.ExecuteSqlAsync($"DELETE FROM audit_seals WHERE entry_id = {ids[0]}"));

        // Assert
        Assert.Contains("append-only", update?.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete?.Message, StringComparison.Ordinal);
        Assert.Equal(1, await db.AuditSeals.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void S3_ContentHash_IsTheSha256OfEveryFieldAsItsLengthAndUtf8Bytes_SoChainsSealedEarlierStillVerify()
    {
        // Arrange: an entry with a null field and a non-ASCII one.
        var entry = new AuditEntry
        {
            OccurredAt = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero), ActorId = "officer-1", ActorName = "PC Zoë Test", ActorRole = null,
            Kind = AuditKind.Consultation, Action = "Order.Viewed", RecordType = "StalkingProtectionOrder", RecordId = "42",
            Justification = "Incident 13/000042/26", OldValues = null, NewValues = "{}", CorrelationId = null,
        };
        var expected = new List<byte>();
        foreach (var field in new[] { "0", "639314532000000000", "officer-1", "PC Zoë Test", null, "Consultation", "Order.Viewed",
            "StalkingProtectionOrder", "42", "Incident 13/000042/26", null, "{}", null })
        {
            var bytes = field is null ? null : System.Text.Encoding.UTF8.GetBytes(field);
            var length = new byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(length, bytes?.Length ?? -1);
            expected.AddRange(length);
            expected.AddRange(bytes ?? []);
        }

        // Act
        var hash = AuditChain.ContentHash(entry);

        // Assert
        Assert.Equal("639314532000000000", entry.OccurredAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(expected.ToArray())), Convert.ToHexString(hash));
    }
}

