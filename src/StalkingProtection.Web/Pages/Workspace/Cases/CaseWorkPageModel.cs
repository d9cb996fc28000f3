using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Cases;

/// <summary>
/// A case-work page that shows a case's records without saving (the case, an application's documents): need-to-know, a case
/// the user may not see answering 404. Pages that save derive from <see cref="FormPageModel"/> or the journey engine.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public abstract class CaseWorkPageModel : PageModel
{
    /// <inheritdoc cref="VisibleCase.FindAsync"/>
    protected Task<StalkingCase?> FindVisibleCaseAsync(StalkingProtectionDbContext db, Guid id, CancellationToken ct, Guid? respondentId = null) =>
        VisibleCase.FindAsync(HttpContext, db, id, ct, respondentId);
}
