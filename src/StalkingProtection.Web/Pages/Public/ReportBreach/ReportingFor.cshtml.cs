using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Web.Pages.Public.Report;
using ReportingForAnswer = StalkingProtection.Core.Reports.ReportingFor;

namespace StalkingProtection.Web.Pages.Public.ReportBreach;

public class ReportingForModel(ReportedBreachService breaches, ReportCookie cookie) : BreachReportPageModel(breaches, cookie)
{
    protected override BreachReportStep? Step => BreachReportStep.ReportingFor;

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
        if (!FormFieldExtensions.TryParseName<ReportingForAnswer>(ReportingFor, out var chosen))
        {
            ModelState.AddModelError(nameof(ReportingFor), "Select who you are reporting for");
            return await ShowErrorsAsync(ct);
        }

        return await SaveAsync(a => a.ReportingFor = chosen, ct);
    }
}
