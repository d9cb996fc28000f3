using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Statistics;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Dashboard;

public static class DashboardLists
{
    public const string LiveOrders = "live-orders";
    public const string Applications = "applications";
    public const string Unserved = "unserved";
    public const string NotificationsOverdue = "notifications-overdue";
    public const string NotificationsDue = "notifications-due";
    public const string Breaches = "breaches";
    public const string EndingSoon = "ending-soon";
    public const string CasesWithoutDecision = "cases-without-decision";
}

/// <summary>The list behind each dashboard figure: force-wide case content, so coordinators and legal services only.</summary>
[Authorize(Policy = Policies.ForceWideCaseWork)]
public class ListModel(DashboardQueries dashboard, StalkingProtectionDbContext db, AuditLog auditLog, TimeProvider timeProvider) : PageModel
{
    public const int Limit = 200;

    public sealed record Row(string Subject, string Href, string Detail, DateOnly? Date);

    public string Heading { get; private set; } = "";

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string list, CancellationToken ct)
    {
        var today = timeProvider.UkToday;
        switch (list)
        {
            case DashboardLists.LiveOrders:
                Heading = "Live orders in force";
                Rows = await OrderRowsAsync(dashboard.LiveOrders(today).OrderBy(o => o.MadeOn), o => $"{o.Kind} order made {o.MadeOn:d MMM yyyy}", o => o.LastInForceDay, ct);
                break;
            case DashboardLists.Unserved:
                Heading = "Orders not yet served";
                Rows = await OrderRowsAsync(dashboard.OrdersNotServed(today).OrderBy(o => o.MadeOn), o => $"{o.Kind} order made at {o.CourtName}", o => o.MadeOn, ct);
                break;
            case DashboardLists.EndingSoon:
                Heading = $"Orders ending in the next {DashboardQueries.EndingSoonDays} days";
                Rows = await OrderRowsAsync(dashboard.OrdersEndingSoon(today).OrderBy(o => o.LastInForceDay), o => $"{o.Kind} order, consider renewal", o => o.LastInForceDay, ct);
                break;
            case DashboardLists.Applications:
                Heading = "Applications in progress";
                Rows = (await dashboard.ApplicationsInProgress().OrderBy(a => a.Id).Take(Limit)
                        .Select(a => new { a.Id, a.CaseId, a.Type, a.Status }).ToListAsync(ct))
                    .Select(a => new Row($"{a.Type} application", ApplicationLinks.View(a.Id), a.Status.ToString(), null)).ToList();
                break;
            case DashboardLists.NotificationsOverdue or DashboardLists.NotificationsDue:
                Heading = list == DashboardLists.NotificationsOverdue ? "Notifications overdue" : $"Notifications due in the next {DashboardQueries.DueSoonDays} days";
                var obligations = list == DashboardLists.NotificationsOverdue ? dashboard.NotificationsOverdue(today) : dashboard.NotificationsDueSoon(today);
                var rows = await obligations.OrderBy(o => o.DueBy).Take(Limit)
                    .Select(o => new { o.OrderId, o.RespondentId, o.Trigger, o.DueBy }).ToListAsync(ct);
                var names = await RespondentNamesAsync(rows.Select(r => r.RespondentId), ct);
                Rows = rows.Select(r => new Row(names.GetValueOrDefault(r.RespondentId, "Respondent"), r.OrderId is { } id ? OrderLinks.View(id) : WorkspaceLinks.Home,
                    $"Notification {Choices.Text(r.Trigger).ToLowerInvariant()} (SPA 2019 s.9)", r.DueBy)).ToList();
                break;
            case DashboardLists.Breaches:
                Heading = "Breaches this month";
                var breaches = await dashboard.BreachesThisMonth(today)
                    .OrderByDescending(b => b.IncidentOn).Take(Limit).Select(b => new { b.OrderId, b.IncidentOn, b.Outcome }).ToListAsync(ct);
                Rows = breaches.Select(b => new Row("Breach of order", OrderLinks.View(b.OrderId), b.Outcome.ToString(), b.IncidentOn)).ToList();
                break;
            case DashboardLists.CasesWithoutDecision:
                Heading = "Stalking cases with no SPO decision";
                Rows = (await dashboard.CasesWithoutSpoDecision().OrderBy(c => c.ReportedOn).Take(Limit)
                        .Select(c => new { c.Id, c.CrimeReferences, c.ReportedOn }).ToListAsync(ct))
                    .Select(c => new Row(c.CrimeReferences.Length == 0 ? "Case" : c.CrimeReferences, CaseLinks.View(c.Id), "No decision recorded (R39)", c.ReportedOn)).ToList();
                break;
            default:
                return NotFound();
        }

        await auditLog.RecordConsultationAsync(User.ToActor(), AuditEvents.Dashboard.ListViewed.For(list), ct);
        return Page();
    }

    private async Task<IReadOnlyList<Row>> OrderRowsAsync(IQueryable<StalkingProtectionOrder> orders,
        Func<StalkingProtectionOrder, string> detail, Func<StalkingProtectionOrder, DateOnly?> date, CancellationToken ct)
    {
        var page = await orders.Take(Limit).ToListAsync(ct);
        var names = await RespondentNamesAsync(page.Select(o => o.RespondentId), ct);
        return page.Select(o => new Row(names.GetValueOrDefault(o.RespondentId, "Respondent"), OrderLinks.View(o.Id), detail(o), date(o))).ToList();
    }

    private async Task<Dictionary<Guid, string>> RespondentNamesAsync(IEnumerable<Guid> respondentIds, CancellationToken ct)
    {
        var ids = respondentIds.Distinct().ToList();
        var respondents = await db.Respondents.AsNoTracking().Where(r => ids.Contains(r.Id)).Include(r => r.Person).ThenInclude(p => p.Names).ToListAsync(ct);
        return respondents.ToDictionary(r => r.Id, r => r.Person.PrimaryName.FullName);
    }
}
