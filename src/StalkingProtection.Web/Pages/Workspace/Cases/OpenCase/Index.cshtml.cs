using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Cases.OpenCase;

public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : CaseWorkPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Journey { get; set; }

    [BindProperty]
    [Display(Name = "Crime references")]
    public string? CrimeReferences { get; set; }

    [BindProperty]
    [Display(Name = "Offences considered")]
    public List<OffencesConsidered> Offences { get; set; } = [];

    [BindProperty]
    [Display(Name = "Date reported")]
    public DateOnly? ReportedOn { get; set; }

    [BindProperty]
    [Display(Name = "Officer in charge")]
    public string? OfficerInCharge { get; set; }

    [BindProperty]
    [Display(Name = "Team")]
    public string? Team { get; set; }

    public IReadOnlyList<SelectListItem> Officers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Journey is { } journey && JourneyState.Load<OpenCaseState>(TempData, journey) is { } state)
        {
            CrimeReferences = string.Join(Environment.NewLine, state.CrimeReferences);
            Offences = [.. state.Offences];
            ReportedOn = state.ReportedOn;
            OfficerInCharge = state.OfficerInCharge;
            Team = state.Team;
        }
        else
        {
            OfficerInCharge = User.OfficerKey();
            Team = User.FindFirst(StaffClaims.Team)?.Value;
        }

        await LoadOfficersAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var references = (CrimeReferences ?? "").Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (references.Length == 0)
        {
            ModelState.AddModelError(nameof(CrimeReferences), "Enter the crime reference");
        }
        else if (references.Any(r => r.Length > StalkingCase.CrimeReferenceMaxLength))
        {
            ModelState.AddModelError(nameof(CrimeReferences), $"Each crime reference must be {StalkingCase.CrimeReferenceMaxLength} characters or fewer");
        }
        else if (string.Join(",", references).Length > StalkingCase.CrimeReferencesMaxLength)
        {
            ModelState.AddModelError(nameof(CrimeReferences), $"Crime references must be {StalkingCase.CrimeReferencesMaxLength} characters or fewer in total");
        }

        if (Offences.Count == 0)
        {
            ModelState.AddModelError(nameof(Offences), "Select the offences considered");
        }

        if (ModelState.GetValidationState(nameof(ReportedOn)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            if (ReportedOn is null)
            {
                ModelState.AddModelError(nameof(ReportedOn), "Enter the date reported");
            }
            else if (ReportedOn > timeProvider.UkToday)
            {
                ModelState.AddModelError(nameof(ReportedOn), "Date reported must be today or in the past");
            }
        }

        await LoadOfficersAsync(ct);
        if (string.IsNullOrWhiteSpace(OfficerInCharge) || Officers.All(o => o.Value != OfficerInCharge))
        {
            ModelState.AddModelError(nameof(OfficerInCharge), "Select the officer in charge");
        }

        if (string.IsNullOrWhiteSpace(Team))
        {
            ModelState.AddModelError(nameof(Team), "Enter the team");
        }
        else if (Team.Length > StalkingCase.TeamMaxLength)
        {
            ModelState.AddModelError(nameof(Team), $"Team must be {StalkingCase.TeamMaxLength} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var journey = Journey ?? Guid.NewGuid();
        JourneyState.Save(TempData, journey, new OpenCaseState(references, Offences, ReportedOn!.Value, OfficerInCharge!, Team!.Trim()));
        return Redirect($"/workspace/cases/open-case/check-answers/{journey}");
    }

    private async Task LoadOfficersAsync(CancellationToken ct) => Officers = await OfficerChoices.ListAsync(db, User, ct);
}
