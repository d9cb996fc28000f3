using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Staff;

namespace StalkingProtection.Web.Infrastructure.Security;

/// <summary>
/// NCSC password guidance: length over complexity, no forced expiry, and a deny list of common and breached passwords.
/// ASVS V6.1.2 and V6.2.11: words an attacker would try first against this service are refused anywhere in a new
/// password (docs/security/authentication.md lists them).
/// </summary>
public sealed class NcscPasswordValidator(IOptions<WebOptions> web) : IPasswordValidator<StaffUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;

    /// <summary>Words of this service and its subject, refused besides each word of the force's and the service's names.</summary>
    public static readonly IReadOnlyList<string> ServiceWords =
        ["stalking", "stalker", "protection", "constabulary", "police", "policing", "workspace"];

    // Shorter words of a force's name ("of", "and", "the") are too common to refuse.
    private const int ShortestNameWord = 4;

    private static readonly Lazy<HashSet<string>> _denyList = new(LoadDenyList);

    /// <summary>The words refused in a new password: <see cref="ServiceWords"/> and the words of the configured names.</summary>
    public IReadOnlyList<string> ContextWords() =>
        [.. ServiceWords.Concat(NameWords(web.Value.ForceName)).Concat(NameWords(web.Value.ServiceName)).Distinct()];

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

        var letters = Normalise(password);
        if (ContextWords().FirstOrDefault(w => letters.Contains(w, StringComparison.Ordinal)) is not null)
        {
            errors.Add(new IdentityError
            {
                Code = "PasswordContextWord",
                Description = "Password must not contain the name of the force or of this service, or words like ‘stalking’, ‘protection’ or ‘police’",
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

    private static IEnumerable<string> NameWords(string name) =>
        name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Normalise).Where(w => w.Length >= ShortestNameWord);

    private static string Normalise(string text) => new(text.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

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
