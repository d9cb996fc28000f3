using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.Lists;
using StalkingProtection.Core.People;

namespace StalkingProtection.Core.Applications;

/// <summary>
/// P1: the sort keys the applications list reads from the applications table (<see cref="Application.RespondentSortKey"/> and
/// the rest), worked out again from the rows they depend on whenever <see cref="ListKeys"/> notes a change to one of them.
/// </summary>
public static class ApplicationListKeys
{
    /// <summary>
    /// Works out again the keys of the applications the saved rows belong to, in one statement: the applications are found by
    /// a union of indexed reads, one for each kind of row saved.
    /// </summary>
    internal static Task RefreshAsync(StalkingProtectionDbContext db, ListKeys.Changes changes, CancellationToken ct)
    {
        IQueryable<Guid>? affected = null;
        void Include(IQueryable<Guid> ids) => affected = affected is null ? ids : affected.Concat(ids);
        var applications = db.Applications.IgnoreAutoIncludes();
        if (changes.Applications.Count > 0)
        {
            var ids = changes.Applications.ToList();
            Include(applications.Where(a => ids.Contains(a.Id)).Select(a => a.Id));
        }

        if (changes.People.Count > 0)
        {
            var people = changes.People.ToList();
            Include(db.Respondents.Where(r => people.Contains(r.PersonId)).Join(applications, r => r.Id, a => a.RespondentId, (r, a) => a.Id));
        }

        if (changes.Respondents.Count > 0)
        {
            var respondents = changes.Respondents.ToList();
            Include(applications.Where(a => respondents.Contains(a.RespondentId)).Select(a => a.Id));
        }

        return affected is { } found ? UpdateAsync(db, applications.Where(a => found.Contains(a.Id)), ct) : Task.CompletedTask;
    }

    internal static Task<int> UpdateAsync(StalkingProtectionDbContext db, IQueryable<Application> applications, CancellationToken ct)
    {
        var names = db.Set<PersonName>().Where(n => !n.IsAlias);
        var noHearing = ApplicationListQuery.NoHearing;
        return applications.ExecuteUpdateAsync(s => s
            .SetProperty(a => a.RespondentSortKey, a => names
                .Where(n => n.PersonId == db.Respondents.Where(r => r.Id == a.RespondentId).Select(r => r.PersonId).FirstOrDefault())
                .OrderBy(n => n.Id).Select(n => n.FamilyName + " " + n.GivenNames).FirstOrDefault() ?? "")
            .SetProperty(a => a.KindSortKey, a => a.Type == ApplicationType.Full ? 0 : a.Type == ApplicationType.Interim ? 1
                : a.Type == ApplicationType.Variation ? 2 : a.Type == ApplicationType.Renewal ? 3 : 4)
            .SetProperty(a => a.HearingSortKey, a =>
                db.Hearings.Where(h => h.ApplicationId == a.Id && h.Outcome == HearingOutcome.Pending).Min(h => (DateTimeOffset?)h.ListedFor)
                ?? db.Hearings.Where(h => h.ApplicationId == a.Id).Max(h => (DateTimeOffset?)h.ListedFor)
                ?? noHearing)
            .SetProperty(a => a.StatusSortKey, a => a.Status == ApplicationStatus.Draft ? (a.AuthorisedAt != null ? 2 : a.AwaitingAuthorisationSince != null ? 1 : 0)
                : a.Status == ApplicationStatus.Submitted ? 3
                : a.Status == ApplicationStatus.Listed ? 4
                : a.Status == ApplicationStatus.Adjourned ? 5
                : a.Status == ApplicationStatus.Withdrawn ? 10
                : a.Determination == Determination.Granted ? 6
                : a.Determination == Determination.Refused ? 7
                : a.Determination == Determination.Dismissed ? 8
                : 9),
            ct);
    }
}
