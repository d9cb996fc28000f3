using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Cases;

public sealed record CaseListRow(Guid Id, string CrimeReferences, DateOnly ReportedOn, CaseStatus Status, string Officer, string Team, bool HasSpoDecision);

public class IndexModel(StalkingProtectionDbContext db, AuditLog auditLog) : CaseWorkPageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Status")]
    public CaseStatus? Status { get; set; }

    /// <summary>R39: cases still waiting for the "consider an SPO" decision.</summary>
    [BindProperty(SupportsGet = true)]
    public bool NoSpoDecision { get; set; }

    /// <summary>Keyset paging: cases older than this one (ids are time-ordered).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? After { get; set; }

    public IReadOnlyList<CaseListRow> Cases { get; private set; } = [];

    public Guid? NextAfter { get; private set; }

    public string NextPageUrl => QueryHelpers.AddQueryString("/workspace/cases", new Dictionary<string, string?>
    {
        [nameof(Status)] = Status?.ToString(),
        [nameof(NoSpoDecision)] = NoSpoDecision ? "true" : null,
        [nameof(After)] = NextAfter?.ToString(),
    }.Where(p => p.Value is not null));

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Cases.AsNoTracking().VisibleTo(User);
        if (Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (NoSpoDecision)
        {
            query = query.Where(c => !db.SpoDecisions.Any(d => d.CaseId == c.Id));
        }

        if (After is { } after)
        {
            query = query.Where(c => c.Id.CompareTo(after) < 0);
        }

        var page = await query.OrderByDescending(c => c.Id).Take(PageSize + 1)
            .Select(c => new { c.Id, c.CrimeReferences, c.ReportedOn, c.Status, c.OfficerInCharge, c.Team, Decided = db.SpoDecisions.Any(d => d.CaseId == c.Id) })
            .ToListAsync(ct);
        var names = await OfficerNamesAsync(db, page.Select(c => c.OfficerInCharge), ct);
        Cases = page.Take(PageSize)
            .Select(c => new CaseListRow(c.Id, c.CrimeReferences.Replace(",", ", ", StringComparison.Ordinal), c.ReportedOn, c.Status,
                names.GetValueOrDefault(c.OfficerInCharge, c.OfficerInCharge), c.Team, c.Decided))
            .ToList();
        NextAfter = page.Count > PageSize ? Cases[^1].Id : null;

        // DPA 2018 s.62: listing cases is a consultation of the records shown.
        await auditLog.RecordConsultationAsync(User.ToActor(), "Cases.Listed", nameof(StalkingCase), null,
            $"status={Status}; noSpoDecision={NoSpoDecision}; after={After}; rows={Cases.Count}", ct);
    }
}
