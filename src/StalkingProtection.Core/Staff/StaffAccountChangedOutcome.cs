using Microsoft.AspNetCore.Identity;

namespace StalkingProtection.Core.Staff;

/// <summary>The change an administrator made to someone's staff account.</summary>
public enum StaffAccountChange
{
    RolesAndTeamChanged,
    Deactivated,
    TwoFactorReset,
}

/// <summary>
/// What changing a staff account's roles and team, deactivating it or resetting its two-factor authentication did: Identity's result
/// (with the reasons a change was refused) and, once done, the account's roles and team as the change left them. The words come
/// from <see cref="Explain"/>.
/// </summary>
public sealed class StaffAccountChangedOutcome
{
    private StaffAccountChangedOutcome(IdentityResult result, StaffAccountChange change)
    {
        Result = result;
        Change = change;
    }

    public IdentityResult Result { get; }

    public bool Succeeded => Result.Succeeded;

    public StaffAccountChange Change { get; }

    public Guid? UserId { get; private init; }

    public string DisplayName { get; private init; } = "";

    public IReadOnlyList<string> Roles { get; private init; } = [];

    public string? Team { get; private init; }

    internal static StaffAccountChangedOutcome Refused(IdentityResult result, StaffAccountChange change) => new(result, change);

    internal static StaffAccountChangedOutcome Refused(string code, string description, StaffAccountChange change) =>
        new(IdentityResult.Failed(new IdentityError { Code = code, Description = description }), change);

    internal static StaffAccountChangedOutcome Done(IdentityResult result, StaffAccountChange change, StaffUser user, IReadOnlyList<string> roles) =>
        new(result, change) { UserId = user.Id, DisplayName = user.DisplayName, Roles = StaffRoles.All.Where(roles.Contains).ToList(), Team = user.Team };

    /// <summary>The outcome in plain English; a refused change gives Identity's reasons.</summary>
    public string Explain()
    {
        if (!Succeeded)
        {
            return string.Join(". ", Result.Errors.Select(e => e.Description));
        }

        return Change switch
        {
            StaffAccountChange.RolesAndTeamChanged => $"Roles and team of {DisplayName} changed: {string.Join(", ", Roles.Select(StaffRoles.DisplayName))}, "
                + $"{(Team is null ? "in no team" : $"in {Team}")}. Their sessions take up the change on their next request.",
            StaffAccountChange.Deactivated => $"Account of {DisplayName} deactivated: it cannot sign in, and every session it had has ended.",
            _ => $"Two-factor authentication of {DisplayName} reset: their sessions have ended, and they set it up again when they next sign in.",
        };
    }
}
