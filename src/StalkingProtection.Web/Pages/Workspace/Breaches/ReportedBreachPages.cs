using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Breaches;

/// <summary>
/// Need-to-know for a breach reported online: one about an order is for staff who may see the order's case; one that matched no
/// order is for coordinators. The read is audited by the service.
/// </summary>
internal static class ReportedBreachAccess
{
    public static async Task<ReportedBreach?> ViewAsync(StalkingProtectionDbContext db, ReportedBreachService breaches, ClaimsPrincipal user, Guid id,
        Func<Guid, Task<bool>> caseVisible, CancellationToken ct)
    {
        var orderCase = await db.ReportedBreaches.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.OrderId, CaseId = db.Orders.Where(o => o.Id == r.OrderId).Select(o => (Guid?)o.CaseId).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (orderCase is null)
        {
            return null;
        }

        var visible = orderCase.CaseId is { } caseId ? await caseVisible(caseId) : user.IsInRole(StaffRoles.Coordinator);
        return visible ? await breaches.ViewAsync(id, user.ToActor(), ct) : null;
    }
}
