using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Audit;

[EnableRateLimiting(CostlyWork.Policy)]
public class IndexModel(StalkingProtectionDbContext db, AuditLog auditLog) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? RecordId { get; set; }

    [BindProperty(SupportsGet = true)]
    public AuditKind? Kind { get; set; }

    /// <summary>Keyset paging: entries older than this id.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public long? NextBefore { get; private set; }

    public string NextPageUrl => QueryHelpers.AddQueryString(WorkspaceLinks.Audit, new Dictionary<string, string?>
    {
        [nameof(Actor)] = Actor,
        [nameof(Action)] = Action,
        [nameof(RecordId)] = RecordId,
        [nameof(Kind)] = Kind?.ToString(),
        [nameof(Before)] = NextBefore?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value)));

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var actor = Actor.Trim();
            query = query.Where(e => e.ActorId == actor || e.ActorName.Contains(actor));
        }

        if (!string.IsNullOrWhiteSpace(Action))
        {
            var action = Action.Trim();
            query = query.Where(e => e.Action.StartsWith(action));
        }

        if (!string.IsNullOrWhiteSpace(RecordId))
        {
            var recordId = RecordId.Trim();
            query = query.Where(e => e.RecordId == recordId);
        }

        if (Kind is { } kind)
        {
            query = query.Where(e => e.Kind == kind);
        }

        if (Before is { } before)
        {
            query = query.Where(e => e.Id < before);
        }

        var page = await query.OrderByDescending(e => e.Id).Take(PageSize + 1).ToListAsync(ct);
        Entries = page.Take(PageSize).ToList();
        NextBefore = page.Count > PageSize ? Entries[^1].Id : null;

        // Reading the audit log is itself a consultation of personal data (DPA 2018 s.62).
        await auditLog.RecordConsultationAsync(User.ToActor(), AuditEvents.AuditLog.Searched.For(RecordId,
            $"actor={Actor}; action={Action}; kind={Kind}"), ct);
    }
}
