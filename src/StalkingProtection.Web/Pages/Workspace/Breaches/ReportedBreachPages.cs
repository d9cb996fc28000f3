using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Breaches;

/// <summary>
/// Need-to-know for a breach reported online: one about an order is for staff who may see the order's case; one that matched no
/// order is for coordinators. The read is audited by the service.
/// </summary>
internal static class ReportedBreachAccess
{
    public static async Task<ReportedBreach?> ViewAsync(HttpContext http, StalkingProtectionDbContext db, ReportedBreachService breaches, Guid id, CancellationToken ct)
    {
        var orderCase = await db.ReportedBreaches.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.OrderId, CaseId = db.Orders.Where(o => o.Id == r.OrderId).Select(o => (Guid?)o.CaseId).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (orderCase is null)
        {
            return null;
        }

        var visible = orderCase.CaseId is { } caseId ? await VisibleCase.FindAsync(http, db, caseId, ct) is not null : http.User.IsInRole(StaffRoles.Coordinator);
        return visible ? await breaches.ViewAsync(id, http.User.ToActor(), ct) : null;
    }

    /// <summary>The order the report names, for the conditions an arrest can be for (R35); null when it names none.</summary>
    public static async Task<StalkingProtectionOrder?> OrderOfAsync(StalkingProtectionDbContext db, ReportedBreach reported, CancellationToken ct) =>
        reported.OrderId is { } orderId ? await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct) : null;
}
