using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Public.Report;

/// <summary>
/// Shown only once the report is committed (RL9); the journey's cookie is deleted at the same time, so opening this
/// page again starts afresh.
/// </summary>
public class ConfirmationModel(PublicReportService reports, ReportCookie cookie) : PageModel
{
    public string Reference { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (cookie.Read(Request) is not { } draftId)
        {
            return Redirect(ReportSteps.StartUrl);
        }

        var state = await reports.GetDraftAsync(draftId, ct);
        if (state.Status != DraftStatus.Submitted)
        {
            return Redirect(state.IsActive ? ReportSteps.CheckAnswersUrl : ReportSteps.SessionEndedUrl);
        }

        cookie.MarkSent(Response, draftId);
        Reference = state.Reference!;
        return Page();
    }
}
