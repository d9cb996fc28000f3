using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Pages.Workspace.Cases;

namespace StalkingProtection.Web.Pages.Workspace.Applications.DraftApplication;

public sealed record DraftApplicationState(ApplicationType Type, Guid? MainApplicationId, PoliceForce ApplicantForce);

public class IndexModel(StalkingProtectionDbContext db) : CaseWorkPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Journey { get; set; }

    [BindProperty]
    [Display(Name = "What is the application for?")]
    public ApplicationType? Type { get; set; }

    [BindProperty]
    [Display(Name = "Main application (for an interim order)")]
    public Guid? MainApplicationId { get; set; }

    [BindProperty]
    [Display(Name = "Applicant chief officer's force")]
    public PoliceForce? ApplicantForce { get; set; }

    public IReadOnlyList<SelectListItem> MainApplications { get; private set; } = [];

    public bool HasRespondent { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Journey is { } journey && JourneyState.Load<DraftApplicationState>(TempData, journey) is { } s)
        {
            (Type, MainApplicationId, ApplicantForce) = (s.Type, s.MainApplicationId, s.ApplicantForce);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!HasRespondent)
        {
            ModelState.AddModelError(string.Empty, "Add the respondent to the case before drafting an application (SPA 2019 s.1(1))");
        }

        if (Type is not (ApplicationType.Full or ApplicationType.Interim))
        {
            ModelState.AddModelError(nameof(Type), "Select what the application is for");
        }

        // SPA 2019 s.5(2), R18: an interim application belongs to a main application.
        if (Type == ApplicationType.Interim && (MainApplicationId is null || MainApplications.All(m => m.Value != MainApplicationId.ToString())))
        {
            ModelState.AddModelError(nameof(MainApplicationId), "Select the main application the interim application belongs to (SPA 2019 s.5(2), R18)");
        }

        if (ApplicantForce is null)
        {
            ModelState.AddModelError(nameof(ApplicantForce), "Select the applicant chief officer's force (SPA 2019 s.1(1), R1)");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var journey = Journey ?? Guid.NewGuid();
        JourneyState.Save(TempData, journey, new DraftApplicationState(Type!.Value, Type == ApplicationType.Interim ? MainApplicationId : null, ApplicantForce!.Value));
        return Redirect(ApplicationLinks.DraftCheckAnswers(Id, journey));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await FindVisibleCaseAsync(db, Id, ct) is not { } stalkingCase)
        {
            return false;
        }

        HasRespondent = stalkingCase.RespondentId is not null;
        var mains = await db.Applications.AsNoTracking()
            .Where(a => a.CaseId == Id && a.Type == ApplicationType.Full && a.Status != ApplicationStatus.Determined && a.Status != ApplicationStatus.Withdrawn)
            .OrderBy(a => a.CreatedAt).ToListAsync(ct);
        MainApplications = mains.Select(a => new SelectListItem(
            $"Full order application, {a.Status.ToString().ToLowerInvariant()}{(a.LodgedOn is { } on ? ", lodged " + Display.Date(on) : "")}", a.Id.ToString())).ToList();
        return true;
    }
}
