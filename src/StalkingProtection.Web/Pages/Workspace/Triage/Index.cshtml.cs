using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Reports;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Triage;

/// <summary>The triage queue: online reports not yet decided, anyone in immediate danger first, then the oldest first.</summary>
[Authorize(Policy = Policies.CaseWork)]
public class IndexModel(TriageService triage) : PageModel
{
    public IReadOnlyList<TriageQueueRow> Reports { get; private set; } = [];

    public bool CanTriage => User.IsInRole(StaffRoles.Officer) || User.IsInRole(StaffRoles.Coordinator);

    public async Task OnGetAsync(CancellationToken ct) => Reports = await triage.QueueAsync(User.ToActor(), ct);

    public static string StatusText(TriageQueueRow row) =>
        row.Status == PublicReportStatus.InTriage ? $"In triage{(row.TriageStartedByName is { } by ? $" ({by})" : "")}" : "New";
}
