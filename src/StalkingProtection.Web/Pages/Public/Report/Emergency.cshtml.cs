using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Public.Report;

public class EmergencyModel(PublicReportService reports, ReportCookie cookie) : ReportPageModel(reports, cookie)
{
    public string ContinueUrl { get; private set; } = ReportSteps.StartUrl;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } redirect)
        {
            return redirect;
        }

        BackUrl = ReportSteps.Url(ReportStep.ImmediateDanger);
        ContinueUrl = ReportSteps.Next(Answers);
        return Page();
    }
}
