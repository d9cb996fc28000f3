using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Public.Report;

public class SafeTimesModel(PublicReportService reports, ReportCookie cookie) : ReportPageModel(reports, cookie)
{
    protected override ReportStep? Step => ReportStep.SafeTimes;

    [BindProperty]
    public string? SafeTimes { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } redirect)
        {
            return redirect;
        }

        if (!Answers.WantsContact)
        {
            return Redirect(ReportSteps.Next(Answers));
        }

        SafeTimes = Answers.SafeTimes;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var value = CheckText(nameof(SafeTimes), SafeTimes, PublicReport.SafeTimesMaxLength,
            "Enter when it is safe to contact you", $"When it is safe to contact you must be {PublicReport.SafeTimesMaxLength} characters or less");
        if (!ModelState.IsValid)
        {
            return await LoadDraftAsync(ct) ?? Page();
        }

        return await SaveAsync(a => a.SafeTimes = value, ct);
    }
}
