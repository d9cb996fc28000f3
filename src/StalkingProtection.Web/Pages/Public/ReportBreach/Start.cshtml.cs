using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Reports;
using StalkingProtection.Web.Pages.Public.Report;

namespace StalkingProtection.Web.Pages.Public.ReportBreach;

[EnableRateLimiting(PublicSite.FormRateLimitPolicy)]
public class StartModel(ReportedBreachService breaches, PublicReportService reports, ReportCookie cookie) : PageModel
{
    public IActionResult OnGet() => Redirect(BreachSteps.StartUrl);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Starting again leaves nothing of an earlier, unsent report of either kind behind.
        if (cookie.Read(Request) is { } earlier)
        {
            await reports.DiscardAsync(earlier, ct);
        }

        var draftId = await breaches.StartDraftAsync(ct);
        cookie.Write(Response, draftId);
        return Redirect(BreachSteps.Url(BreachReportStep.OrderReference));
    }
}
