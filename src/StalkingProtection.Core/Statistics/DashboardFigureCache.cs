using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Statistics;

/// <summary>
/// The dashboard's figures for one London day, counted once and served until a record they may count changes (issue 14,
/// P3: p99 ≤ 20 ms at 1,000,000 orders). A request reads only whether the audit log holds a change to records newer than
/// the figures (one short range of its primary key, read once for all the requests that arrived while the last read ran);
/// the figures are counted again when it does, when this instance committed such a change, and when the London day turns,
/// so an order whose last day was yesterday is never counted today (SPA 2019 s.5, R16). Concurrent requests that need new
/// figures share one count.
/// </summary>
/// <remarks>
/// Every write to what the figures count (orders, applications, notification duties, breaches, cases, online reports) is
/// audited in its own transaction as a collection, alteration, combination or erasure, on whichever instance made it. On
/// PostgreSQL a transaction may commit its entry after one with a higher id was read here; a change committed that way on
/// another instance shows within <see cref="MaxAge"/> (the figures are counted again in the background once they are that
/// old), and on this instance at once (<see cref="DashboardChangeInterceptor"/>). On SQLite writers take turns, so ids commit
/// in order and no change is missed.
/// </remarks>
public sealed class DashboardFigureCache(IServiceScopeFactory scopes, TimeProvider timeProvider, ILogger<DashboardFigureCache> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    internal static readonly AuditKind[] ChangeKinds = [AuditKind.Collection, AuditKind.Alteration, AuditKind.Combination, AuditKind.Erasure];

    private readonly Lock _gate = new();
    private long _localChanges;
    private long _computed;
    private long _checksStarted;
    private Check? _check;
    private Snapshot? _current;
    private Running? _running;

    /// <summary>How many times the figures have been counted since start-up.</summary>
    public long Computations => Interlocked.Read(ref _computed);

    /// <summary>The figures for today as the London clock reads it, counted again only when they may have changed.</summary>
    public async Task<DashboardFigures> GetAsync(CancellationToken ct = default)
    {
        var today = timeProvider.UkToday;
        var local = Interlocked.Read(ref _localChanges);
        var ticket = Interlocked.Read(ref _checksStarted);
        var current = Volatile.Read(ref _current);
        if (current is null || current.Day != today || current.LocalChanges < local)
        {
            return await ComputeAsync(today, local, 0, ct);
        }

        var newer = await CheckAsync(current, ticket, ct);
        if (newer is { Change: { } change } && change > current.Head)
        {
            return await ComputeAsync(today, local, change, ct);
        }

        if (newer is not null)
        {
            current.Saw(newer.Id);
        }

        if (timeProvider.GetUtcNow() - current.CountedAt >= MaxAge)
        {
            RefreshInBackground(today);
        }

        return current.Figures;
    }

    /// <summary>Counts today's figures, or waits for the count of today already under way.</summary>
    public Task RefreshAsync(CancellationToken ct = default) =>
        ComputeAsync(timeProvider.UkToday, Interlocked.Read(ref _localChanges), 0, ct);

    /// <summary>This instance committed a change to records: the next request counts again.</summary>
    internal void RecordsChanged() => Interlocked.Increment(ref _localChanges);

    /// <summary>
    /// Joins a read of the audit log that began after <paramref name="ticket"/> was taken, so it sees every change committed
    /// before the caller asked; otherwise waits for the read under way and begins the next, which the callers that waited
    /// with it join. Concurrent requests so share one statement, one at a time, instead of each sending its own.
    /// </summary>
    private async Task<Newer?> CheckAsync(Snapshot current, long ticket, CancellationToken ct)
    {
        while (true)
        {
            Check check;
            lock (_gate)
            {
                check = _check is { } c && c.Sequence > ticket && !c.Task.IsFaulted && !c.Task.IsCanceled
                    ? c
                    : _check is { Task.IsCompleted: false } busy ? busy : _check = new Check(Interlocked.Increment(ref _checksStarted), current.SeenUpTo, ReadNewerAsync);
            }

            // A read from below these figures' head finds what they counted too, and one from above it what earlier reads found
            // clean; either way a change newer than the head is one they lack.
            if (check.Sequence > ticket)
            {
                return await check.Task.WaitAsync(ct);
            }

            await check.Task.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).WaitAsync(ct);
        }
    }

    private async Task<Newer?> ReadNewerAsync(long after)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await NewerEntriesAsync(scope.ServiceProvider.GetRequiredService<StalkingProtectionDbContext>(), after, CancellationToken.None);
    }

    private void RefreshInBackground(DateOnly today)
    {
        lock (_gate)
        {
            if (_running is { Task.IsCompleted: false })
            {
                return;
            }

            _ = Start(today).Task.ContinueWith(t => logger.LogError(t.Exception, "Counting the dashboard figures failed"),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Joins the count under way when it is of <paramref name="day"/>, started after this instance's last change that the
    /// caller saw and read an audit log holding the change <paramref name="change"/> the caller saw; otherwise waits for it to
    /// end and starts the next, which the callers that waited with it join. One count runs at a time, on its own, so a request
    /// that gives up does not cancel it for the others.
    /// </summary>
    private async Task<DashboardFigures> ComputeAsync(DateOnly day, long local, long change, CancellationToken ct)
    {
        while (true)
        {
            Running running;
            lock (_gate)
            {
                running = _running is { } r && r.Day == day && r.LocalChanges >= local && !r.Task.IsFaulted && !r.Task.IsCanceled
                    && !(r.Head.Task.IsCompletedSuccessfully && r.Head.Task.Result < change)
                    ? r
                    : _running is { Task.IsCompleted: false } busy ? busy : Start(day);
            }

            if (running.Day == day && running.LocalChanges >= local && await running.Head.Task.WaitAsync(ct) >= change)
            {
                return (await running.Task.WaitAsync(ct)).Figures;
            }

            await running.Task.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).WaitAsync(ct);
        }
    }

    private Running Start(DateOnly day)
    {
        var running = new Running(day, Interlocked.Read(ref _localChanges), CountAsync);
        _running = running;
        return running;
    }

    private async Task<Snapshot> CountAsync(Running running)
    {
        Interlocked.Increment(ref _computed);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StalkingProtectionDbContext>();
            var head = await db.AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0;
            running.Head.TrySetResult(head);
            var countedAt = timeProvider.GetUtcNow();
            var figures = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().GetAsync(running.Day);
            // Counts run one after another, so the one ending now began after the figures it replaces.
            var snapshot = new Snapshot(running.Day, running.LocalChanges, head, countedAt, figures);
            Volatile.Write(ref _current, snapshot);
            return snapshot;
        }
        catch (Exception ex)
        {
            running.Head.TrySetException(ex);
            throw;
        }
    }

    /// <summary>
    /// The newest audit entry after <paramref name="after"/> and the newest change to records among them, or null when none
    /// is newer: one statement over the primary key from <paramref name="after"/> on, which holds only the entries written
    /// since the last request.
    /// </summary>
    private static Task<Newer?> NewerEntriesAsync(StalkingProtectionDbContext db, long after, CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.Id > after);
        return entries.OrderByDescending(e => e.Id)
            .Select(e => new Newer(e.Id, entries.Where(c => ChangeKinds.Contains(c.Kind)).Max(c => (long?)c.Id)))
            .FirstOrDefaultAsync(ct);
    }

    private sealed record Newer(long Id, long? Change);

    private sealed class Check
    {
        public Check(long sequence, long after, Func<long, Task<Newer?>> read)
        {
            Sequence = sequence;
            Task = System.Threading.Tasks.Task.Run(() => read(after), CancellationToken.None);
        }

        public long Sequence { get; }

        public Task<Newer?> Task { get; }
    }

    private sealed class Running
    {
        public Running(DateOnly day, long localChanges, Func<Running, Task<Snapshot>> count)
        {
            Day = day;
            LocalChanges = localChanges;
            Task = System.Threading.Tasks.Task.Run(() => count(this), CancellationToken.None);
        }

        public DateOnly Day { get; }

        public long LocalChanges { get; }

        /// <summary>The newest audit entry when the count began: every change up to it is counted.</summary>
        public TaskCompletionSource<long> Head { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<Snapshot> Task { get; }
    }

    private sealed class Snapshot(DateOnly day, long localChanges, long head, DateTimeOffset countedAt, DashboardFigures figures)
    {
        private long _seenUpTo = head;

        /// <summary>The newest audit entry when the figures were counted: every change up to it is in them.</summary>
        public long Head { get; } = head;

        public DateOnly Day => day;

        public long LocalChanges => localChanges;

        public DateTimeOffset CountedAt => countedAt;

        public DashboardFigures Figures => figures;

        /// <summary>The audit entries up to here hold no change to records after the figures were counted.</summary>
        public long SeenUpTo => Interlocked.Read(ref _seenUpTo);

        public void Saw(long id)
        {
            var seen = Interlocked.Read(ref _seenUpTo);
            while (id > seen)
            {
                var was = Interlocked.CompareExchange(ref _seenUpTo, id, seen);
                if (was == seen)
                {
                    return;
                }

                seen = was;
            }
        }
    }
}
