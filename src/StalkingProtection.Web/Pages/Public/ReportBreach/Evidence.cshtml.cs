using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Web.Pages.Public.Report;

namespace StalkingProtection.Web.Pages.Public.ReportBreach;

public class EvidenceModel(ReportedBreachService breaches, ReportCookie cookie) : BreachReportPageModel(breaches, cookie)
{
    protected override BreachReportStep? Step => BreachReportStep.Evidence;

    public string Question => "Is there any evidence? (optional)";

    public string Hint => "For example, messages, call logs, photos, videos, doorbell camera footage, or people who saw it. Tell us what there is; do not send it now. Leave this empty if there is none.";

    [BindProperty]
    public string? Evidence { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } redirect)
        {
            return redirect;
        }

        Evidence = Answers.Evidence;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var value = ModelState.CheckText(nameof(Evidence), Evidence, ReportedBreach.EvidenceMaxLength,
            null, $"The evidence must be {ReportedBreach.EvidenceMaxLength} characters or less");
        if (!ModelState.IsValid)
        {
            return await ShowErrorsAsync(ct);
        }

        return await SaveAsync(a =>
        {
            a.Evidence = value;
            a.EvidenceAnswered = true;
        }, ct);
    }
}
