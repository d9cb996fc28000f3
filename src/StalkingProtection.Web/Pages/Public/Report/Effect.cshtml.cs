using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Public.Report;

public class EffectModel(PublicReportService reports, ReportCookie cookie) : ReportPageModel(reports, cookie)
{
    protected override ReportStep? Step => ReportStep.Effect;

    [BindProperty]
    public string? Effect { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } redirect)
        {
            return redirect;
        }

        Effect = Answers.Effect;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var value = CheckText(nameof(Effect), Effect, PublicReport.EffectMaxLength,
            "Tell us how this is affecting you", $"How this is affecting you must be {PublicReport.EffectMaxLength} characters or less");
        if (!ModelState.IsValid)
        {
            return await LoadDraftAsync(ct) ?? Page();
        }

        return await SaveAsync(a => a.Effect = value, ct);
    }
}
