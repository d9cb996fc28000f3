using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Web.Pages.Workspace.Triage.TriageReport;

public class ConfirmationModel(StalkingProtectionDbContext db) : TriageJourneyPageModel(db)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadReportAsync(ct))
        {
            return NotFound();
        }

        return Report.IsTriaged ? Page() : Redirect(StartHref);
    }
}
