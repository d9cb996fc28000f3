using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Web.Pages.Public.Report;

namespace StalkingProtection.Web.Pages.Public.ReportBreach;

public class WhereItHappenedModel(ReportedBreachService breaches, ReportCookie cookie) : BreachReportPageModel(breaches, cookie)
{
    protected override BreachReportStep? Step => BreachReportStep.WhereItHappened;

    public string Question => "Where did it happen?";

    public string Hint => "For example, a street, a shop, outside your home or work, or online (say which app or website).";

    [BindProperty]
    public string? Location { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } redirect)
        {
            return redirect;
        }

        Location = Answers.Location;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var value = ModelState.CheckText(nameof(Location), Location, ReportedBreach.LocationMaxLength,
            "Enter where it happened", $"Where it happened must be {ReportedBreach.LocationMaxLength} characters or less");
        if (!ModelState.IsValid)
        {
            return await ShowErrorsAsync(ct);
        }

        return await SaveAsync(a => a.Location = value, ct);
    }
}
