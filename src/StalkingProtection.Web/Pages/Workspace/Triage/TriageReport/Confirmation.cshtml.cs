using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Reports;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Triage.TriageReport;

[Authorize(Policy = Policies.Triage)]
public class ConfirmationModel(StalkingProtectionDbContext db) : JourneyPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public PublicReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await db.PublicReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == Id, ct) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        return Report.IsTriaged ? Page() : Redirect(TriageLinks.Start(Id));
    }
}
