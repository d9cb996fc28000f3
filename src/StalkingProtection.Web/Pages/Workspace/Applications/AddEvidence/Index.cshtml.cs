using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Pages.Workspace.Cases.RecordAct;

namespace StalkingProtection.Web.Pages.Workspace.Applications.AddEvidence;

/// <summary>The evidence and the limb of the test it proves, kept until it is confirmed.</summary>
public sealed class EvidenceAnswers : ApplicationAnswers
{
    public Limb Limb { get; set; }

    public EvidenceKind Kind { get; set; }

    public Guid? ReferenceId { get; set; }

    public string Description { get; set; } = "";
}

/// <summary>SPA 2019 s.1(1), R3: evidence linked to one of the three limbs of the test.</summary>
public class IndexModel(StalkingProtectionDbContext db) : ApplicationQuestionPageModel<EvidenceAnswers>(db)
{
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

    public IReadOnlyList<SelectListItem> Records { get; private set; } = [];

    protected override string JourneyName => ApplicationJourneys.AddEvidence;

    /// <summary>The acts and risk screenings recorded on the case, which evidence may refer to.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> RecordsAsync(StalkingProtectionDbContext db, Guid caseId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var acts = await db.StalkingActs.AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.OccurredFrom).ToListAsync(ct);
        var risks = await db.RiskAssessments.AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.CompletedAt).ToListAsync(ct);
        return
        [
            .. acts.Select(a => new SelectListItem(
                $"Act on {Display.Date(LondonTime.DateOf(a.OccurredFrom))}: {ActCategoryChoices.Describe(a.Categories, a.OtherCategoryDescription)}", a.Id.ToString())),
            .. risks.Select(r => new SelectListItem($"{Cases.RecordRiskScreening.RiskScreeningForms.ToolName(r.Tool)} screening on {Display.Date(LondonTime.DateOf(r.CompletedAt))}: {r.Level} risk", r.Id.ToString())),
        ];
    }

    protected override async Task LoadChoicesAsync(CancellationToken ct) => Records = await RecordsAsync(Db, Case.Id, ct);

    protected override void Validate()
    {
        Require(Limb is not null, nameof(Limb), "Select which part of the test the evidence proves (SPA 2019 s.1(1), R3)");
        Require(Kind is not null, nameof(Kind), "Select what the evidence is");
        Require(ReferenceId is not { } reference || Records.Any(r => r.Value == reference.ToString()), nameof(ReferenceId),
            "Select an act or risk screening recorded on this case");
        MaxLength(Description, ApplicationEvidence.DescriptionMaxLength, nameof(Description),
            $"Description must be {ApplicationEvidence.DescriptionMaxLength} characters or fewer");
    }

    protected override EvidenceAnswers Answer() => new() { Limb = Limb!.Value, Kind = Kind!.Value, ReferenceId = ReferenceId, Description = Description?.Trim() ?? "" };

    protected override void Fill(EvidenceAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        (Limb, Kind, ReferenceId, Description) = (answers.Limb, answers.Kind, answers.ReferenceId, answers.Description);
    }
}
