using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Public.Report;

public partial class ContactDetailsModel(PublicReportService reports, ReportCookie cookie) : ReportPageModel(reports, cookie)
{
    protected override ReportStep? Step => ReportStep.ContactDetails;

    [BindProperty]
    public string? ContactName { get; set; }

    [BindProperty]
    public string? PhoneNumber { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } redirect)
        {
            return redirect;
        }

        if (!Answers.WantsContact)
        {
            return Redirect(ReportSteps.Next(Answers));
        }

        ContactName = Answers.ContactName;
        PhoneNumber = Answers.PhoneNumber;
        Email = Answers.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } redirect)
        {
            return redirect;
        }

        if (!Answers.WantsContact)
        {
            return Redirect(ReportSteps.Next(Answers));
        }

        var name = CheckText(nameof(ContactName), ContactName, PublicReport.ContactNameMaxLength,
            null, $"Your name must be {PublicReport.ContactNameMaxLength} characters or less");
        string? phone = null, email = null;
        if (Answers.NeedsPhone)
        {
            phone = CheckText(nameof(PhoneNumber), PhoneNumber, PublicReport.PhoneNumberMaxLength,
                "Enter a safe phone number", "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192");
            if (phone is not null && ModelState.ErrorFor(nameof(PhoneNumber)) is null && !PhonePattern().IsMatch(phone))
            {
                ModelState.AddModelError(nameof(PhoneNumber), "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192");
            }
        }

        if (Answers.NeedsEmail)
        {
            email = CheckText(nameof(Email), Email, PublicReport.EmailMaxLength,
                "Enter a safe email address", $"Email address must be {PublicReport.EmailMaxLength} characters or less");
            if (email is not null && ModelState.ErrorFor(nameof(Email)) is null && !EmailPattern().IsMatch(email))
            {
                ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.com");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await SaveAsync(a =>
        {
            a.ContactName = name;
            a.PhoneNumber = phone;
            a.Email = email;
        }, ct);
    }

    [GeneratedRegex(@"^\+?[0-9 ()\-]{7,25}$")]
    internal static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    internal static partial Regex EmailPattern();
}
