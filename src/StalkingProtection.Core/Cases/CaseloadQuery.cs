using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Cases;

/// <summary>One officer's share of the work in one team: open cases, overdue tasks on them and hearings coming up.</summary>
public sealed record OfficerCaseload(
    string OfficerKey,
    string OfficerName,
    string Team,
    int OpenCases,
    int OverdueTasks,
    int HearingsSoon,
    DateTimeOffset? NextHearing);

/// <summary>
/// A coordinator's view of who holds what, to share work out: for each officer in charge of an open case, how many open
/// cases, how many open tasks on them are past their due day, and the hearings listed in the next four weeks.
/// </summary>
public static class CaseloadQuery
{
    public const int HearingDays = 28;

    /// <summary>The caseload of the officers in charge of <paramref name="visibleCases"/>, the fullest first.</summary>
    public static async Task<IReadOnlyList<OfficerCaseload>> ForAsync(StalkingProtectionDbContext db, IQueryable<StalkingCase> visibleCases,
        DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var open = visibleCases.Where(c => c.Status != CaseStatus.Closed);

        var cases = await open.GroupBy(c => new { c.OfficerInCharge, c.Team })
            .Select(g => new { g.Key.OfficerInCharge, g.Key.Team, Count = g.Count() })
            .ToListAsync(ct);

        // A task belongs to the case it was raised on, or to the case of the order it was raised on.
        var overdue = await (
                from t in db.StaffTasks.AsNoTracking()
                where t.Status == StaffTaskStatus.Open && t.DueOn < today
                from c in open
                where c.Id == t.CaseId || db.Orders.Any(o => o.Id == t.OrderId && o.CaseId == c.Id)
                group t by new { c.OfficerInCharge, c.Team } into g
                select new { g.Key.OfficerInCharge, g.Key.Team, Count = g.Count() })
            .ToListAsync(ct);

        var start = LondonTime.StartOfDayUtc(today);
        var until = LondonTime.StartOfDayUtc(today.AddDays(HearingDays + 1));
        var hearings = await (
                from h in db.Hearings.AsNoTracking()
                where h.Outcome == HearingOutcome.Pending && h.ListedFor >= start && h.ListedFor < until
                join a in db.Applications.IgnoreAutoIncludes().AsNoTracking() on h.ApplicationId equals a.Id
                join c in open on a.CaseId equals c.Id
                select new { c.OfficerInCharge, c.Team, h.ListedFor })
            .ToListAsync(ct);

        var nameOf = await OfficerNames.OfAsync(db, cases.Select(c => c.OfficerInCharge), ct);

        return cases
            .Select(c =>
            {
                var listed = hearings.Where(h => h.OfficerInCharge == c.OfficerInCharge && h.Team == c.Team).Select(h => h.ListedFor).ToList();
                return new OfficerCaseload(
                    c.OfficerInCharge,
                    nameOf.GetValueOrDefault(c.OfficerInCharge) ?? (c.OfficerInCharge.Length > 0 ? c.OfficerInCharge : "Not assigned"),
                    c.Team,
                    c.Count,
                    overdue.Where(o => o.OfficerInCharge == c.OfficerInCharge && o.Team == c.Team).Sum(o => o.Count),
                    listed.Count,
                    listed.Count == 0 ? null : listed.Min());
            })
            .OrderByDescending(r => r.OpenCases).ThenBy(r => r.OfficerName, StringComparer.CurrentCulture).ThenBy(r => r.Team, StringComparer.Ordinal)
            .ToList();
    }
}
