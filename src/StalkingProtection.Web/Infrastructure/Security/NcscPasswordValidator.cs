using System.Reflection;
using Microsoft.AspNetCore.Identity;
using StalkingProtection.Core.Staff;

namespace StalkingProtection.Web.Infrastructure.Security;

/// <summary>
/// NCSC password guidance: length over complexity, no forced expiry, and a deny list of common and breached passwords.
/// </summary>
public sealed class NcscPasswordValidator : IPasswordValidator<StaffUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;

    private static readonly Lazy<HashSet<string>> _denyList = new(LoadDenyList);

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        var errors = new List<IdentityError>();
        password ??= string.Empty;
        if (password.Length < MinimumLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooShort", Description = $"Password must be {MinimumLength} characters or more" });
        }

        if (password.Length > MaximumLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = $"Password must be {MaximumLength} characters or fewer" });
        }

        if (IsCommon(password) || (user.Email is { } email && password.Contains(email.Split('@')[0], StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new IdentityError
            {
                Code = "PasswordCommon",
                Description = "Password is too easy to guess. Try three random words, like ‘coffee train fish’",
            });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    public static bool IsCommon(string password)
    {
        var normalised = new string(password.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
        if (normalised.Distinct().Count() <= 2)
        {
            return true;
        }

        return _denyList.Value.Contains(password.ToLowerInvariant()) || _denyList.Value.Contains(normalised);
    }

    private static HashSet<string> LoadDenyList()
    {
        using var stream = Assembly.GetExecutingAssembly()
            .GetManifestResourceStream("StalkingProtection.Web.Infrastructure.Security.common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }
}
