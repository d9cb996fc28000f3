using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Web.Pages.Workspace.Cases.RecordRiskScreening;

public class IndexModel(StalkingProtectionDbContext db) : CaseWorkPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    [Display(Name = "Which screening tool did you use?")]
    public RiskTool? Tool { get; set; }

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

        return Redirect($"/workspace/cases/record-risk-screening/answers/{Id}/{Tool}");
    }
}
