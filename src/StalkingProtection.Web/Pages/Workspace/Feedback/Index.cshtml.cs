using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Reports;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Feedback;

/// <summary>
/// Free-text feedback can name people or describe what happened to them, so only coordinators and administrators read it
/// and each read is audited (DPA 2018 s.62).
/// </summary>
[Authorize(Roles = StaffRoles.Coordinator + "," + StaffRoles.Administrator)]
public class IndexModel(FeedbackService feedback, AuditLog audit) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<Core.Reports.Feedback> Items { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(int? p, CancellationToken ct)
    {
        Total = await feedback.CountAsync(ct);
        PageNumber = Math.Clamp(p ?? 1, 1, PageCount);
        Items = await feedback.ListAsync(PageNumber, PageSize, ct);
        await audit.RecordConsultationAsync(User.ToActor(), AuditEvents.Feedback.Read.For(null,
            $"Page {PageNumber} of {PageCount}: {Items.Count} of {Total} responses"), ct);
    }
}
