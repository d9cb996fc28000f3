using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Cases.RecordRiskScreening;

/// <summary>Which screening form was used; its questions are asked on the next page, addressed by the tool.</summary>
public class IndexModel(StalkingProtectionDbContext db) : JourneyPageModel
{
    public const string Name = "record-risk-screening";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    [Display(Name = "Which screening tool did you use?")]
    public RiskTool? Tool { get; set; }

    public string CaseUrl => CaseLinks.View(Id);

    public override string ConflictRecord => "case";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await FindVisibleCaseAsync(db, Id, ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await FindVisibleCaseAsync(db, Id, ct) is null)
        {
            return NotFound();
        }

        if (Tool is not (RiskTool.SDash or RiskTool.Sash))
        {
            ModelState.AddModelError(nameof(Tool), "Select the screening tool you used");
            return Page();
        }

        return Redirect(CaseLinks.RiskScreeningAnswers(Id, Tool.Value));
    }
}
