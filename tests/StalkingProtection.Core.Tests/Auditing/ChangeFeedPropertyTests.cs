using CsCheck;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Time.Testing;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Auditing;

/// <summary>
/// The change feed read page by page while writers run, each on its own connection and transaction, committing and
/// rolling back out of id order, and the sealer runs on a clock a few seconds off the writers'. Every generated schedule must
/// leave the reader having seen every committed change exactly once, in order, and nothing else.
/// </summary>
public sealed class ChangeFeedPropertyTests : IAsyncLifetime
{
    private const int Writers = 3;
    private static readonly Actor _officer = new("officer-1", "PC Alex Test", "Officer", "Stalking Team");

    /// <summary>What the sealer rests on: a transaction finishes well within the settle time of taking its first id.</summary>
    private static readonly TimeSpan _longestTransaction = AuditChain.SettleTime - TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _writersClock = TestClock.At(new DateOnly(2026, 11, 28), new TimeOnly(9, 0));
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private abstract record Step;

    private sealed record Write(int Writer, AuditKind Kind) : Step;

    private sealed record Commit(int Writer) : Step;

    private sealed record Rollback(int Writer) : Step;

    private sealed record Tick(int Seconds) : Step;

    private sealed record Seal : Step;

    private sealed record ReadPage(int Limit) : Step;

    private static readonly Gen<Step> _step = Gen.Frequency(
        (6, Gen.Select(Gen.Int[0, Writers - 1], Gen.OneOf(AuditKind.Collection, AuditKind.Alteration, AuditKind.Consultation, AuditKind.Combination),
            (w, k) => (Step)new Write(w, k))),
        (3, Gen.Int[0, Writers - 1].Select(w => (Step)new Commit(w))),
        (1, Gen.Int[0, Writers - 1].Select(w => (Step)new Rollback(w))),
        (3, Gen.Int[1, 40].Select(s => (Step)new Tick(s))),
        (2, Gen.Const((Step)new Seal())),
        (2, Gen.Int[1, 4].Select(n => (Step)new ReadPage(n))));

    [Fact]
    public async Task ChangeFeed_ReadInPagesWhileWritersCommitOutOfOrder_SeesEveryCommittedChangeExactlyOnceInOrder()
    {
        // Arrange
        var gen = Gen.Select(_step.Array[5, 60], Gen.Int[-5, 5]);

        // Act and Assert
        await gen.SampleAsync(async (steps, sealerSkewSeconds) =>
        {
            var (committed, seen) = await RunAsync(steps, TimeSpan.FromSeconds(sealerSkewSeconds));
            Assert.Equal(committed.Order(), seen);
        }, iter: 40, threads: 1);
    }

    [Fact]
    public async Task ChangeFeed_ATransactionOpenThreeTimesTheSettleTime_IsSeenExactlyOnceAfterItCommits()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var cursor = await CatchUpAsync(ct);
        var seen = new List<long>();
        var committed = new List<long>();
        await using var slow = new Writer(_database.CreateContext());
        await slow.WriteAsync(AuditKind.Alteration, _writersClock, ct);
        if (_database.Provider == DatabaseProvider.Postgres)
        {
            // A later transaction takes the next id and commits while the slow one is open. SQLite takes one writer at a
            // time, so there no later id can commit first: the write would wait for the slow transaction to end.
            await using var quick = new Writer(_database.CreateContext());
            await quick.WriteAsync(AuditKind.Collection, _writersClock, ct);
            committed.AddRange(await quick.CommitAsync(ct));
        }

        _writersClock.Advance(3 * AuditChain.SettleTime);
        await SealAsync(_writersClock.GetUtcNow(), ct);
        cursor = await ReadAsync(cursor, 10, seen, ct);

        // Act
        committed.AddRange(await slow.CommitAsync(ct));
        _writersClock.Advance(AuditChain.SettleTime + TimeSpan.FromSeconds(10));
        await SealAsync(_writersClock.GetUtcNow(), ct);
        while (await ReadAsync(cursor, 10, seen, ct) is var next && next != cursor)
        {
            cursor = next;
        }

