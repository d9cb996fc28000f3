using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StalkingProtection.Core.Integration;

public enum ApiScope
{
    Read,
    ReadWrite,
}

/// <summary>What a key presented to the API is: unknown (or revoked, or replaced), this client's working key, or its expired key.</summary>
public enum ApiKeyStatus
{
    Unknown,
    Accepted,
    Expired,
}

/// <summary>
/// A force system that calls the API (records management, court results feed). Its key is shown once when created
/// and stored only as a SHA-256 hash: the key carries 192 random bits, so a fast hash is enough. When the key is rotated
/// the old one keeps working until <see cref="PreviousKeyValidUntil"/>, so the client's system can change over. Every key
/// stops working by itself at <see cref="KeyExpiresAt"/> (ASVS V13.2.1).
/// </summary>
public class ApiClient
{
    public const int NameMaxLength = 200;
    public const int PrefixLength = 8;
    public const string KeyStart = "spk_";

    /// <summary>Last use is written at most this often, so a busy client costs no write per call.</summary>
    public static readonly TimeSpan LastUsedGranularity = TimeSpan.FromMinutes(1);

    /// <summary>A key ending within this time is flagged to administrators, so that it is rotated before it stops working.</summary>
    public static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(30);

    public Guid Id { get; init; }

    public required string Name { get; set; }

    public required string KeyPrefix { get; set; }

    public required string KeyHash { get; set; }

    public ApiScope Scope { get; set; }

    /// <summary>May record decisions that belong to an SPO coordinator (an application's authorisation), made in the client's own system.</summary>
    public bool MayRecordDecisions { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the current key stops working by itself (ASVS V13.2.1); set when the key is issued or rotated.</summary>
    public required DateTimeOffset KeyExpiresAt { get; set; }

    /// <summary>
    /// The team whose cases the client may see, as a member of staff of that team sees them (S4); none for a
    /// force-wide system such as the force's records system.
    /// </summary>
    public string? Team { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public DateTimeOffset? RotatedAt { get; private set; }

    public string? PreviousKeyPrefix { get; private set; }

    public string? PreviousKeyHash { get; private set; }

    public DateTimeOffset? PreviousKeyValidUntil { get; private set; }

    public bool IsActive => RevokedAt is null;

    public void Revoke(DateTimeOffset now)
    {
        RevokedAt ??= now;
        PreviousKeyValidUntil = PreviousKeyValidUntil is { } until && until > now ? now : PreviousKeyValidUntil;
    }

    public bool KeyHasExpired(DateTimeOffset now) => now >= KeyExpiresAt;

    public bool KeyExpiresSoon(DateTimeOffset now) => !KeyHasExpired(now) && KeyExpiresAt - now <= ExpiryWarning;

    /// <summary>Limits the client to one team's cases, or with none lets it read the whole force's.</summary>
    public void ChangeTeam(string? team)
    {
        team = string.IsNullOrWhiteSpace(team) ? null : team.Trim();
        if (team?.Length > Cases.StalkingCase.TeamMaxLength)
        {
            throw Rules.RuleViolationException.Input(nameof(Team), $"Enter a team of {Cases.StalkingCase.TeamMaxLength} characters or fewer.");
        }

        Team = team;
    }

    /// <summary>
    /// Replaces the key with one working for <paramref name="lifetime"/>; the old one is accepted until <paramref name="now"/>
    /// plus <paramref name="overlap"/>, but never beyond its own expiry.
    /// </summary>
    public void Rotate(string newKey, DateTimeOffset now, TimeSpan overlap, TimeSpan lifetime)
    {
        if (!IsActive)
        {
            throw new InvalidOperationException("A revoked API client's key cannot be rotated.");
        }

        PreviousKeyPrefix = KeyPrefix;
        PreviousKeyHash = KeyHash;
        PreviousKeyValidUntil = now + overlap < KeyExpiresAt ? now + overlap : KeyExpiresAt;
        KeyPrefix = Split(newKey).Prefix;
        KeyHash = Hash(newKey);
        KeyExpiresAt = now + lifetime;
        RotatedAt = now;
    }

    /// <summary>True when the key is this client's current key before it expires, or its previous key within the overlap.</summary>
    public bool Accepts(string key, DateTimeOffset now) => Check(key, now) == ApiKeyStatus.Accepted;

    /// <summary>
    /// Whether the key works; <see cref="ApiKeyStatus.Expired"/> only for this client's current key past its expiry, so that
    /// nobody learns anything from a key that is not theirs.
    /// </summary>
    public ApiKeyStatus Check(string key, DateTimeOffset now)
    {
        if (!IsActive)
        {
            return ApiKeyStatus.Unknown;
        }

        var prefix = Split(key).Prefix;
        if (prefix == KeyPrefix)
        {
            return !HashEquals(key, KeyHash) ? ApiKeyStatus.Unknown : KeyHasExpired(now) ? ApiKeyStatus.Expired : ApiKeyStatus.Accepted;
        }

        return prefix == PreviousKeyPrefix && PreviousKeyHash is not null && now < PreviousKeyValidUntil && HashEquals(key, PreviousKeyHash)
            ? ApiKeyStatus.Accepted
            : ApiKeyStatus.Unknown;
    }

    public bool NeedsLastUsedUpdate(DateTimeOffset now) => LastUsedAt is not { } last || now - last >= LastUsedGranularity;

    public static (string Prefix, string Secret) Split(string key)
    {
        if (!key.StartsWith(KeyStart, StringComparison.Ordinal) || key.Length < KeyStart.Length + PrefixLength + 2)
        {
            return ("", "");
        }

        var prefix = key.Substring(KeyStart.Length, PrefixLength);
        return (prefix, key);
    }

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public bool Matches(string key) => HashEquals(key, KeyHash);

    private static bool HashEquals(string key, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(hash));
}

public sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.ToTable("api_clients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(ApiClient.NameMaxLength);
        builder.Property(c => c.KeyPrefix).HasMaxLength(ApiClient.PrefixLength);
        builder.Property(c => c.KeyHash).HasMaxLength(64);
        builder.Property(c => c.PreviousKeyPrefix).HasMaxLength(ApiClient.PrefixLength);
        builder.Property(c => c.PreviousKeyHash).HasMaxLength(64);
        builder.Property(c => c.Team).HasMaxLength(Cases.StalkingCase.TeamMaxLength);
        builder.Property(c => c.Scope).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(c => c.KeyPrefix).IsUnique();
        builder.HasIndex(c => c.PreviousKeyPrefix);
    }
}
