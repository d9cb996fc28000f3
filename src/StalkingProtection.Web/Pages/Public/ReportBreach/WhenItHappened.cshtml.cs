using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Pages.Public.Report;

namespace StalkingProtection.Web.Pages.Public.ReportBreach;

public class WhenItHappenedModel(ReportedBreachService breaches, ReportCookie cookie, TimeProvider timeProvider) : BreachReportPageModel(breaches, cookie)
{
    protected override BreachReportStep? Step => BreachReportStep.WhenItHappened;

    [BindProperty]
    [Display(Name = "The date it happened")]
    public DateOnly? HappenedOn { get; set; }

    [BindProperty]
    public string? HappenedAt { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } redirect)
        {
            return redirect;
        }

        HappenedOn = Answers.HappenedOn;
        HappenedAt = Answers.HappenedAtTime?.ToString("HH:mm", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var now = timeProvider.GetUtcNow();
        var today = LondonTime.DateOf(now);
        if (HappenedOn is null && ModelState.ErrorFor(nameof(HappenedOn)) is null)
        {
            ModelState.AddModelError(nameof(HappenedOn), "Enter the date it happened");
        }
        else if (HappenedOn is { } on && ReportedBreach.CheckHappened(on, today).Violations.Count > 0)
        {
            ModelState.AddModelError(nameof(HappenedOn), "The date it happened must be today or in the past");
        }

        var typed = ModelState.CheckText(nameof(HappenedAt), HappenedAt, 20, null, "Enter a time, like 9:30am or 21:30");
        TimeOnly? time = null;
        if (typed is not null && ModelState.ErrorFor(nameof(HappenedAt)) is null)
        {
            time = ParseTime(typed);
            if (time is null)
            {
                ModelState.AddModelError(nameof(HappenedAt), "Enter a time, like 9:30am or 21:30");
            }
            else if (HappenedOn == today && time > TimeOnly.FromDateTime(LondonTime.LocalDateTimeOf(now)))
            {
                ModelState.AddModelError(nameof(HappenedAt), "The time must be in the past");
            }
        }

        if (!ModelState.IsValid)
        {
            return await ShowErrorsAsync(ct);
        }

        var date = HappenedOn!.Value;
        return await SaveAsync(a =>
        {
            a.HappenedOn = date;
            a.HappenedAtTime = time;
        }, ct);
    }
}
