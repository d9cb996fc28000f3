using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Documents;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Applications.Documents;

/// <summary>
/// The application pack for the magistrates' court (SPA 2019 ss.1-2), downloaded as PDF or Word with the same questions and the same
/// <see cref="DocumentService"/> method as the order's documents; need-to-know as the application's page. Only an application for a
/// full or interim order has a pack: a variation, renewal or discharge states what it asks for on its own page.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public class IndexModel(StalkingProtectionDbContext db, DocumentService documents) : DocumentDownloadPageModel
{
    public override string PurposeHint => "For example, lodging the application with the court, or sending it to the force's legal services";

    public Application Application { get; private set; } = null!;

    public string ApplicationUrl => ApplicationLinks.View(Application.Id);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        return await FindAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        ValidateFormatAndPurpose();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await DownloadAsync(() => documents.ApplicationPackAsync(id, Purpose!, User.ToActor(), ct), nameof(Purpose));
    }

    private async Task<bool> FindAsync(Guid id, CancellationToken ct)
    {
        if (await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is not { IsForOrder: true } application
            || await FindVisibleCaseAsync(db, application.CaseId, ct, application.RespondentId) is null)
        {
            return false;
        }

        Application = application;
        return true;
    }
}
