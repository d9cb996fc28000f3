using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Public.Report;

public class HowOftenModel(PublicReportService reports, ReportCookie cookie) : ReportPageModel(reports, cookie)
{
    protected override ReportStep? Step => ReportStep.HowOften;

    [BindProperty]
    public string? HowOften { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } redirect)
        {
            return redirect;
        }

        HowOften = Answers.HowOften?.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!TryParseName<Core.Reports.HowOften>(HowOften, out var value))
        {
            ModelState.AddModelError(nameof(HowOften), "Select how often it happens");
            return await LoadDraftAsync(ct) ?? Page();
        }

        return await SaveAsync(a => a.HowOften = value, ct);
    }
}
