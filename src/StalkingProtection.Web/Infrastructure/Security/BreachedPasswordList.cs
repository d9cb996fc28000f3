using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Staff;

namespace StalkingProtection.Web.Infrastructure.Security;

/// <summary>
/// ASVS V6.2.12: new passwords are refused when they appear in a breached-password list the operator downloads (Have I
/// Been Pwned's "Pwned Passwords" SHA-1 file: one <c>HASH:COUNT</c> line per hash, sorted by hash). The file is
/// searched by binary search over its bytes, a few small reads per check, so a file of many gigabytes is never loaded
/// into memory and the password never leaves the machine.
/// </summary>
public sealed class BreachedPasswordList(IOptions<SignInOptions> options)
{
    private const int HashLength = 40;

    // A HASH:COUNT line is about 50 bytes; one read holds the end of the line before a probe and the whole next line.
    private const int ProbeBytes = 512;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.BreachedPasswordsFile);

    public bool Contains(string password)
    {
        // SHA-1 only to match the published list's format; it protects nothing here, as the file and the search stay on this machine.
#pragma warning disable CA5350
        var hash = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(password)));
#pragma warning restore CA5350
        using var file = new FileStream(options.Value.BreachedPasswordsFile!, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.RandomAccess);
        var buffer = new byte[ProbeBytes];

        // The line sought, if present, starts at an offset in [low, high).
        long low = 0;
        var high = file.Length;
        while (low < high)
        {
            var probe = low + ((high - low) / 2);
            if (FirstLineFrom(file, probe, buffer) is not { } line || line.Start >= high)
            {
                high = probe;
                continue;
            }

            var order = string.Compare(line.Hash, hash, StringComparison.OrdinalIgnoreCase);
            if (order == 0)
            {
                return true;
            }

            if (order < 0)
            {
                low = line.Next;
            }
            else
            {
                high = probe;
            }
        }

        return false;
    }

    /// <summary>The first line that starts at or after <paramref name="offset"/>: where it starts, where the next one starts, and its hash.</summary>
    private static (long Start, long Next, string Hash)? FirstLineFrom(FileStream file, long offset, byte[] buffer)
    {
        // A line starts at 0 or just after a newline, so read from the byte before the offset.
        var readFrom = Math.Max(0, offset - 1);
        file.Position = readFrom;
        var read = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var lineIndex = offset == 0 ? 0 : Array.IndexOf(buffer, (byte)'\n', 0, read) + 1;
        if (offset > 0 && lineIndex == 0)
        {
            return null;
        }

        if (lineIndex >= read)
        {
            return null;
        }

        var end = Array.IndexOf(buffer, (byte)'\n', lineIndex, read - lineIndex);
        if (end < 0 && readFrom + read < file.Length)
        {
            throw new InvalidDataException("The breached-password file has a line too long to be a HASH:COUNT line.");
        }

        var lineEnd = end < 0 ? read : end;
        if (lineEnd - lineIndex < HashLength)
        {
            throw new InvalidDataException("The breached-password file has a line too short to be a HASH:COUNT line.");
        }

        return (readFrom + lineIndex, readFrom + lineEnd + 1, Encoding.ASCII.GetString(buffer, lineIndex, HashLength));
    }
}

/// <summary>Refuses a new password found in the operator's breached-password list, when one is configured.</summary>
public sealed class BreachedPasswordValidator(BreachedPasswordList breached) : IPasswordValidator<StaffUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password) =>
        Task.FromResult(breached.IsConfigured && !string.IsNullOrEmpty(password) && breached.Contains(password)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordBreached",
                Description = "Password has appeared in a data breach, so criminals may try it. Choose a different password",
            })
            : IdentityResult.Success);
}
