using System.Security.Claims;
using StalkingProtection.Core.Auditing;

namespace StalkingProtection.Web.Infrastructure.Security;

public static class StaffClaims
{
    public const string DisplayName = "sp:name";
    public const string Team = "sp:team";

    /// <summary>Set on sign-ins through the force's identity provider, which does its own multi-factor check.</summary>
    public const string ExternalProvider = "sp:idp";

    /// <summary>The server-side session (<see cref="Core.Staff.StaffSession"/>) the cookie belongs to.</summary>
    public const string SessionId = "sp:sid";

    public static Guid? SessionIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SessionId), out var id) ? id : null;

    public static Actor ToActor(this ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        var name = user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "Unknown";
        var role = string.Join(",", user.FindAll(ClaimTypes.Role).Select(c => c.Value));
        return new Actor(id, name, role.Length == 0 ? null : role, user.FindFirstValue(Team));
    }

    public static bool SignedInWithSecondFactor(this ClaimsPrincipal user) =>
        user.HasClaim("amr", "mfa") || user.HasClaim(c => c.Type == ExternalProvider);
}
