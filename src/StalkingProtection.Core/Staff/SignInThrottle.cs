using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Staff;

/// <summary>
/// Failed sign-ins counted per account and per source address. An attacker who keeps guessing from one address is
/// slowed down more and more, but the account's owner signing in from elsewhere is not locked out by them.
/// </summary>
public class SignInFailureWindow
{
    public const int KeyLength = 64;

    public required string Key { get; init; }

    public int Failures { get; set; }

    public DateTimeOffset FirstFailureAt { get; set; }

    public DateTimeOffset? BlockedUntil { get; set; }
}

public sealed class SignInFailureWindowConfiguration : IEntityTypeConfiguration<SignInFailureWindow>
{
    public void Configure(EntityTypeBuilder<SignInFailureWindow> builder)
    {
        builder.ToTable("sign_in_failure_windows");
        builder.HasKey(w => w.Key);
        builder.Property(w => w.Key).HasMaxLength(SignInFailureWindow.KeyLength);
    }
}

public sealed class SignInThrottle(StalkingProtectionDbContext db, TimeProvider timeProvider)
{
    public const int FreeAttempts = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaximumDelay = TimeSpan.FromMinutes(15);

    public async Task<DateTimeOffset?> BlockedUntilAsync(string email, string? sourceAddress, CancellationToken ct = default)
    {
        var window = await db.Set<SignInFailureWindow>().FindAsync([KeyFor(email, sourceAddress)], ct);
        var now = timeProvider.GetUtcNow();
        return window?.BlockedUntil is { } until && until > now ? until : null;
    }

    public async Task RecordFailureAsync(string email, string? sourceAddress, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var key = KeyFor(email, sourceAddress);
        var window = await db.Set<SignInFailureWindow>().FindAsync([key], ct);
        if (window is null)
        {
            window = new SignInFailureWindow { Key = key, FirstFailureAt = now };
            db.Add(window);
        }
        else if (now - window.FirstFailureAt > Window && (window.BlockedUntil is null || window.BlockedUntil < now))
        {
            window.Failures = 0;
            window.FirstFailureAt = now;
            window.BlockedUntil = null;
        }

        window.Failures++;
        if (window.Failures >= FreeAttempts)
        {
            // Doubling delay from 30 seconds, capped, so guessing stays slow without a permanent lock.
            var exponent = Math.Min(window.Failures - FreeAttempts, 10);
            var delay = TimeSpan.FromSeconds(30 * Math.Pow(2, exponent));
            window.BlockedUntil = now + (delay > MaximumDelay ? MaximumDelay : delay);
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task RecordSuccessAsync(string email, string? sourceAddress, CancellationToken ct = default)
    {
        var window = await db.Set<SignInFailureWindow>().FindAsync([KeyFor(email, sourceAddress)], ct);
        if (window is not null)
        {
            db.Remove(window);
            await db.SaveChangesAsync(ct);
        }
    }

    // Hashed so that the table holds no e-mail or IP address.
    private static string KeyFor(string email, string? sourceAddress) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{email.Trim().ToUpperInvariant()}|{sourceAddress}")));
}
