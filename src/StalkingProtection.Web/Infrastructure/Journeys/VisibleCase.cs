using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Infrastructure.Journeys;

/// <summary>Need-to-know (S4) for a page about a case: a case the user may not see is treated as one that does not exist.</summary>
public static class VisibleCase
{
    /// <summary>
    /// The case, or null when it does not exist or the user may not see it; a visible case becomes the page's
    /// <see cref="RecordContext"/>, naming <paramref name="respondentId"/> (an application's respondent) or the case's.
    /// </summary>
    public static async Task<StalkingCase?> FindAsync(HttpContext http, StalkingProtectionDbContext db, Guid id, CancellationToken ct, Guid? respondentId = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(db);
        var stalkingCase = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (stalkingCase is null || !http.User.CanSee(stalkingCase))
        {
            return null;
        }

        await RecordContext.ForCaseAsync(http, db, stalkingCase, respondentId, ct);
        return stalkingCase;
    }
}
