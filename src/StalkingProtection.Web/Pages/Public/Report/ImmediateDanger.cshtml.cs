using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Public.Report;

public class ImmediateDangerModel(PublicReportService reports, ReportCookie cookie) : ReportPageModel(reports, cookie)
{
    protected override ReportStep? Step => ReportStep.ImmediateDanger;

    public string Question => ForSomeoneElse ? "Are you or the person you are reporting for in immediate danger?" : "Are you in immediate danger?";

    private string ForSomeoneElseError => ForSomeoneElse ? "Select yes if you or they are in immediate danger" : "Select yes if you are in immediate danger";

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
            if (await LoadDraftAsync(ct) is { } redirect)
            {
                return redirect;
            }

            ModelState.AddModelError(nameof(InImmediateDanger), ForSomeoneElseError);
            return Page();
        }

        var inDanger = InImmediateDanger == "yes";
        return await SaveAsync(a => a.InImmediateDanger = inDanger, ct, a => inDanger ? ReportSteps.EmergencyUrl : ReportSteps.Next(a));
    }
}
