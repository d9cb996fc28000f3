using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Public.Report;

public class AboutThemModel(PublicReportService reports, ReportCookie cookie) : ReportPageModel(reports, cookie)
{
    protected override ReportStep? Step => ReportStep.AboutThem;

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

        if (Answers.SuspectKnown != true)
        {
            return Redirect(ReportSteps.Next(Answers));
        }

        SuspectName = Answers.SuspectName;
        SuspectDetails = Answers.SuspectDetails;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = CheckText(nameof(SuspectName), SuspectName, PublicReport.SuspectNameMaxLength,
            null, $"Their name must be {PublicReport.SuspectNameMaxLength} characters or less");
        var details = CheckText(nameof(SuspectDetails), SuspectDetails, PublicReport.SuspectDetailsMaxLength,
            null, $"How you know them must be {PublicReport.SuspectDetailsMaxLength} characters or less");
        if (ModelState.IsValid && name is null && details is null)
        {
            ModelState.AddModelError(nameof(SuspectName), "Enter their name, or tell us how you know them");
        }

        if (!ModelState.IsValid)
        {
            return await LoadDraftAsync(ct) ?? Page();
        }

        return await SaveAsync(a =>
        {
            a.SuspectName = name;
            a.SuspectDetails = details;
        }, ct);
    }
}
