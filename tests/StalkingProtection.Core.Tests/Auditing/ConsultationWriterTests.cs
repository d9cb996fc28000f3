using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using StalkingProtection.Core.Auditing;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Auditing;

/// <summary>The shared writer that commits the consultation entries of concurrent reads together (DPA 2018 s.62).</summary>
public sealed class ConsultationWriterTests
{
    private static readonly Actor _officer = new("officer-1", "PC Alex Test", "Officer", "Stalking Team");

    private static AuditEntry Entry(int i) => new()
    {
        OccurredAt = DateTimeOffset.UnixEpoch,
        ActorId = _officer.Id,
        ActorName = _officer.Name,
        Kind = AuditKind.Consultation,
        Action = "Order.Viewed",
        RecordType = "StalkingProtectionOrder",
        Justification = $"Incident {i}",
    };

    /// <summary>A commit that waits at a gate, so a test decides when each batch finishes.</summary>
    private sealed class GatedCommit
    {
        private TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool _open;

        public List<int> BatchSizes { get; } = [];

        public List<AuditEntry> Committed { get; } = [];

        public TaskCompletionSource Started { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Exception? Failure { get; set; }

        public async Task CommitAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
        {
            BatchSizes.Add(entries.Count);
            Started.TrySetResult();
            if (!_open)
            {
                await _gate.Task;
            }

            if (Failure is not null)
            {
                throw Failure;
            }

            Committed.AddRange(entries);
        }

        /// <summary>Lets the batch in progress finish; the next one waits at a new gate.</summary>
        public void Release()
        {
            var gate = _gate;
            _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            gate.SetResult();
        }

        /// <summary>Lets every batch through from now on.</summary>
        public void Open()
        {
            _open = true;
            _gate.TrySetResult();
        }
    }

