using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Web.Pages.Public.Report;

namespace StalkingProtection.Web.Pages.Public.ReportBreach;

/// <summary>The report journey's safe-contact question, asked the same way and read by the same rules.</summary>
public class SafeContactModel(ReportedBreachService breaches, ReportCookie cookie) : BreachReportPageModel(breaches, cookie)
{
    protected override BreachReportStep? Step => BreachReportStep.SafeContact;

    [BindProperty]
    public List<string> ContactMethods { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } redirect)
        {
            return redirect;
        }

        ContactMethods = Report.SafeContactModel.Selected(Answers.ContactMethods);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Report.SafeContactModel.Read(ContactMethods, ModelState) is not { } chosen)
        {
            return await ShowErrorsAsync(ct);
        }

        return await SaveAsync(a => a.ContactMethods = chosen, ct);
    }
}
