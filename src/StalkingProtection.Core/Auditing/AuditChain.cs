using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Auditing;

/// <summary>
/// S3: one link of the audit hash chain. <see cref="ContentHash"/> is the SHA-256 of the entry's content, and
/// <see cref="ChainHash"/> the SHA-256 of the previous link's chain hash followed by this content hash, so changing,
/// removing or slipping in an entry breaks every link from there on. Links, like entries, are never changed.
/// </summary>
public class AuditSeal
{
    public required long EntryId { get; init; }

    /// <summary>The entry sealed before this one; null for the first link.</summary>
    public long? PreviousEntryId { get; init; }

    public required byte[] ContentHash { get; init; }

    public required byte[] ChainHash { get; init; }

    public required DateTimeOffset SealedAt { get; init; }
}

public sealed class AuditSealConfiguration : IEntityTypeConfiguration<AuditSeal>
{
    public void Configure(EntityTypeBuilder<AuditSeal> builder)
    {
        builder.ToTable("audit_seals");
        builder.HasKey(s => s.EntryId);
        builder.Property(s => s.EntryId).ValueGeneratedNever();
        builder.Property(s => s.ContentHash).HasMaxLength(32);
        builder.Property(s => s.ChainHash).HasMaxLength(32);
    }
}

public enum AuditChainProblemKind
{
    /// <summary>The entry no longer has the content it was sealed with.</summary>
    Altered,

    /// <summary>A link seals an entry that is no longer there.</summary>
    Missing,

    /// <summary>A link does not follow the one before it: a link was removed, or its hashes were rewritten.</summary>
    BrokenLink,

    /// <summary>An entry among those already sealed that has no link: it was added afterwards.</summary>
    NotInChain,
}

public sealed record AuditChainProblem(long EntryId, AuditChainProblemKind Kind);

public sealed record AuditChainReport(long Sealed, long? LastSealedEntryId, string? HeadHash, long AwaitingSeal, IReadOnlyList<AuditChainProblem> Problems)
{
    public bool Intact => Problems.Count == 0;
}

public sealed record AuditSealResult(int Sealed, long? LastSealedEntryId, string? HeadHash);

/// <summary>
/// Seals the audit log into a hash chain after the fact and verifies it (S3). Entries are sealed in id order once they
/// are <see cref="SettleTime"/> old, so a transaction still in flight when the sealer runs is never passed over; one
/// instance seals at a time (<see cref="Jobs.AuditSealJob"/>). The chain's head is logged after each run, so a copy of
/// it outside the database shows whether the chain itself was rebuilt.
/// </summary>
public sealed class AuditChain(StalkingProtectionDbContext db)
{
    public const int BatchSize = 2000;
    public const int ProblemLimit = 100;
    public static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(1);

    public async Task<AuditSealResult> SealAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var settledBy = now - SettleTime;
        var below = await BelowEntriesInFlightAsync(ct);
        var head = await db.AuditSeals.AsNoTracking().OrderByDescending(s => s.EntryId)
            .Select(s => new { s.EntryId, s.ChainHash }).FirstOrDefaultAsync(ct);
        long? lastId = head?.EntryId;
        var lastHash = head?.ChainHash ?? new byte[32];
        var sealedCount = 0;
        while (true)
        {
            var from = lastId ?? long.MinValue;
            var batch = await db.AuditEntries.AsNoTracking().Where(e => e.Id > from && e.Id < below).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(ct);
            // Only below every id a transaction still in flight may hold (however long it runs), and up to the first entry
            // younger than the settle time. Nothing can appear below the head afterwards, which the change feed relies on to miss nothing.
            var settled = batch.TakeWhile(e => e.OccurredAt <= settledBy).ToList();
            foreach (var entry in settled)
            {
                var content = ContentHash(entry);
                var chain = ChainHash(lastHash, content);
                db.AuditSeals.Add(new AuditSeal { EntryId = entry.Id, PreviousEntryId = lastId, ContentHash = content, ChainHash = chain, SealedAt = now });
                (lastId, lastHash) = (entry.Id, chain);
            }

            if (settled.Count > 0)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                sealedCount += settled.Count;
            }

