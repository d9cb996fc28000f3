using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Applications.ListHearing;

public class IndexModel(StalkingProtectionDbContext db, HearingService hearings) : ApplicationPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    [Display(Name = "Date of the hearing")]
    public DateOnly? HearingOn { get; set; }

    [BindProperty]
    [Display(Name = "Time of the hearing")]
    public string? HearingAt { get; set; }

    [BindProperty]
    [Display(Name = "Court")]
    public string? CourtName { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadApplicationAsync(db, Id, ct))
        {
            return NotFound();
        }

        CourtName = Application.CourtName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadApplicationAsync(db, Id, ct))
        {
            return NotFound();
        }

        if (ModelState.GetValidationState(nameof(HearingOn)) != ModelValidationState.Invalid && HearingOn is null)
        {
            ModelState.AddModelError(nameof(HearingOn), "Enter the date of the hearing");
        }

        TimeOnly time = default;
        if (string.IsNullOrWhiteSpace(HearingAt))
        {
            ModelState.AddModelError(nameof(HearingAt), "Enter the time of the hearing");
        }
        else if (!TimeOnly.TryParseExact(HearingAt.Trim().Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            ModelState.AddModelError(nameof(HearingAt), "Enter the time in the 24-hour clock, for example 10:00");
        }

        if (string.IsNullOrWhiteSpace(CourtName))
        {
            ModelState.AddModelError(nameof(CourtName), "Enter the court");
        }
        else if (CourtName.Length > Hearing.CourtNameMaxLength)
        {
            ModelState.AddModelError(nameof(CourtName), $"Court must be {Hearing.CourtNameMaxLength} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await hearings.ListHearingAsync(new ListHearingOptions(Id, LondonTime.ToUtc(HearingOn!.Value, time), CourtName!), User.ToActor(), ct);
            SetFlash("Hearing added");
            return Redirect(ApplicationUrl);
        }
        catch (RuleViolationException e)
        {
            AddRuleViolations(e);
            return Page();
        }
    }
}