        // Assert
        Assert.Equal(committed.Order(), seen);
    }

    /// <summary>Runs one schedule, then lets every writer finish and reads the feed to its end; answers the changes committed and the positions read.</summary>
    private async Task<(List<long> Committed, List<long> Seen)> RunAsync(Step[] steps, TimeSpan sealerSkew)
    {
        var ct = TestContext.Current.CancellationToken;
        var cursor = await CatchUpAsync(ct);
        var seen = new List<long>();
        var committed = new List<long>();
        var writers = Enumerable.Range(0, Writers).Select(_ => new Writer(_database.CreateContext())).ToArray();
        try
        {
            foreach (var step in steps)
            {
                switch (step)
                {
                    case Write w:
                        if (_database.Provider == DatabaseProvider.Sqlite)
                        {
                            // SQLite takes one writer at a time: the next waits until the open one commits.
                            foreach (var other in writers.Where((o, i) => i != w.Writer && o.Open))
                            {
                                committed.AddRange(await other.CommitAsync(ct));
                            }
                        }

                        await writers[w.Writer].WriteAsync(w.Kind, _writersClock, ct);
                        break;
                    case Commit c:
                        committed.AddRange(await writers[c.Writer].CommitAsync(ct));
                        break;
                    case Rollback r:
                        await writers[r.Writer].RollbackAsync(ct);
                        break;
                    case Tick t:
                        var then = _writersClock.GetUtcNow() + TimeSpan.FromSeconds(t.Seconds);
                        foreach (var open in writers.Where(o => o.Open && then - o.OpenedAt > _longestTransaction))
                        {
                            committed.AddRange(await open.CommitAsync(ct));
                        }

                        _writersClock.Advance(TimeSpan.FromSeconds(t.Seconds));
                        break;
                    case Seal:
                        if (_database.Provider == DatabaseProvider.Sqlite)
                        {
                            foreach (var open in writers.Where(o => o.Open))
                            {
                                committed.AddRange(await open.CommitAsync(ct));
                            }
                        }

                        await SealAsync(_writersClock.GetUtcNow() + sealerSkew, ct);
                        break;
                    case ReadPage p:
                        cursor = await ReadAsync(cursor, p.Limit, seen, ct);
                        break;
                }
            }

            foreach (var open in writers.Where(o => o.Open))
            {
                committed.AddRange(await open.CommitAsync(ct));
            }
        }
        finally
        {
            foreach (var writer in writers)
            {
                await writer.DisposeAsync();
            }
        }

        _writersClock.Advance(AuditChain.SettleTime + TimeSpan.FromSeconds(10));
        await SealAsync(_writersClock.GetUtcNow() + sealerSkew, ct);
        while (true)
        {
            var before = seen.Count;
            cursor = await ReadAsync(cursor, 5, seen, ct);
            if (seen.Count == before)
            {
                return (committed, seen);
            }
        }
    }

    /// <summary>Seals whatever earlier schedules left and answers the feed's end, where this schedule's reader starts.</summary>
    private async Task<long> CatchUpAsync(CancellationToken ct)
    {
        _writersClock.Advance(AuditChain.SettleTime + TimeSpan.FromSeconds(10));
        await SealAsync(_writersClock.GetUtcNow(), ct);
        var cursor = 0L;
        while (true)
        {
            var page = await ReadAsync(cursor, 100, [], ct);
            if (page == cursor)
            {
                return cursor;
            }

            cursor = page;
        }
    }

    private async Task SealAsync(DateTimeOffset sealersNow, CancellationToken ct)
    {
        await using var db = _database.CreateContext();
        await new AuditChain(db).SealAsync(sealersNow, ct);
    }

    private async Task<long> ReadAsync(long cursor, int limit, List<long> seen, CancellationToken ct)
    {
        await using var db = _database.CreateContext();
        var page = await new ChangeFeed(db).ReadAsync(cursor, limit, ct);
        seen.AddRange(page.Select(c => c.Position));
        return page.Count == 0 ? cursor : page[^1].Position;
    }

    /// <summary>One writer: its own connection, and a transaction held open across steps until it commits or rolls back.</summary>
    private sealed class Writer(StalkingProtectionDbContext db) : IAsyncDisposable
    {
        private readonly List<AuditEntry> _pending = [];
        private IDbContextTransaction? _transaction;

        public bool Open => _transaction is not null;

        public DateTimeOffset OpenedAt { get; private set; }

        public async Task WriteAsync(AuditKind kind, TimeProvider clock, CancellationToken ct)
        {
            if (_transaction is null)
            {
                _transaction = await db.Database.BeginTransactionAsync(ct);
                OpenedAt = clock.GetUtcNow();
            }

            _pending.Add(new AuditLog(db, clock).Add(_officer, new AuditEvent(kind, "Case.Changed", "StalkingCase", Guid.NewGuid()) { NewValues = new { Step = _pending.Count } }));
            await db.SaveChangesAsync(ct);
        }

        /// <summary>Commits, and answers the ids of the changes (not the consultations) it committed.</summary>
        public async Task<List<long>> CommitAsync(CancellationToken ct)
        {
            if (_transaction is null)
            {
                return [];
            }

            await _transaction.CommitAsync(ct);
            var changes = _pending.Where(e => e.Kind != AuditKind.Consultation).Select(e => e.Id).ToList();
            await EndAsync();
            return changes;
        }

        public async Task RollbackAsync(CancellationToken ct)
        {
            if (_transaction is not null)
            {
                await _transaction.RollbackAsync(ct);
                await EndAsync();
            }
        }

        private async Task EndAsync()
        {
            await _transaction!.DisposeAsync();
            _transaction = null;
            _pending.Clear();
            db.ChangeTracker.Clear();
        }

        public async ValueTask DisposeAsync()
        {
            if (_transaction is not null)
            {
                await _transaction.DisposeAsync();
            }

            await db.DisposeAsync();
        }
    }
}
