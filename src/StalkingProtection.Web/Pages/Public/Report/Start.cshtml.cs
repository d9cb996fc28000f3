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
        // Starting again leaves nothing of an earlier, unsent report behind.
        if (cookie.Read(Request) is { } earlier)
        {
            await reports.DiscardAsync(earlier, ct);
        }

        var draftId = await reports.StartDraftAsync(ct);
        cookie.Write(Response, draftId);
        return Redirect(ReportSteps.Url(ReportStep.ReportingFor));
    }
}
