namespace StalkingProtection.Web.Infrastructure.Security;

public sealed class SignInOptions
{
    public const string SectionName = "StalkingProtection:SignIn";

    /// <summary>A force's own identity provider (OpenID Connect). Local accounts still work alongside it.</summary>
    public OpenIdConnectSettings? OpenIdConnect { get; set; }

    /// <summary>Sign-in form posts allowed per minute from one address, before any account-level throttling.</summary>
    public int PostsPerMinutePerAddress { get; set; } = 30;

    /// <summary>A session ends this long after signing in, however active it is.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>A session ends after this long without a request.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Sessions one account may have at once (ASVS V7.1.2); signing in again ends the oldest.</summary>
    public int MaxSessionsPerAccount { get; set; } = 3;

    /// <summary>
    /// An absolute path to a breached-password list new passwords are checked against (ASVS V6.2.12): Have I Been Pwned's
    /// "Pwned Passwords" SHA-1 file, one HASH:COUNT line per hash, ordered by hash.
    /// </summary>
    public string? BreachedPasswordsFile { get; set; }

    public static IEnumerable<string> Validate(SignInOptions options)
    {
        if (options.MaxSessionsPerAccount < 1)
        {
            yield return "StalkingProtection:SignIn:MaxSessionsPerAccount must be 1 or more.";
        }

        if (options.PostsPerMinutePerAddress < 1)
        {
            yield return "StalkingProtection:SignIn:PostsPerMinutePerAddress must be 1 or more.";
        }

        if (options.IdleTimeout <= TimeSpan.Zero || options.SessionLifetime < options.IdleTimeout)
        {
            yield return "StalkingProtection:SignIn:IdleTimeout must be positive and no longer than SessionLifetime.";
        }

        if (options.BreachedPasswordsFile is { Length: > 0 } breached && !(Path.IsPathRooted(breached) && File.Exists(breached)))
        {
            yield return $"StalkingProtection:SignIn:BreachedPasswordsFile: there is no file at {breached}; give the absolute path of the downloaded Pwned Passwords SHA-1 file (ordered by hash), or remove the setting.";
        }

        if (options.OpenIdConnect is { } oidc && oidc.Enabled)
        {
            if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
            {
                yield return "StalkingProtection:SignIn:OpenIdConnect:Authority must be an https address.";
            }

            if (string.IsNullOrWhiteSpace(oidc.ClientId))
            {
                yield return "StalkingProtection:SignIn:OpenIdConnect:ClientId is required.";
            }

            foreach (var role in oidc.RoleMap.Values.Where(r => !Core.Staff.StaffRoles.All.Contains(r)))
            {
                yield return $"StalkingProtection:SignIn:OpenIdConnect:RoleMap maps to an unknown role '{role}'.";
            }
        }
    }
}

public sealed class OpenIdConnectSettings
{
    public bool Enabled { get; set; }

    public string DisplayName { get; set; } = "your force account";

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The claim that carries the identity provider's group or role names.</summary>
    public string RoleClaimType { get; set; } = "roles";

    /// <summary>The identity provider's group or role name → our role.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string TeamClaimType { get; set; } = "department";

    /// <summary>
    /// Authentication methods (<c>amr</c> values) of which a sign-in must carry at least one. When neither this nor
    /// <see cref="AcceptedAcr"/> is set, the provider must say "mfa".
    /// </summary>
    public List<string> AcceptedAmr { get; set; } = [];

    /// <summary>Authentication context classes (<c>acr</c> values), one of which a sign-in must carry when any is set.</summary>
    public List<string> AcceptedAcr { get; set; } = [];

    /// <summary>The <c>amr</c> values a sign-in must carry one of: none when only an <c>acr</c> is required.</summary>
    public IReadOnlyList<string> RequiredAmr => AcceptedAmr.Count > 0 ? AcceptedAmr : AcceptedAcr.Count > 0 ? [] : ["mfa"];
}
