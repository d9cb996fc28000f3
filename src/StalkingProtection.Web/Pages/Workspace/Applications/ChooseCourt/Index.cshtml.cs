using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Applications.ChooseCourt;

public class IndexModel(StalkingProtectionDbContext db, ApplicationService applications, TimeProvider timeProvider) : ApplicationPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    [Display(Name = "Which court?")]
    public CourtVenue? Venue { get; set; }

    [BindProperty]
    [Display(Name = "Name of the court")]
    public string? CourtName { get; set; }

    [BindProperty]
    public long Version { get; set; }

    public int? RespondentAge { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        ShowCurrent();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Venue is not (CourtVenue.MagistratesCourt or CourtVenue.YouthCourt))
        {
            ModelState.AddModelError(nameof(Venue), "Select the court");
        }
        else if (RespondentAge is { } age && (age < 18) != (Venue == CourtVenue.YouthCourt))
        {
            // R7: the youth court if the respondent is under 18 on the application date.
            ModelState.AddModelError(nameof(Venue), age < 18
                ? $"The respondent is {age} today, so the application goes to the youth court (R7)"
                : $"The respondent is {age} today, so the application goes to a magistrates' court (R7)");
        }

        if (string.IsNullOrWhiteSpace(CourtName))
        {
            ModelState.AddModelError(nameof(CourtName), "Enter the name of the court");
        }
        else if (CourtName.Length > Application.CourtNameMaxLength)
        {
            ModelState.AddModelError(nameof(CourtName), $"Name of the court must be {Application.CourtNameMaxLength} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await applications.ChooseCourtAsync(new ChooseCourtOptions(Id, Venue!.Value, CourtName!, Version), User.ToActor(), ct);
            SetFlash("Court recorded");
            return Redirect(ApplicationUrl);
        }
        catch (DbUpdateConcurrencyException)
        {
            await ShowConflictWithCurrentValuesAsync(db, ct);
            ShowCurrent();
            return Page();
        }
        catch (RuleViolationException e)
        {
            AddRuleViolations(e);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadApplicationAsync(db, Id, ct))
        {
            return false;
        }

        var respondent = await db.Respondents.AsNoTracking().SingleAsync(r => r.Id == Application.RespondentId, ct);
        RespondentAge = respondent.Person.AgeOn(timeProvider.UkToday);
        return true;
    }

    private void ShowCurrent()
    {
        Venue = Application.Venue;
        CourtName = Application.CourtName;
        Version = Application.Version;
    }
}
