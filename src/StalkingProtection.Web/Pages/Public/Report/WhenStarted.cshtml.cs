using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Public.Report;

public class WhenStartedModel(PublicReportService reports, ReportCookie cookie) : ReportPageModel(reports, cookie)
{
    protected override ReportStep? Step => ReportStep.WhenStarted;

    [BindProperty]
    public string? StartedWhen { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } redirect)
        {
            return redirect;
        }

        StartedWhen = Answers.StartedWhen;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var value = CheckText(nameof(StartedWhen), StartedWhen, PublicReport.StartedWhenMaxLength,
            "Enter when it started", $"When it started must be {PublicReport.StartedWhenMaxLength} characters or less");
        if (!ModelState.IsValid)
        {
            return await LoadDraftAsync(ct) ?? Page();
        }

        return await SaveAsync(a => a.StartedWhen = value, ct);
    }
}
