using System.Security.Claims;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Api;

namespace StalkingProtection.Web.Infrastructure.Security;

/// <summary>
/// Need-to-know: an officer sees the cases of their own team and the cases they are officer in charge of;
/// coordinators and legal services see every case of the force; lookup, analyst and administrator roles see no case
/// content. An API client given a team sees that team's cases, one without a team every case . A case the
/// user may not see answers 404, as if it did not exist (S4).
/// </summary>
public static class CaseAccess
{
    public static bool SeesAllCases(this ClaimsPrincipal user) =>
        user.IsInRole(StaffRoles.Coordinator) || user.IsInRole(StaffRoles.LegalServices)
        || (user.IsInRole(ApiKeyAuthenticationHandler.ClientRole) && user.ClientTeam() is null);

    /// <summary>The team an API client is limited to; null for a force-wide client and for staff.</summary>
    public static string? ClientTeam(this ClaimsPrincipal user) =>
        user.IsInRole(ApiKeyAuthenticationHandler.ClientRole) ? user.FindFirstValue(ApiKeyAuthenticationHandler.TeamClaim) : null;

    /// <summary>The value stored in <see cref="StalkingCase.OfficerInCharge"/> for this user.</summary>
    public static string OfficerKey(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public static IQueryable<StalkingCase> VisibleTo(this IQueryable<StalkingCase> cases, ClaimsPrincipal user)
    {
        if (user.SeesAllCases())
        {
            return cases;
        }

        if (user.ClientTeam() is { } clientTeam)
        {
            return cases.Where(c => c.Team == clientTeam);
        }

        if (!user.IsInRole(StaffRoles.Officer))
        {
            return cases.Where(_ => false);
        }

        var team = user.FindFirstValue(StaffClaims.Team) ?? "";
        var officer = user.OfficerKey();
        return cases.Where(c => (team != "" && c.Team == team) || c.OfficerInCharge == officer);
    }

    public static bool CanSee(this ClaimsPrincipal user, StalkingCase stalkingCase) =>
        user.SeesAllCases()
        || (user.ClientTeam() is { } clientTeam && stalkingCase.Team == clientTeam)
        || (user.IsInRole(StaffRoles.Officer)
            && ((user.FindFirstValue(StaffClaims.Team) is { Length: > 0 } team && stalkingCase.Team == team)
                || stalkingCase.OfficerInCharge == user.OfficerKey()));
}
