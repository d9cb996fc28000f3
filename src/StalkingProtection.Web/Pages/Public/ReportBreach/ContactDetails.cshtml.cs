using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Reports;
using StalkingProtection.Web.Pages.Public.Report;

namespace StalkingProtection.Web.Pages.Public.ReportBreach;

/// <summary>The report journey's safe contact details, safe times and voicemail questions on one page, checked by the same rules.</summary>
public class ContactDetailsModel(ReportedBreachService breaches, ReportCookie cookie) : BreachReportPageModel(breaches, cookie)
{
    private const string PhoneFormat = "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192";

    protected override BreachReportStep? Step => BreachReportStep.ContactDetails;

    [BindProperty]
    public string? ContactName { get; set; }

    [BindProperty]
    public string? PhoneNumber { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? SafeTimes { get; set; }

    [BindProperty]
    public string? VoicemailAllowed { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } redirect)
        {
            return redirect;
        }

        if (!Answers.WantsContact)
        {
            return Redirect(BreachSteps.Next(Answers));
        }

        ContactName = Answers.ContactName;
        PhoneNumber = Answers.PhoneNumber;
        Email = Answers.Email;
        SafeTimes = Answers.SafeTimes;
        VoicemailAllowed = Answers.VoicemailAllowed switch { true => "yes", false => "no", null => null };
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
            return Redirect(BreachSteps.Next(Answers));
        }

        var name = ModelState.CheckText(nameof(ContactName), ContactName, PublicReport.ContactNameMaxLength,
            null, $"Your name must be {PublicReport.ContactNameMaxLength} characters or less");
        string? phone = null, email = null;
        if (Answers.NeedsPhone)
        {
            phone = ModelState.CheckText(nameof(PhoneNumber), PhoneNumber, PublicReport.PhoneNumberMaxLength, "Enter a safe phone number", PhoneFormat);
            if (phone is not null && ModelState.ErrorFor(nameof(PhoneNumber)) is null && !Report.ContactDetailsModel.PhonePattern().IsMatch(phone))
            {
                ModelState.AddModelError(nameof(PhoneNumber), PhoneFormat);
            }
        }

        if (Answers.NeedsEmail)
        {
            email = ModelState.CheckText(nameof(Email), Email, PublicReport.EmailMaxLength,
                "Enter a safe email address", $"Email address must be {PublicReport.EmailMaxLength} characters or less");
            if (email is not null && ModelState.ErrorFor(nameof(Email)) is null && !Report.ContactDetailsModel.EmailPattern().IsMatch(email))
            {
                ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.com");
            }
        }

        var safeTimes = ModelState.CheckText(nameof(SafeTimes), SafeTimes, PublicReport.SafeTimesMaxLength,
            "Enter when it is safe to contact you", $"When it is safe to contact you must be {PublicReport.SafeTimesMaxLength} characters or less");
        bool? voicemail = null;
        if (Answers.CanCall)
        {
            if (VoicemailAllowed is not ("yes" or "no"))
            {
                ModelState.AddModelError(nameof(VoicemailAllowed), "Select yes if we can leave a voicemail");
            }
            else
            {
                voicemail = VoicemailAllowed == "yes";
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
            a.SafeTimes = safeTimes;
            a.VoicemailAllowed = voicemail;
        }, ct);
    }
}
