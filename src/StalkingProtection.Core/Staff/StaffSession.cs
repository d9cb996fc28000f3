using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Staff;

/// <summary>
/// A signed-in session, recorded on the server so that signing out, deactivation and the absolute lifetime end it even
/// when an old copy of the session cookie is replayed.
/// </summary>
public class StaffSession
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; set; }
}

public sealed class StaffSessionConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> builder)
    {
        builder.ToTable("staff_sessions");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.UserId);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>What a request needs to know about its session: read in one query by primary key.</summary>
public sealed record StaffSessionState(DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? SecurityStamp, DateTimeOffset? DeactivatedAt);

/// <summary>How many sessions one account may have at once, counting only those within the absolute lifetime.</summary>
public sealed record StaffSessionLimit(int MaxSessions, TimeSpan Lifetime);

public sealed record StartedStaffSession(Guid Id, int OldestEnded);

/// <summary>A session not yet ended, as its owner sees it in their list of sessions.</summary>
public sealed record ActiveStaffSession(Guid Id, DateTimeOffset StartedAt);

public sealed class StaffSessions(StalkingProtectionDbContext db, TimeProvider timeProvider)
{
    /// <summary>
    /// Starts a session. ASVS V7.1.2: an account has at most <paramref name="limit"/> sessions at once, so signing in
    /// again when it has that many ends the oldest; how many it ended is returned for the security log.
    /// </summary>
    public async Task<StartedStaffSession> StartAsync(Guid userId, Guid? replacing, StaffSessionLimit limit, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var session = new StaffSession { Id = Guid.CreateVersion7(now), UserId = userId, StartedAt = now };
        db.Add(session);
        if (replacing is { } old && await db.Set<StaffSession>().FindAsync([old], ct) is { EndedAt: null } previous)
        {
            previous.EndedAt = now;
        }

        var startedAfter = now - limit.Lifetime;
        var beyondLimit = await db.Set<StaffSession>()
            .Where(s => s.UserId == userId && s.EndedAt == null && s.StartedAt > startedAfter && s.Id != replacing)
            .OrderByDescending(s => s.StartedAt).ThenByDescending(s => s.Id)
            .Skip(limit.MaxSessions - 1)
            .ToListAsync(ct);
        foreach (var oldest in beyondLimit)
        {
            oldest.EndedAt = now;
        }

        if (await db.Users.FindAsync([userId], ct) is { } user)
        {
            user.LastSignInAt = now;
        }

        await db.SaveChangesAsync(ct);
        return new StartedStaffSession(session.Id, beyondLimit.Count);
    }

    public async Task EndAsync(Guid sessionId, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        await db.Set<StaffSession>().Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), ct);
    }

    public Task EndAllAsync(Guid userId, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        return db.Set<StaffSession>().Where(s => s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), ct);
    }

    /// <summary>The person's sessions neither ended nor past the absolute lifetime, newest first.</summary>
    public async Task<IReadOnlyList<ActiveStaffSession>> ActiveAsync(Guid userId, TimeSpan lifetime, CancellationToken ct = default)
    {
        var startedAfter = timeProvider.GetUtcNow() - lifetime;
        return await db.Set<StaffSession>().Where(s => s.UserId == userId && s.EndedAt == null && s.StartedAt > startedAfter)
            .OrderByDescending(s => s.StartedAt).Select(s => new ActiveStaffSession(s.Id, s.StartedAt)).ToListAsync(ct);
    }

    /// <summary>Ends one of the person's own sessions; another person's session is left alone.</summary>
    public Task<int> EndOwnAsync(Guid userId, Guid sessionId, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        return db.Set<StaffSession>().Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), ct);
    }

    public Task<int> EndAllExceptAsync(Guid userId, Guid? keep, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        return db.Set<StaffSession>().Where(s => s.UserId == userId && s.EndedAt == null && s.Id != keep)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), ct);
    }

    public Task<int> EndEveryoneExceptAsync(Guid? keep, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        return db.Set<StaffSession>().Where(s => s.EndedAt == null && s.Id != keep)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), ct);
    }

    public Task<StaffSessionState?> FindAsync(Guid sessionId, CancellationToken ct = default) =>
        db.Set<StaffSession>().Where(s => s.Id == sessionId)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new StaffSessionState(s.StartedAt, s.EndedAt, u.SecurityStamp, u.DeactivatedAt))
            .SingleOrDefaultAsync(ct);
}
