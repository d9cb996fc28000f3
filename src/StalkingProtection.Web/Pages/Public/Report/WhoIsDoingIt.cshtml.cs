using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Public.Report;

public class WhoIsDoingItModel(PublicReportService reports, ReportCookie cookie) : ReportPageModel(reports, cookie)
{
    protected override ReportStep? Step => ReportStep.WhoIsDoingIt;

    [BindProperty]
    public string? SuspectKnown { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } redirect)
        {
            return redirect;
        }

        SuspectKnown = Answers.SuspectKnown switch { true => "yes", false => "no", null => null };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (SuspectKnown is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(SuspectKnown), "Select yes if you know who is doing this");
            return await LoadDraftAsync(ct) ?? Page();
        }

        var known = SuspectKnown == "yes";
        return await SaveAsync(a =>
        {
            a.SuspectKnown = known;
            if (!known)
            {
                a.SuspectName = null;
                a.SuspectDetails = null;
            }
        }, ct);
    }
}
