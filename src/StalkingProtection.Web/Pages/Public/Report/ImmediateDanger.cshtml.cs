using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Public.Report;

public class ImmediateDangerModel(PublicReportService reports, ReportCookie cookie) : ReportPageModel(reports, cookie)
{
    protected override ReportStep? Step => ReportStep.ImmediateDanger;

    [BindProperty]
    public string? InImmediateDanger { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } redirect)
        {
            return redirect;
        }

        InImmediateDanger = Answers.InImmediateDanger switch { true => "yes", false => "no", null => null };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (InImmediateDanger is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(InImmediateDanger), "Select yes if you are in immediate danger");
            return await LoadDraftAsync(ct) ?? Page();
        }

        var inDanger = InImmediateDanger == "yes";
        return await SaveAsync(a => a.InImmediateDanger = inDanger, ct, a => inDanger ? ReportSteps.EmergencyUrl : ReportSteps.Next(a));
    }
}
