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

/// <summary>
/// A force system that calls the API (records management, court results feed). Its key is shown once when created
/// and stored only as a SHA-256 hash: the key carries 192 random bits, so a fast hash is enough. When the key is rotated
/// the old one keeps working until <see cref="PreviousKeyValidUntil"/>, so the client's system can change over.
/// </summary>
public class ApiClient
{
    public const int NameMaxLength = 200;
    public const int PrefixLength = 8;
    public const string KeyStart = "spk_";

    /// <summary>Last use is written at most this often, so a busy client costs no write per call.</summary>
    public static readonly TimeSpan LastUsedGranularity = TimeSpan.FromMinutes(1);

    public Guid Id { get; init; }

    public required string Name { get; set; }

    public required string KeyPrefix { get; set; }

    public required string KeyHash { get; set; }

    public ApiScope Scope { get; set; }

    /// <summary>May record decisions that belong to an SPO coordinator (an application's authorisation), made in the client's own system.</summary>
    public bool MayRecordDecisions { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

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

    /// <summary>Replaces the key; the old one is accepted until <paramref name="now"/> plus <paramref name="overlap"/>.</summary>
    public void Rotate(string newKey, DateTimeOffset now, TimeSpan overlap)
    {
        if (!IsActive)
        {
            throw new InvalidOperationException("A revoked API client's key cannot be rotated.");
        }

        PreviousKeyPrefix = KeyPrefix;
        PreviousKeyHash = KeyHash;
        PreviousKeyValidUntil = now + overlap;
        KeyPrefix = Split(newKey).Prefix;
        KeyHash = Hash(newKey);
        RotatedAt = now;
    }

    /// <summary>True when the key is this client's current key, or its previous key within the overlap.</summary>
    public bool Accepts(string key, DateTimeOffset now)
    {
        if (!IsActive)
        {
            return false;
        }

        var prefix = Split(key).Prefix;
        if (prefix == KeyPrefix)
        {
            return HashEquals(key, KeyHash);
        }

        return prefix == PreviousKeyPrefix && PreviousKeyHash is not null && now < PreviousKeyValidUntil && HashEquals(key, PreviousKeyHash);
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
        builder.Property(c => c.Scope).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(c => c.KeyPrefix).IsUnique();
        builder.HasIndex(c => c.PreviousKeyPrefix);
    }
}
