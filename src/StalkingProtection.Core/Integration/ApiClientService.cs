using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Integration;

public sealed class ApiClientService(StalkingProtectionDbContext db, AuditLog auditLog, TimeProvider timeProvider)
{
    /// <summary>Creates a client and returns its key, which is never shown again.</summary>
    public async Task<(ApiClient Client, string Key)> CreateAsync(string name, ApiScope scope, Actor actor, string? key = null, CancellationToken ct = default)
    {
        key ??= ApiClient.KeyStart + Convert.ToHexString(RandomNumberGenerator.GetBytes(ApiClient.PrefixLength / 2)).ToLowerInvariant()
            + "_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var (prefix, _) = ApiClient.Split(key);
        var now = timeProvider.GetUtcNow();
        var client = new ApiClient
        {
            Id = Guid.CreateVersion7(now),
            Name = name,
            KeyPrefix = prefix,
            KeyHash = ApiClient.Hash(key),
            Scope = scope,
            CreatedAt = now,
        };
        db.Add(client);
        auditLog.Add(actor, AuditKind.Administration, "ApiClient.Created", nameof(ApiClient), client.Id, newValues: new { name, scope });
        await db.SaveChangesAsync(ct);
        return (client, key);
    }

    public async Task<ApiClient?> FindByKeyAsync(string key, CancellationToken ct = default)
    {
        var (prefix, _) = ApiClient.Split(key);
        if (prefix.Length == 0)
        {
            return null;
        }

        var client = await db.Set<ApiClient>().AsNoTracking().SingleOrDefaultAsync(c => c.KeyPrefix == prefix, ct);
        return client is { IsActive: true } && client.Matches(key) ? client : null;
    }

    public async Task RevokeAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        var client = await db.Set<ApiClient>().SingleAsync(c => c.Id == id, ct);
        client.Revoke(timeProvider.GetUtcNow());
        auditLog.Add(actor, AuditKind.Administration, "ApiClient.Revoked", nameof(ApiClient), client.Id);
        await db.SaveChangesAsync(ct);
    }
}