            if (settled.Count < BatchSize)
            {
                return new AuditSealResult(sealedCount, lastId, lastId is null ? null : Convert.ToHexStringLower(lastHash));
            }
        }
    }

    /// <summary>
    /// The lowest id a transaction still in flight may hold, or past the newest entry when none can be below it. On
    /// SQLite writers take turns: a transaction holds the write lock from its first entry until it ends, so no entry
    /// with a higher id commits while it is open, and every entry the sealer reads has every lower id settled. On
    /// PostgreSQL writers overlap, and each transaction, before its first entry takes an id, takes a shared advisory lock
    /// keyed by the last id handed out (migration SearchWordsAndAuditIdLocks), which it holds until it ends. The newest
    /// entry is read first, then the locks: a transaction still open with an id below that entry took its lock before
    /// the entry committed, so the lowest lock bounds it, and the entries read afterwards include every one that
    /// committed in between.
    /// </summary>
    private async Task<long> BelowEntriesInFlightAsync(CancellationToken ct)
    {
        if (db.Provider != DatabaseProvider.Postgres)
        {
            return long.MaxValue;
        }

        var newest = await db.AuditEntries.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        var lowestLock = await db.Database.SqlQueryRaw<long?>(InFlightLocksSql).SingleAsync(ct);
        return Math.Min(newest + 1, lowestLock ?? long.MaxValue);
    }

    /// <summary>The lowest key of the advisory locks that transactions writing audit entries hold in this database.</summary>
    private const string InFlightLocksSql = """
        SELECT min((l.classid::bigint << 32) | l.objid::bigint) AS "Value" FROM pg_locks l
        WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        """;

    /// <summary>Recomputes every link in order, streaming, and lists the first <see cref="ProblemLimit"/> problems.</summary>
    public async Task<AuditChainReport> VerifyAsync(CancellationToken ct = default)
    {
        var problems = new List<AuditChainProblem>();
        var links = db.AuditSeals.AsNoTracking().OrderBy(s => s.EntryId)
            .LeftJoin(db.AuditEntries.AsNoTracking(), s => s.EntryId, e => e.Id, (seal, entry) => new { Seal = seal, Entry = entry });
        long count = 0;
        long? previousId = null;
        var previousHash = new byte[32];
        await foreach (var link in links.AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            var seal = link.Seal;
            if (link.Entry is null)
            {
                Note(problems, seal.EntryId, AuditChainProblemKind.Missing);
            }
            else if (!ContentHash(link.Entry).AsSpan().SequenceEqual(seal.ContentHash))
            {
                Note(problems, seal.EntryId, AuditChainProblemKind.Altered);
            }

            if (seal.PreviousEntryId != previousId || !ChainHash(previousHash, seal.ContentHash).AsSpan().SequenceEqual(seal.ChainHash))
            {
                Note(problems, seal.EntryId, AuditChainProblemKind.BrokenLink);
            }

            (previousId, previousHash) = (seal.EntryId, seal.ChainHash);
        }

        var frontier = previousId ?? long.MinValue;
        var unsealed = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Id <= frontier && !db.AuditSeals.Any(s => s.EntryId == e.Id))
            .OrderBy(e => e.Id).Select(e => e.Id).Take(ProblemLimit).ToListAsync(ct);
        foreach (var id in unsealed)
        {
            Note(problems, id, AuditChainProblemKind.NotInChain);
        }

        var awaiting = await db.AuditEntries.LongCountAsync(e => e.Id > frontier, ct);
        return new AuditChainReport(count, previousId, previousId is null ? null : Convert.ToHexStringLower(previousHash), awaiting, problems);
    }

    private static void Note(List<AuditChainProblem> problems, long entryId, AuditChainProblemKind kind)
    {
        if (problems.Count < ProblemLimit)
        {
            problems.Add(new AuditChainProblem(entryId, kind));
        }
    }

    private static byte[] ChainHash(byte[] previous, byte[] content)
    {
        Span<byte> both = stackalloc byte[64];
        previous.CopyTo(both);
        content.CopyTo(both[32..]);
        return SHA256.HashData(both);
    }

    /// <summary>Every stored field, each as its length and UTF-8 bytes (null as length -1), so no two entries hash alike.</summary>
    public static byte[] ContentHash(AuditEntry entry)
    {
        string?[] fields = [entry.Id.ToString(CultureInfo.InvariantCulture), entry.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            entry.ActorId, entry.ActorName, entry.ActorRole, entry.Kind.ToString(), entry.Action, entry.RecordType, entry.RecordId,
            entry.Justification, entry.OldValues, entry.NewValues, entry.CorrelationId];

        // One buffer and one hash call per entry: verifying a million entries is mostly this (S3 target: 1M rows in 10 s).
        var size = 0;
        foreach (var field in fields)
        {
            size += sizeof(long) + (field is null ? 0 : Encoding.UTF8.GetByteCount(field));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var at = 0;
            foreach (var field in fields)
            {
                var length = field is null ? -1 : Encoding.UTF8.GetBytes(field, buffer.AsSpan(at + sizeof(long)));
                BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(at), length);
                at += sizeof(long) + Math.Max(length, 0);
            }

            return SHA256.HashData(buffer.AsSpan(0, at));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
