using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Public.Report;

public class WhoIsDoingItModel(PublicReportService reports, ReportCookie cookie) : ReportPageModel(reports, cookie)
{
    protected override ReportStep? Step => ReportStep.WhoIsDoingIt;

    [BindProperty]
    public string? SuspectKnown { get; set; }

    [BindProperty]
    public string? SuspectName { get; set; }

    [BindProperty]
    public string? SuspectDetails { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } redirect)
        {
            return redirect;
        }

        SuspectKnown = Answers.SuspectKnown switch { true => "yes", false => "no", null => null };
        SuspectName = Answers.SuspectName;
        SuspectDetails = Answers.SuspectDetails;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        string? name = null, details = null;
        if (SuspectKnown is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(SuspectKnown), "Select yes if you know who is doing this");
        }
        else if (SuspectKnown == "yes")
        {
            name = CheckText(nameof(SuspectName), SuspectName, PublicReport.SuspectNameMaxLength,
                null, $"Their name must be {PublicReport.SuspectNameMaxLength} characters or less");
            details = CheckText(nameof(SuspectDetails), SuspectDetails, PublicReport.SuspectDetailsMaxLength,
                null, $"How you know them must be {PublicReport.SuspectDetailsMaxLength} characters or less");
            if (ModelState.IsValid && name is null && details is null)
            {
                ModelState.AddModelError(nameof(SuspectName), "Enter their name, or tell us how you know them");
            }
        }

        if (!ModelState.IsValid)
        {
            return await LoadDraftAsync(ct) ?? Page();
        }

        var known = SuspectKnown == "yes";
        return await SaveAsync(a =>
        {
            a.SuspectKnown = known;
            a.SuspectName = name;
            a.SuspectDetails = details;
        }, ct);
    }
}
