using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Public.Report;

public class VoicemailModel(PublicReportService reports, ReportCookie cookie) : ReportPageModel(reports, cookie)
{
    protected override ReportStep? Step => ReportStep.Voicemail;

    [BindProperty]
    public string? VoicemailAllowed { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } redirect)
        {
            return redirect;
        }

        if (!Answers.CanCall)
        {
            return Redirect(ReportSteps.Next(Answers));
        }

        VoicemailAllowed = Answers.VoicemailAllowed switch { true => "yes", false => "no", null => null };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (VoicemailAllowed is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(VoicemailAllowed), "Select yes if we can leave a voicemail");
            return await LoadDraftAsync(ct) ?? Page();
        }

        var allowed = VoicemailAllowed == "yes";
        return await SaveAsync(a => a.VoicemailAllowed = allowed, ct);
    }
}
