using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Caseload;

/// <summary>
/// The coordinators' caseload: each officer's open cases, overdue tasks and hearings coming up, the fullest first, so work
/// can be shared out; each officer opens the cases list filtered to them.
/// </summary>
[Authorize(Policy = Policies.Coordinator)]
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : PageModel
{
    public IReadOnlyList<OfficerCaseload> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await CaseloadQuery.ForAsync(db, db.Cases.AsNoTracking().VisibleTo(User), timeProvider.UkToday, ct);

    /// <summary>The cases list filtered to the officer's cases in the team.</summary>
    public static string CasesOf(OfficerCaseload row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return CaseLinks.OfficerCases(row.OfficerKey, row.Team);
    }
}
