using Microsoft.AspNetCore.Identity;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Staff;

namespace StalkingProtection.Web.Api;

/// <summary>
/// A decision to go ahead despite a "should" rule. R15 (a condition's fixed period under 2 years) can be approved only by legal
/// services, so its override names the lawyer who approved it in the force's own system.
/// </summary>
public sealed record OverrideRequest(string Rule, string Reason, string? ApprovedByLegalServices = null)
{
    public static void Validate(ApiValidator v, string field, OverrideRequest o) =>
        v.Required(field + ".rule", o.Rule, 10)
            .Required(field + ".reason", o.Reason, Override.ReasonMaxLength)
            .Optional(field + ".approvedByLegalServices", o.ApprovedByLegalServices, 200);
}

public static class ApiOverrides
{
    /// <summary>
    /// Runs the call without an override; when only warnings blocked it and the request overrides every one of them by rule ID,
    /// runs it again with the override (the first attempt saved nothing). Warnings the request does not name still block.
    /// </summary>
    public static async Task<T> RunAsync<T>(StalkingProtectionDbContext db, IReadOnlyList<OverrideRequest>? overrides, Actor actor,
        Func<Override?, Task<T>> call)
    {
        if (overrides is not { Count: > 0 })
        {
            return await call(null);
        }

        try
        {
            return await call(null);
        }
        catch (RuleViolationException ex) when (ex.CanBeOverridden && ex.Warnings.All(w => overrides.Any(o => o.Rule == w.RuleId)))
        {
            db.ChangeTracker.Clear();
            var used = overrides.Where(o => ex.Warnings.Any(w => w.RuleId == o.Rule)).ToList();
            var reason = string.Join("; ", used.Select(o => $"{o.Rule}: {o.Reason.Trim()}"));
            var lawyer = used.FirstOrDefault(o => o.Rule == "R15")?.ApprovedByLegalServices;
            var by = lawyer is null ? actor : ApiActors.OnBehalfOf(actor, lawyer, StaffRoles.LegalServices);
            return await call(new Override(reason, by));
        }
    }
}

public static class ApiActors
{
    /// <summary>
    /// A decision a named member of staff made in the client's own system (a coordinator's authorisation, a lawyer's R15
    /// approval): the audit keeps the API client's id and names both.
    /// </summary>
    public static Actor OnBehalfOf(Actor client, string staffName, string role) =>
        new(client.Id, $"{staffName.Trim()} (via {client.Name})", role, client.Team);

    /// <summary>
    /// The active staff account, named by its id or its email, that holds <paramref name="role"/>; null when there is none.
    /// A decision recorded through the API must name a real person who may make it, not free text.
    /// </summary>
    public static async Task<StaffUser?> FindStaffInRoleAsync(UserManager<StaffUser> users, string idOrEmail, string role)
    {
        var name = idOrEmail.Trim();
        var user = Guid.TryParse(name, out var id)
            ? await users.FindByIdAsync(id.ToString())
            : name.Contains('@', StringComparison.Ordinal) ? await users.FindByEmailAsync(name) : null;
        return user is { IsActive: true } && await users.IsInRoleAsync(user, role) ? user : null;
    }
}
