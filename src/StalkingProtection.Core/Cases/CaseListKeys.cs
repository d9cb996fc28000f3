using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Lists;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Tasks;

namespace StalkingProtection.Core.Cases;

/// <summary>
/// P1: the sort keys the cases list reads from the cases table (<see cref="StalkingCase.RespondentSortKey"/> and the rest),
/// worked out again from the rows they depend on whenever <see cref="ListKeys"/> notes a change to one of them.
/// </summary>
public static class CaseListKeys
{
    /// <summary>
    /// Works out again the keys of the cases the saved rows belong to, in one statement: the cases are found by a union of
    /// indexed reads, one for each kind of row saved.
    /// </summary>
    internal static Task RefreshAsync(StalkingProtectionDbContext db, ListKeys.Changes changes, CancellationToken ct)
    {
        IQueryable<Guid>? affected = null;
        void Include(IQueryable<Guid> ids) => affected = affected is null ? ids : affected.Concat(ids);
        if (changes.Cases.Count > 0)
        {
            var cases = changes.Cases.ToList();
            Include(db.Cases.Where(c => cases.Contains(c.Id)).Select(c => c.Id));
        }

        if (changes.Orders.Count > 0)
        {
            var orders = changes.Orders.ToList();
            Include(db.Orders.IgnoreAutoIncludes().Where(o => orders.Contains(o.Id)).Select(o => o.CaseId));
        }

        if (changes.People.Count > 0)
        {
            var people = changes.People.ToList();
            Include(db.Respondents.Where(r => people.Contains(r.PersonId)).Join(db.Cases, r => (Guid?)r.Id, c => c.RespondentId, (r, c) => c.Id));
            Include(db.Victims.Where(v => people.Contains(v.PersonId)).Select(v => v.CaseId));
        }

        if (changes.Respondents.Count > 0)
        {
            var respondents = changes.Respondents.ToList();
            Include(db.Cases.Where(c => c.RespondentId != null && respondents.Contains(c.RespondentId.Value)).Select(c => c.Id));
        }

        if (changes.Users.Count > 0)
        {
            var users = changes.Users.ToList();
            Include(db.Cases.Where(c => c.OfficerInChargeId != null && users.Contains(c.OfficerInChargeId.Value)).Select(c => c.Id));
        }

        if (affected is not { } ids)
        {
            return Task.CompletedTask;
        }

        return UpdateAsync(db, db.Cases.Where(c => ids.Contains(c.Id)), ct);
    }

    internal static Task<int> UpdateAsync(StalkingProtectionDbContext db, IQueryable<StalkingCase> cases, CancellationToken ct)
    {
        var names = db.Set<PersonName>().Where(n => !n.IsAlias);
        var openTasks = db.StaffTasks.Where(t => t.Status == StaffTaskStatus.Open);
        var openDuties = db.NotificationObligations.Where(n => n.Status == ObligationStatus.Open || n.Status == ObligationStatus.Overdue);
        var orders = db.Orders.IgnoreAutoIncludes();
#pragma warning disable CA1845 // translated to SQL substr(), where spans do not exist
        return cases.ExecuteUpdateAsync(s => s
            .SetProperty(c => c.RespondentSortKey, c => names
                .Where(n => n.PersonId == db.Respondents.Where(r => r.Id == c.RespondentId).Select(r => (Guid?)r.PersonId).FirstOrDefault())
                .OrderBy(n => n.Id).Select(n => n.FamilyName + " " + n.GivenNames).FirstOrDefault() ?? "")
            .SetProperty(c => c.ProtectedPeopleSortKey, c => names
                .Where(n => n.PersonId == db.Victims.Where(v => v.CaseId == c.Id && (v.Role == VictimRole.ProtectedPerson || v.Role == VictimRole.Both))
                    .OrderBy(v => v.Id).Select(v => (Guid?)v.PersonId).FirstOrDefault())
                .OrderBy(n => n.Id).Select(n => n.GivenNames.Substring(0, 1) + n.FamilyName.Substring(0, 1)).FirstOrDefault() ?? "")
            .SetProperty(c => c.OfficerSortKey, c => db.Users.Where(u => u.Id == c.OfficerInChargeId).Select(u => u.DisplayName).FirstOrDefault() ?? c.OfficerInCharge)
            .SetProperty(c => c.StatusSortKey, c => c.Status == CaseStatus.Open ? 0 : c.Status == CaseStatus.UnderInvestigation ? 1 : 2)
            .SetProperty(c => c.SpoDecisionSortKey, c => db.SpoDecisions.Where(d => d.CaseId == c.Id).OrderByDescending(d => d.DecidedOn).ThenByDescending(d => d.Id)
                .Select(d => d.Decision == SpoDecisionOutcome.Apply ? 1 : 2).FirstOrDefault())
            .SetProperty(c => c.NextDeadlineOn, c => openTasks.Where(t => t.CaseId == c.Id).Select(t => t.DueOn)
                .Concat(from o in orders where o.CaseId == c.Id from t in openTasks where t.OrderId == o.Id select t.DueOn)
                .Concat(from o in orders where o.CaseId == c.Id from n in openDuties where n.OrderId == o.Id select n.DueBy)
                .Min(d => (DateOnly?)d) ?? DateOnly.MaxValue),
            ct);
#pragma warning restore CA1845
    }
}
