using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Statistics;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Pages.Workspace.Dashboard;

namespace StalkingProtection.Web.Pages.Workspace;

public class IndexModel(DashboardFigureCache dashboard) : PageModel
{
    public string DisplayName => User.FindFirstValue(StaffClaims.DisplayName) ?? User.Identity?.Name ?? "";

    public IReadOnlyList<string> Roles => User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();

    /// <summary>Aggregates only: coordinators, legal services and analysts see the figures.</summary>
    public DashboardFigures? Figures { get; private set; }

    /// <summary>The lists behind the figures are case content: not for analysts.</summary>
    public bool CanOpenLists => User.IsInRole(StaffRoles.Coordinator) || User.IsInRole(StaffRoles.LegalServices);

    public IReadOnlyList<(string Key, int Count, string Label)> Tiles { get; private set; } = [];

    /// <summary>
    /// The list behind a figure: a figure that counts orders, cases or applications opens that list with the same filter, so
    /// the number and the rows agree; the others open their dashboard list.
    /// </summary>
    public static string TileHref(string key) => key switch
    {
        TriageTile => TriageLinks.Queue,
        DashboardLists.LiveOrders => OrderLinks.Filtered(OrderListFilter.InForce),
        DashboardLists.Unserved => OrderLinks.Filtered(OrderListFilter.Unserved),
        DashboardLists.EndingSoon => OrderLinks.Filtered(OrderListFilter.EndingSoon),
        DashboardLists.Applications => ApplicationLinks.Filtered(ApplicationListFilter.InProgress),
        DashboardLists.CasesWithoutDecision => CaseLinks.WithoutSpoDecision,
        _ => WorkspaceLinks.DashboardList(key),
    };

    public const string TriageTile = "reports-awaiting-triage";

    public bool CanTriage => User.IsInRole(StaffRoles.Officer) || User.IsInRole(StaffRoles.Coordinator) || User.IsInRole(StaffRoles.LegalServices);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!CanOpenLists && !User.IsInRole(StaffRoles.Analyst))
        {
            return;
        }

        var f = await dashboard.GetAsync(ct);
        Figures = f;
        Tiles =
        [
            (DashboardLists.LiveOrders, f.LiveOrders, "live orders in force"),
            (DashboardLists.Applications, f.ApplicationsInProgress, "applications in progress"),
            (DashboardLists.Unserved, f.OrdersNotServed, "orders not yet served"),
            (DashboardLists.NotificationsOverdue, f.NotificationsOverdue, "notifications overdue"),
            (DashboardLists.NotificationsDue, f.NotificationsDueSoon, $"notifications due in the next {DashboardQueries.DueSoonDays} days"),
            (DashboardLists.Breaches, f.BreachesThisMonth, "breaches this month"),
            (DashboardLists.EndingSoon, f.OrdersEndingSoon, $"orders ending in the next {DashboardQueries.EndingSoonDays} days"),
            (DashboardLists.CasesWithoutDecision, f.CasesWithoutSpoDecision, "stalking cases with no SPO decision"),
            (TriageTile, f.ReportsAwaitingTriage, "online reports waiting for triage"),
        ];
    }
}
