using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Integration;

public sealed class ApiClientOptions
{
    public const string SectionName = "StalkingProtection:Api";

    /// <summary>How long a rotated key keeps working beside the new one, so the client's system can change over.</summary>
    public TimeSpan KeyRotationOverlap { get; set; } = TimeSpan.FromHours(24);

    public const int MaxKeyLifetimeDays = 730;

    /// <summary>How long a key works after it is issued or rotated (ASVS V13.2.1); the client's system must rotate it before then.</summary>
    public int KeyLifetimeDays { get; set; } = 365;
}

public sealed record CreateApiClientOptions(string Name, ApiScope Scope, bool MayRecordDecisions, string? Team = null);

public sealed class ApiClientService(
    StalkingProtectionDbContext db, AuditLog auditLog, TimeProvider timeProvider, IOptions<ApiClientOptions> options)
{
    public TimeSpan RotationOverlap => options.Value.KeyRotationOverlap;

    public TimeSpan KeyLifetime => TimeSpan.FromDays(options.Value.KeyLifetimeDays);

    /// <summary>Creates a client and returns its key, which is never shown again.</summary>
    public async Task<(ApiClient Client, string Key)> CreateAsync(CreateApiClientOptions create, Actor actor, string? key = null, CancellationToken ct = default)
    {
        var name = create.Name.Trim();
        if (name.Length is 0 or > ApiClient.NameMaxLength)
        {
            throw RuleViolationException.Input(nameof(create.Name), $"Enter a name of {ApiClient.NameMaxLength} characters or fewer.");
        }

        key ??= NewKey();
        var (prefix, _) = ApiClient.Split(key);
        var now = timeProvider.GetUtcNow();
        var client = new ApiClient
        {
            Id = Guid.CreateVersion7(now),
            Name = name,
            KeyPrefix = prefix,
            KeyHash = ApiClient.Hash(key),
            Scope = create.Scope,
            MayRecordDecisions = create.MayRecordDecisions,
            CreatedAt = now,
            KeyExpiresAt = now + KeyLifetime,
        };
        client.ChangeTeam(create.Team);
        db.Add(client);
        auditLog.Add(actor, AuditEvents.ApiClient.Created.For(client.Id,
            newValues: new { name, create.Scope, create.MayRecordDecisions, client.Team, KeyPrefix = prefix, client.KeyExpiresAt }));
        await db.SaveChangesAsync(ct);
        return (client, key);
    }

    public Task<(ApiClient Client, string Key)> CreateAsync(string name, ApiScope scope, Actor actor, string? key = null, CancellationToken ct = default) =>
        CreateAsync(new CreateApiClientOptions(name, scope, MayRecordDecisions: false), actor, key, ct);

    /// <summary>
    /// The client whose current key before its expiry, or previous key within the rotation overlap, this is; otherwise
    /// none, and whether it was a client's expired key. Last use is written with one UPDATE at most once a minute per
    /// client, so checking a key costs no write on most calls.
    /// </summary>
    public async Task<(ApiClient? Client, bool Expired)> FindByKeyAsync(string key, CancellationToken ct = default)
    {
        var (prefix, _) = ApiClient.Split(key);
        if (prefix.Length == 0)
        {
            return (null, false);
        }

        var now = timeProvider.GetUtcNow();
        var candidates = await db.Set<ApiClient>().AsNoTracking()
            .Where(c => c.KeyPrefix == prefix || c.PreviousKeyPrefix == prefix)
            .ToListAsync(ct);
        var client = candidates.FirstOrDefault(c => c.Accepts(key, now));
        if (client is null)
        {
            return (null, candidates.Any(c => c.Check(key, now) == ApiKeyStatus.Expired));
        }
        if (client.NeedsLastUsedUpdate(now))
        {
            var due = now - ApiClient.LastUsedGranularity;
            await db.Set<ApiClient>()
                .Where(c => c.Id == client.Id && (c.LastUsedAt == null || c.LastUsedAt <= due))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastUsedAt, now), ct);
        }

        return (client, false);
    }

    public Task<List<ApiClient>> ListAsync(CancellationToken ct = default) =>
        db.Set<ApiClient>().AsNoTracking().OrderBy(c => c.RevokedAt != null).ThenBy(c => c.Name).ToListAsync(ct);

    public Task<ApiClient?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.Set<ApiClient>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>Gives the client a new key, shown once; the old key works until the overlap has passed.</summary>
    public async Task<string> RotateAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        var client = await db.Set<ApiClient>().SingleAsync(c => c.Id == id, ct);
        var key = NewKey();
        var old = new { client.KeyPrefix, client.KeyExpiresAt };
        client.Rotate(key, timeProvider.GetUtcNow(), RotationOverlap, KeyLifetime);
        auditLog.Add(actor, AuditEvents.ApiClient.KeyRotated.For(client.Id, oldValues: old,
            newValues: new { client.KeyPrefix, client.KeyExpiresAt, client.PreviousKeyValidUntil }));
        await db.SaveChangesAsync(ct);
        return key;
    }

    /// <summary>Gives the client a team, whose cases alone it then sees, or with none the whole force's.</summary>
    public async Task<ApiClientChangedOutcome> ChangeTeamAsync(Guid id, string? team, Actor actor, CancellationToken ct = default)
    {
        var client = await db.Set<ApiClient>().SingleAsync(c => c.Id == id, ct);
        var old = new { client.Team };
        client.ChangeTeam(team);
        if (old.Team == client.Team)
        {
            return ApiClientChangedOutcome.TeamChanged(client, changed: false);
        }

        auditLog.Add(actor, AuditEvents.ApiClient.TeamChanged.For(client.Id, oldValues: old, newValues: new { client.Team }));
        await db.SaveChangesAsync(ct);
        return ApiClientChangedOutcome.TeamChanged(client, changed: true);
    }

    public async Task<ApiClientChangedOutcome> RevokeAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        var client = await db.Set<ApiClient>().SingleAsync(c => c.Id == id, ct);
        client.Revoke(timeProvider.GetUtcNow());
        auditLog.Add(actor, AuditEvents.ApiClient.Revoked.For(client.Id, newValues: new { client.RevokedAt }));
        await db.SaveChangesAsync(ct);
        return ApiClientChangedOutcome.Revoked(client);
    }

    private static string NewKey() =>
        ApiClient.KeyStart + Convert.ToHexString(RandomNumberGenerator.GetBytes(ApiClient.PrefixLength / 2)).ToLowerInvariant()
            + "_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
