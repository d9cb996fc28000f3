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

        ContactMethods = Selected(Answers.ContactMethods);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Read(ContactMethods, ModelState) is not { } chosen)
        {
            return await LoadDraftAsync(ct) ?? Page();
        }

        return await SaveAsync(a => a.ContactMethods = chosen, ct);
    }

    /// <summary>The boxes to tick for an answer already given.</summary>
    public static List<string> Selected(SafeContactMethods? answer) => answer switch
    {
        null => [],
        SafeContactMethods.None => [DoNotContact],
        { } methods => ReportText.ContactMethods.Where(m => methods.HasFlag(m.Value)).Select(m => m.Value.ToString()).ToList(),
    };

    /// <summary>The ways chosen, <see cref="SafeContactMethods.None"/> for "do not contact me", or null with the error added.</summary>
    public static SafeContactMethods? Read(IReadOnlyCollection<string> values, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState)
    {
        var chosen = SafeContactMethods.None;
        var valid = values.Count > 0;
        var none = values.Contains(DoNotContact);
        foreach (var value in values.Where(v => v != DoNotContact))
        {
            valid &= FormFieldExtensions.TryParseName<SafeContactMethods>(value, out var method) && method != SafeContactMethods.None;
            chosen |= method;
        }

        if (!valid)
        {
            modelState.AddModelError(nameof(ContactMethods), "Select how we can contact you safely, or select that we should not contact you");
            return null;
        }

        if (none && chosen != SafeContactMethods.None)
        {
            modelState.AddModelError(nameof(ContactMethods), "Select ways we can contact you, or select that we should not contact you, not both");
            return null;
        }

        return chosen;
    }
}
