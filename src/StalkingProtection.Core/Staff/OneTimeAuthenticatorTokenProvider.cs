using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace StalkingProtection.Core.Staff;

/// <summary>
/// Authenticator app codes (RFC 6238) checked against the injected clock, each accepted once only: the time step of the
/// last code accepted is kept on the account, so a code seen over someone's shoulder cannot be used again.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(TimeProvider timeProvider) : IUserTwoFactorTokenProvider<StaffUser>
{
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffUser> manager, StaffUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    // The code comes from the user's app; the service never generates one.
    public Task<string> GenerateAsync(string purpose, UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || AuthenticatorCode.MatchingTimeStep(key, token, timeProvider.GetUtcNow()) is not { } step
            || step <= (user.LastAuthenticatorTimeStep ?? long.MinValue))
        {
            return false;
        }

        user.LastAuthenticatorTimeStep = step;
        return (await manager.UpdateAsync(user)).Succeeded;
    }
}

public static class AuthenticatorCode
{
    public const int StepSeconds = 30;

    /// <summary>The time step whose code matches, allowing one step either side for a phone's clock drift; null if none does.</summary>
    public static long? MatchingTimeStep(string base32Key, string code, DateTimeOffset at)
    {
        var digits = new string(code.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != 6 || FromBase32(base32Key) is not { Length: > 0 } key)
        {
            return null;
        }

        var now = at.ToUnixTimeSeconds() / StepSeconds;
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Compute(key, step)), System.Text.Encoding.ASCII.GetBytes(digits)))
            {
                return step;
            }
        }

        return null;
    }

    public static string NewKey()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        return new string(RandomNumberGenerator.GetItems<char>(alphabet, 32));
    }

    private static string Compute(byte[] key, long step)
    {
        var message = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(message);
        }

        // RFC 6238 authenticator apps use HMAC-SHA1; HMAC-SHA1 remains sound for this use.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[]? FromBase32(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in input.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }
}
