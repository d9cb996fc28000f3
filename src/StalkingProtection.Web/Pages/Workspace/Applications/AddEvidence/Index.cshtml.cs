using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Pages.Workspace.Cases.RecordAct;

namespace StalkingProtection.Web.Pages.Workspace.Applications.AddEvidence;

public class IndexModel(StalkingProtectionDbContext db, ApplicationService applications) : ApplicationPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    [Display(Name = "Which part of the test does it prove?")]
    public Limb? Limb { get; set; }

    [BindProperty]
    [Display(Name = "What is the evidence?")]
    public EvidenceKind? Kind { get; set; }

    [BindProperty]
    [Display(Name = "Recorded act or risk screening")]
    public Guid? ReferenceId { get; set; }

    [BindProperty]
    [Display(Name = "Describe the evidence")]
    public string? Description { get; set; }

    [BindProperty]
    public long Version { get; set; }

    public IReadOnlyList<SelectListItem> Records { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Version = Application.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Limb is null)
        {
            ModelState.AddModelError(nameof(Limb), "Select which part of the test the evidence proves (SPA 2019 s.1(1), R3)");
        }

        if (Kind is null)
        {
            ModelState.AddModelError(nameof(Kind), "Select what the evidence is");
        }

        if (ReferenceId is { } reference && Records.All(r => r.Value != reference.ToString()))
        {
            ModelState.AddModelError(nameof(ReferenceId), "Select an act or risk screening recorded on this case");
        }

        if (Description is { Length: > ApplicationEvidence.DescriptionMaxLength })
        {
            ModelState.AddModelError(nameof(Description), $"Description must be {ApplicationEvidence.DescriptionMaxLength} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await applications.AddEvidenceAsync(new AddEvidenceOptions(Id, new EvidenceLink(Limb!.Value, Kind!.Value, ReferenceId, Description ?? ""), Version),
                User.ToActor(), ct);
            SetFlash("Evidence linked");
            return Redirect(ApplicationUrl);
        }
        catch (DbUpdateConcurrencyException)
        {
            await ShowConflictWithCurrentValuesAsync(db, ct);
            Version = Application.Version;
            return Page();
        }
        catch (RuleViolationException e)
        {
            AddRuleViolations(e, new Dictionary<string, string> { ["evidence"] = nameof(Description) });
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadApplicationAsync(db, Id, ct))
        {
            return false;
        }

        var acts = await db.StalkingActs.AsNoTracking().Where(a => a.CaseId == Case.Id).OrderBy(a => a.OccurredFrom).ToListAsync(ct);
        var risks = await db.RiskAssessments.AsNoTracking().Where(r => r.CaseId == Case.Id).OrderBy(r => r.CompletedAt).ToListAsync(ct);
        Records =
        [
            .. acts.Select(a => new SelectListItem(
                $"Act on {Display.Date(LondonTime.DateOf(a.OccurredFrom))}: {ActCategoryChoices.Describe(a.Categories, a.OtherCategoryDescription)}", a.Id.ToString())),
            .. risks.Select(r => new SelectListItem($"{Cases.RecordRiskScreening.RiskScreeningForms.ToolName(r.Tool)} screening on {Display.Date(LondonTime.DateOf(r.CompletedAt))}: {r.Level} risk", r.Id.ToString())),
        ];
        return true;
    }
}
