using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Workspace.Feedback;

public class IndexModel(FeedbackService feedback) : PageModel
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
    }
}
