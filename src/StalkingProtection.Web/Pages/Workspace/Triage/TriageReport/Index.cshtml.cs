using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Workspace.Triage.TriageReport;

public class IndexModel(StalkingProtectionDbContext db) : TriageJourneyPageModel(db)
{
    [BindProperty]
    [Display(Name = "What do you want to do with this report?")]
    public TriageOutcome? Outcome { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadReportAsync(ct))
        {
            return NotFound();
        }

        if (Report.IsTriaged)
        {
            return Redirect($"/workspace/triage/{Id}");
        }

        if (!LoadState())
        {
            State = new TriageState { Version = Report.Version };
            SaveState();
        }

        Outcome = State.Outcome;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadReportAsync(ct))
        {
            return NotFound();
        }

        if (!LoadState())
        {
            State = new TriageState { Version = Report.Version };
        }

        if (Outcome is null)
        {
            ModelState.AddModelError(nameof(Outcome), "Select what you want to do with the report");
            return Page();
        }

        State.Outcome = Outcome;
        SaveState();
        return Redirect(DetailsHref);
    }
}
