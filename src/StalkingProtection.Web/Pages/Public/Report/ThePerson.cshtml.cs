using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Public.Report;

/// <summary>Reporting for someone else: who they are, whether they know, and whether and how we may reach them.</summary>
public class ThePersonModel(PublicReportService reports, ReportCookie cookie) : ReportPageModel(reports, cookie)
{
    protected override ReportStep? Step => ReportStep.ThePerson;

    [BindProperty]
    public string? PersonName { get; set; }

    [BindProperty]
    public string? PersonKnowsAboutReport { get; set; }

    [BindProperty]
    public string? PersonContactRoute { get; set; }

    [BindProperty]
    public string? PersonContactDetails { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } redirect)
        {
            return redirect;
        }

        if (!ForSomeoneElse)
        {
            return Redirect(ReportSteps.Next(Answers));
        }

        PersonName = Answers.PersonName;
        PersonKnowsAboutReport = Answers.PersonKnowsAboutReport switch { true => "yes", false => "no", null => null };
        PersonContactRoute = Answers.PersonContactRoute?.ToString();
        PersonContactDetails = Answers.PersonContactDetails;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = CheckText(nameof(PersonName), PersonName, PublicReport.PersonNameMaxLength,
            "Enter the name of the person you are reporting for", $"Their name must be {PublicReport.PersonNameMaxLength} characters or less");
        if (PersonKnowsAboutReport is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(PersonKnowsAboutReport), "Select yes if they know you are reporting this");
        }

        var hasRoute = TryParseName<Core.Reports.PersonContactRoute>(PersonContactRoute, out var route);
        if (!hasRoute)
        {
            ModelState.AddModelError(nameof(PersonContactRoute), "Select whether we can contact them");
        }

        var details = CheckText(nameof(PersonContactDetails), PersonContactDetails, PublicReport.PersonContactDetailsMaxLength,
            hasRoute && route == Core.Reports.PersonContactRoute.Directly ? "Tell us how we can reach them safely" : null,
            $"How we can reach them must be {PublicReport.PersonContactDetailsMaxLength} characters or less");
        if (!ModelState.IsValid)
        {
            return await LoadDraftAsync(ct) ?? Page();
        }

        var knows = PersonKnowsAboutReport == "yes";
        return await SaveAsync(a =>
        {
            a.PersonName = name;
            a.PersonKnowsAboutReport = knows;
            a.PersonContactRoute = route;
            a.PersonContactDetails = route == Core.Reports.PersonContactRoute.Directly ? details : null;
        }, ct);
    }
}
