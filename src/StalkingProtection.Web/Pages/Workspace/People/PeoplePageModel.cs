using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.People;

/// <summary>
/// Need-to-know for people recorded twice: coordinators and legal services see every record; an officer sees a record only
/// when every case it is on is one they can see.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public abstract class PeoplePageModel(StalkingProtectionDbContext db) : PageModel
{
    protected StalkingProtectionDbContext Db => db;

    protected Task<Func<PersonRecord, bool>> VisibilityAsync(IEnumerable<PersonRecord> records, CancellationToken ct) =>
        PeopleVisibility.OfAsync(db, User, records, ct);

    public static string Describe(PersonRoleOnCase role) =>
        $"{(role.Kind == PersonRoleKind.Respondent ? "Respondent" : "Victim or protected person")} on {(role.CrimeReferences.Length == 0 ? "a case with no crime reference" : role.CrimeReferences.Replace(",", ", ", StringComparison.Ordinal))}";
}

/// <summary>Merging is for officers and coordinators; legal services may see the possible duplicates.</summary>
[Authorize(Policy = Policies.Triage)]
public abstract class MergePeoplePageModel(StalkingProtectionDbContext db) : PeoplePageModel(db)
{
}

/// <summary>Which person a user may see: every record for coordinators and legal services, otherwise only a record every case of which they can see.</summary>
public static class PeopleVisibility
{
    public static async Task<Func<PersonRecord, bool>> OfAsync(StalkingProtectionDbContext db, ClaimsPrincipal user, IEnumerable<PersonRecord> records, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (user.SeesAllCases())
        {
            return _ => true;
        }

        var caseIds = records.SelectMany(r => r.Roles).Select(r => r.CaseId).Distinct().ToList();
        var visible = (await db.Cases.AsNoTracking().VisibleTo(user).Where(c => caseIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        return r => r.Roles.Count > 0 && r.Roles.All(role => visible.Contains(role.CaseId));
    }
}

/// <summary>The answers of a merge: the record kept and the record merged into it, each with its version when chosen (RL4), and why.</summary>
public sealed class MergeState
{
    public Guid KeepId { get; set; }

    public long KeepVersion { get; set; }

    public Guid MergeId { get; set; }

    public long MergeVersion { get; set; }

    public string? Reason { get; set; }
}
