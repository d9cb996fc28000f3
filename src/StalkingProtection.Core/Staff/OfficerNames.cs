using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Staff;

/// <summary>The names of officers in charge: the value kept is a staff account's id for cases opened here; older records may hold a name.</summary>
public static class OfficerNames
{
    /// <summary>Each key that is a staff account's id, with that account's name, in one statement.</summary>
    public static async Task<Dictionary<string, string>> OfAsync(StalkingProtectionDbContext db, IEnumerable<string> keys, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = keys.Select(k => Guid.TryParse(k, out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        return users.ToDictionary(u => u.Id.ToString(), u => u.DisplayName, StringComparer.OrdinalIgnoreCase);
    }
}
