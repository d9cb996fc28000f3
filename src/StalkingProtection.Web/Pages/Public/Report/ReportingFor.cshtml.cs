using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Public.Report;

public class ReportingForModel(PublicReportService reports, ReportCookie cookie) : ReportPageModel(reports, cookie)
{
    protected override ReportStep? Step => ReportStep.ReportingFor;

    [BindProperty]
    public string? ReportingFor { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } redirect)
        {
            return redirect;
        }

        ReportingFor = Answers.ReportingFor?.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!TryParseName<Core.Reports.ReportingFor>(ReportingFor, out var value))
        {
            ModelState.AddModelError(nameof(ReportingFor), "Select who you are reporting for");
            return await LoadDraftAsync(ct) ?? Page();
        }

        return await SaveAsync(a => a.ReportingFor = value, ct);
    }
}
