using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Cases;

/// <summary>The officers a case can be given to: every active officer, and the person asking, who may hold another role.</summary>
public static class OfficerChoices
{
    public static async Task<IReadOnlyList<SelectListItem>> ListAsync(StalkingProtectionDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var officerRole = await db.Roles.Where(r => r.Name == StaffRoles.Officer).Select(r => r.Id).SingleOrDefaultAsync(ct);
        var officers = await db.Users.AsNoTracking()
            .Where(u => u.DeactivatedAt == null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == officerRole))
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Team })
            .ToListAsync(ct);
        var items = officers.Select(o => new SelectListItem(o.Team is null ? o.DisplayName : $"{o.DisplayName} ({o.Team})", o.Id.ToString())).ToList();
        var me = user.OfficerKey();
        if (items.All(i => i.Value != me))
        {
            items.Insert(0, new SelectListItem($"{user.FindFirst(StaffClaims.DisplayName)?.Value ?? "You"} (you)", me));
        }

        return items;
    }
}
