using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Applications.DraftApplication;

public class CheckAnswersModel(StalkingProtectionDbContext db, ApplicationService applications, TimeProvider timeProvider) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Journey { get; set; }

    public DraftApplicationState State { get; private set; } = null!;

    /// <summary>R7: the court follows the respondent's age on the application date.</summary>
    public CourtVenue Venue { get; private set; }

    public int? RespondentAge { get; private set; }

    public string ChangeHref => ApplicationLinks.ChangeDraft(Id, Journey);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } early)
        {
            return early;
        }

        try
        {
            var drafted = await applications.CreateAsync(new CreateApplicationOptions(Id, State.Type, State.ApplicantForce, Venue, "", State.MainApplicationId),
                User.ToActor(), ct);
            JourneyState.Clear(TempData, Journey);
            SetFlash(drafted.Explain());
            return Redirect(ApplicationLinks.View(drafted.ApplicationId));
        }
        catch (RuleViolationException e)
        {
            AddRuleViolations(e);
            return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await FindVisibleCaseAsync(db, Id, ct) is not { } stalkingCase)
        {
            return NotFound();
        }

        if (JourneyState.Load<DraftApplicationState>(TempData, Journey) is not { } state)
        {
            return Redirect(ApplicationLinks.Journey("draft-application", Id));
        }

        State = state;
        if (stalkingCase.RespondentId is { } rid && await db.Respondents.AsNoTracking().SingleOrDefaultAsync(r => r.Id == rid, ct) is { } respondent)
        {
            RespondentAge = respondent.Person.AgeOn(timeProvider.UkToday);
            Venue = respondent.IsYouthOn(timeProvider.UkToday) ? CourtVenue.YouthCourt : CourtVenue.MagistratesCourt;
        }

        return null;
    }
}
