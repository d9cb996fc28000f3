using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Public.Report;

public class SafeContactModel(PublicReportService reports, ReportCookie cookie) : ReportPageModel(reports, cookie)
{
    public const string DoNotContact = "None";

    protected override ReportStep? Step => ReportStep.SafeContact;

    [BindProperty]
    public List<string> ContactMethods { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } redirect)
        {
            return redirect;
        }

        ContactMethods = Answers.ContactMethods switch
        {
            null => [],
            SafeContactMethods.None => [DoNotContact],
            { } methods => ReportText.ContactMethods.Where(m => methods.HasFlag(m.Value)).Select(m => m.Value.ToString()).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var chosen = SafeContactMethods.None;
        var valid = ContactMethods.Count > 0;
        var none = ContactMethods.Contains(DoNotContact);
        foreach (var value in ContactMethods.Where(v => v != DoNotContact))
        {
            valid &= TryParseName<SafeContactMethods>(value, out var method) && method != SafeContactMethods.None;
            chosen |= method;
        }

        if (!valid)
        {
            ModelState.AddModelError(nameof(ContactMethods), "Select how we can contact you safely, or select that we should not contact you");
        }
        else if (none && chosen != SafeContactMethods.None)
        {
            ModelState.AddModelError(nameof(ContactMethods), "Select ways we can contact you, or select that we should not contact you, not both");
        }

        if (!ModelState.IsValid)
        {
            return await LoadDraftAsync(ct) ?? Page();
        }

        return await SaveAsync(a => a.ContactMethods = chosen, ct);
    }
}
