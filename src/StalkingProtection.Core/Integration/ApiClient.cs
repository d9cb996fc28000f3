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
/// and stored only as a SHA-256 hash: the key carries 192 random bits, so a fast hash is enough.
/// </summary>
public class ApiClient
{
    public const int NameMaxLength = 200;
    public const int PrefixLength = 8;
    public const string KeyStart = "spk_";

    public Guid Id { get; init; }

    public required string Name { get; set; }

    public required string KeyPrefix { get; init; }

    public required string KeyHash { get; init; }

    public ApiScope Scope { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

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

    public bool Matches(string key) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(KeyHash));
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
        builder.Property(c => c.Scope).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(c => c.KeyPrefix).IsUnique();
    }
}
