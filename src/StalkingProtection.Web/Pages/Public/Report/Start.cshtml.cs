using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Public.Report;

[EnableRateLimiting(PublicSite.FormRateLimitPolicy)]
public class StartModel(PublicReportService reports, ReportCookie cookie) : PageModel
{
    public IActionResult OnGet() => Redirect(ReportSteps.StartUrl);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var draftId = await reports.StartDraftAsync(ct);
        cookie.Write(Response, draftId);
        return Redirect(ReportSteps.Url(ReportStep.ImmediateDanger));
    }
}
