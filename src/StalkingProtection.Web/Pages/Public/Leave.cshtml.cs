using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Reports;
using StalkingProtection.Web.Infrastructure;
using StalkingProtection.Web.Pages.Public.Report;

namespace StalkingProtection.Web.Pages.Public;

/// <summary>
/// Quick exit. The button, the Escape key, Shift pressed three times and the plain link all come here, so that
/// leaving deletes the unsent report, expires every cookie the site set and empties the browser's cache and storage
/// for the site before going on to the neutral website.
/// </summary>
[IgnoreAntiforgeryToken]
public class LeaveModel(PublicReportService reports, ReportCookie cookie, IOptions<WebOptions> options) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (cookie.Read(Request) is { } draftId)
        {
            await reports.DiscardAsync(draftId, ct);
        }

        // Each cookie is expired by name, at every path the site uses. "cookies" in Clear-Site-Data would also clear
        // the cookies of every other site under the same registrable domain, such as the force's other services.
        // /report is where the report cookie lived before it was sent to the whole site.
        foreach (var name in Request.Cookies.Keys)
        {
            foreach (var path in new[] { "/", ReportSteps.StartUrl })
            {
                Response.Cookies.Delete(name, new CookieOptions { Path = path, HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = Request.IsHttps });
            }
        }

        Response.Headers["Clear-Site-Data"] = "\"cache\", \"storage\"";
        return Redirect(options.Value.QuickExitUrl);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => OnGetAsync(ct);
}
