using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Applications.AwaitingAuthorisation;

public sealed record AwaitingRow(Guid Id, ApplicationType Type, string CrimeReferences, DateTimeOffset Since, bool AuthorisedBefore);

/// <summary>
/// The coordinators' queue: draft applications an officer asked them to authorise, or whose authorisation a later change withdrew,
/// oldest first, so what is lodged is what a coordinator authorised.
/// </summary>
[Authorize(Policy = Policies.Coordinator)]
public class IndexModel(StalkingProtectionDbContext db, AuditLog audit) : PageModel
{
    public const int Limit = 200;

    public IReadOnlyList<AwaitingRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var visibleCases = db.Cases.AsNoTracking().VisibleTo(User);
        var waiting = await db.Applications.IgnoreAutoIncludes().AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Draft && a.AwaitingAuthorisationSince != null && a.AuthorisedAt == null)
            .Join(visibleCases, a => a.CaseId, c => c.Id, (a, c) => new { a.Id, a.Type, c.CrimeReferences, Since = a.AwaitingAuthorisationSince!.Value })
            .ToListAsync(ct);
        var ids = waiting.Select(w => w.Id.ToString()).ToList();
        var withdrawn = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == "Application.AuthorisationWithdrawn" && e.RecordId != null && ids.Contains(e.RecordId))
            .Select(e => e.RecordId!).Distinct().ToListAsync(ct);
        Rows = waiting.OrderBy(w => w.Since).Take(Limit)
            .Select(w => new AwaitingRow(w.Id, w.Type, w.CrimeReferences, w.Since, withdrawn.Contains(w.Id.ToString())))
            .ToList();

        // DPA 2018 s.62: the queue shows case references.
        await audit.RecordConsultationAsync(User.ToActor(), "Applications.AwaitingAuthorisationListed", nameof(Application), null, $"rows={Rows.Count}", ct);
    }

    public static string TypeText(ApplicationType type) => type switch
    {
        ApplicationType.Full => "Full order",
        ApplicationType.Interim => "Interim order",
        ApplicationType.Variation => "Variation",
        ApplicationType.Renewal => "Renewal",
        ApplicationType.Discharge => "Discharge",
        _ => type.ToString(),
    };
}
