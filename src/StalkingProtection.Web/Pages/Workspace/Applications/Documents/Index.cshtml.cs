using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
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

    protected override Task<GeneratedDocument?> GenerateAsync(Guid id, string purpose, Actor actor, CancellationToken ct) =>
        documents.ApplicationPackAsync(id, purpose, actor, ct);

    protected override async Task<bool> FindAsync(Guid id, CancellationToken ct)
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