    [Fact]
    public async Task WriteAsync_OneReadsSeveralEntries_AreCommittedInTheSameBatch()
    {
        // Arrange: a frontline lookup's search entry and one entry for each person it showed.
        var commit = new GatedCommit();
        commit.Open();
        await using var writer = new ConsultationWriter(commit.CommitAsync, NullLogger<ConsultationWriter>.Instance);

        // Act
        await writer.WriteAsync([Entry(0), Entry(1), Entry(2)], TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal([3], commit.BatchSizes);
        Assert.Equal(["Incident 0", "Incident 1", "Incident 2"], commit.Committed.Select(e => e.Justification));
    }

    [Fact]
    public async Task WriteAsync_WhileABatchCommits_QueuesTheNextReadsAndCommitsThemTogetherBeforeAnyCompletes()
    {
        // Arrange
        var commit = new GatedCommit();
        await using var writer = new ConsultationWriter(commit.CommitAsync, NullLogger<ConsultationWriter>.Instance);
        var first = writer.WriteAsync([Entry(0)], TestContext.Current.CancellationToken);
        await commit.Started.Task.WaitAsync(TestContext.Current.CancellationToken);

        // Act: twenty reads arrive while the first commit is in flight.
        var waiting = Enumerable.Range(1, 20).Select(i => writer.WriteAsync([Entry(i)], TestContext.Current.CancellationToken)).ToList();
        commit.Release();
        await first;
        await commit.Started.Task.WaitAsync(TestContext.Current.CancellationToken);
        var completedBeforeCommit = waiting.Count(t => t.IsCompleted);
        commit.Open();
        await Task.WhenAll(waiting);

        // Assert
        Assert.Equal(0, completedBeforeCommit);
        Assert.Equal([1, 20], commit.BatchSizes);
        Assert.Equal(Enumerable.Range(0, 21).Select(i => $"Incident {i}"), commit.Committed.Select(e => e.Justification));
    }

    [Fact]
    public async Task WriteAsync_WhenTheBatchCommitFails_FaultsEveryReadInItAndTheNextBatchStillCommits()
    {
        // Arrange
        var commit = new GatedCommit();
        await using var writer = new ConsultationWriter(commit.CommitAsync, NullLogger<ConsultationWriter>.Instance);
        var first = writer.WriteAsync([Entry(0)], TestContext.Current.CancellationToken);
        await commit.Started.Task.WaitAsync(TestContext.Current.CancellationToken);
        commit.Failure = new IOException("disk full");

        // Act
        var reads = Enumerable.Range(1, 5).Select(i => writer.WriteAsync([Entry(i)], TestContext.Current.CancellationToken)).ToList();
        commit.Release();
        await commit.Started.Task.WaitAsync(TestContext.Current.CancellationToken);
        commit.Release();
        var failures = await Task.WhenAll(reads.Prepend(first).Select(r => Record.ExceptionAsync(() => r).AsTask()));
        commit.Failure = null;
        commit.Open();
        await writer.WriteAsync([Entry(6)], TestContext.Current.CancellationToken);

        // Assert
        Assert.All(failures, f => Assert.IsType<IOException>(Assert.IsType<InvalidOperationException>(f).InnerException));
        Assert.Equal(["Incident 6"], commit.Committed.Select(e => e.Justification));
    }

    [Fact]
    public async Task RecordConsultationAsync_WhenTheCommitFails_ThrowsSoTheReadReturnsNothing()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        await using var writer = new ConsultationWriter(
            (_, _) => throw new IOException("disk full"), NullLogger<ConsultationWriter>.Instance);
        await using var db = database.CreateContext();
        var log = new AuditLog(db, TimeProvider.System, writer);

        // Act
        var failure = await Record.ExceptionAsync(() =>
            log.RecordConsultationAsync(_officer, new AuditEvent(AuditKind.Consultation, "Order.Viewed", "StalkingProtectionOrder", "order-1"), TestContext.Current.CancellationToken));

        // Assert
        Assert.IsType<InvalidOperationException>(failure);
        await using var reader = database.CreateContext();
        Assert.Equal(0, await reader.AuditEntries.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task WriteAsync_WhenTheReadIsCancelledWhileWaiting_GivesUpAtOnceAndTheWriterGoesOn()
    {
        // Arrange
        var commit = new GatedCommit();
        await using var writer = new ConsultationWriter(commit.CommitAsync, NullLogger<ConsultationWriter>.Instance);
        var first = writer.WriteAsync([Entry(0)], TestContext.Current.CancellationToken);
        await commit.Started.Task.WaitAsync(TestContext.Current.CancellationToken);
        using var request = new CancellationTokenSource();
        var cancelled = writer.WriteAsync([Entry(1)], request.Token);

        // Act
        await request.CancelAsync();
        var failure = await Record.ExceptionAsync(() => cancelled);
        commit.Open();
        await first;
        await writer.WriteAsync([Entry(2)], TestContext.Current.CancellationToken);
        var refused = await Record.ExceptionAsync(() => writer.WriteAsync([Entry(3)], request.Token));

        // Assert: the cancelled read got no answer, but its entry was still written (a read recorded is never a read lost).
        Assert.IsAssignableFrom<OperationCanceledException>(failure);
        Assert.IsAssignableFrom<OperationCanceledException>(refused);
        Assert.Equal(["Incident 0", "Incident 1", "Incident 2"], commit.Committed.Select(e => e.Justification));
    }

    [Fact]
    public async Task StopAsync_WritesWhatIsQueuedThenRefusesNewReads()
    {
        // Arrange
        var commit = new GatedCommit();
        await using var writer = new ConsultationWriter(commit.CommitAsync, NullLogger<ConsultationWriter>.Instance);
        var reads = Enumerable.Range(0, 10).Select(i => writer.WriteAsync([Entry(i)], TestContext.Current.CancellationToken)).ToList();
        await commit.Started.Task.WaitAsync(TestContext.Current.CancellationToken);

        // Act
        var stopping = writer.StopAsync(TestContext.Current.CancellationToken);
        var refused = await Record.ExceptionAsync(() => writer.WriteAsync([Entry(10)], TestContext.Current.CancellationToken));
        commit.Open();
        await stopping;

        // Assert
        await Task.WhenAll(reads);
        Assert.IsType<InvalidOperationException>(refused);
        Assert.Equal(10, commit.Committed.Count);
    }

    [Fact]
    public async Task RecordConsultationAsync_ManyConcurrentReads_AreAllCommittedInFewerTransactionsAndSealIntoTheChain()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var transactions = 0;
        await using var writer = new ConsultationWriter(async (entries, ct) =>
        {
            Interlocked.Increment(ref transactions);
            await using var db = database.CreateContext();
            db.AuditEntries.AddRange(entries);
            await db.SaveChangesAsync(ct);
        }, NullLogger<ConsultationWriter>.Instance);

        // Act: 64 requests, each with its own DbContext, read at once.
        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
        {
            await using var db = database.CreateContext();
            await new AuditLog(db, TimeProvider.System, writer).RecordConsultationAsync(
                _officer, new AuditEvent(AuditKind.Consultation, "Order.Viewed", "StalkingProtectionOrder", Guid.NewGuid()) { Justification = $"Incident {i}" },
                TestContext.Current.CancellationToken);
        }, TestContext.Current.CancellationToken)));
        await using var reader = database.CreateContext();
        var sealedCount = (await new AuditChain(reader).SealAsync(DateTimeOffset.UtcNow.AddDays(1), TestContext.Current.CancellationToken)).Sealed;

        // Assert
        var written = await reader.AuditEntries.Select(e => e.Justification).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Enumerable.Range(0, 64).Select(i => $"Incident {i}").Order(), written.Order());
        Assert.InRange(transactions, 1, 64);
        Assert.Equal(64, sealedCount);
    }

    [Fact]
    public async Task RecordConsultationAsync_WhenTheUnitOfWorkHoldsAChange_CommitsTheEntryWithItNotThroughTheWriter()
    {
        // Arrange: a writer that would fail, to show the entry does not go through it.
        await using var database = await TestDatabase.CreateAsync();
        await using var writer = new ConsultationWriter(
            (_, _) => throw new IOException("not used"), NullLogger<ConsultationWriter>.Instance);
        await using var db = database.CreateContext();
        var log = new AuditLog(db, TimeProvider.System, writer);
        log.Add(_officer, new AuditEvent(AuditKind.Alteration, "Order.Varied", "StalkingProtectionOrder", "order-1"));

        // Act
        await log.RecordConsultationAsync(_officer, new AuditEvent(AuditKind.Consultation, "Order.Viewed", "StalkingProtectionOrder", "order-1"), TestContext.Current.CancellationToken);

        // Assert
        await using var reader = database.CreateContext();
        Assert.Equal(["Order.Varied", "Order.Viewed"],
            await reader.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(TestContext.Current.CancellationToken));
    }
}
