using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Staff;

namespace StalkingProtection.Web.Pages.Workspace.Staff;

/// <summary>The answers of an invitation, kept until the administrator confirms them; the set-up link is never kept.</summary>
public sealed record InviteAnswers(string Email, string DisplayName, IReadOnlyList<string> Roles, string? Team);

/// <summary>The roles and team an administrator gives an account, kept until confirmed.</summary>
public sealed record StaffChangeAnswers(IReadOnlyList<string> Roles, string? Team);

/// <summary>What the staff journeys share: the account they are about, the roles-and-team questions, and Identity's refusals.</summary>
internal static class StaffJourney
{
    /// <summary>An account that is still active; a deactivated or unknown one answers 404.</summary>
    public static async Task<StaffAccountSummary?> ActiveAsync(StaffAccountService accounts, Guid id) =>
        (await accounts.ListAsync(id)).SingleOrDefault() is { DeactivatedAt: null } account ? account : null;

    /// <summary>The known roles chosen, each once; at least one, and a team that fits.</summary>
    public static List<string> CheckRolesAndTeam(ModelStateDictionary modelState, IEnumerable<string> roles, string? team)
    {
        var chosen = roles.Where(StaffRoles.All.Contains).Distinct().ToList();
        if (chosen.Count == 0)
        {
            modelState.AddModelError("Roles", "Select at least one role");
        }

        if (team?.Trim().Length > StaffUser.TeamMaxLength)
        {
            modelState.AddModelError("Team", $"Team must be {StaffUser.TeamMaxLength} characters or fewer");
        }

        return chosen;
    }

    /// <summary>Identity refused the change: shown on "check your answers" under the question it is about, nothing saved.</summary>
    public static void ThrowIfRefused(IdentityResult result, string field, string message)
    {
        new RuleCheck().Must(result.Succeeded, "Input", field, message, "").ThrowIfBroken();
    }

    public static string Describe(IdentityResult result) => string.Join(". ", result.Errors.Select(e => e.Description));
}
