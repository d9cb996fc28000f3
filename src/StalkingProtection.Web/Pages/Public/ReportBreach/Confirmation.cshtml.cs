using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Reports;
using StalkingProtection.Web.Pages.Public.Report;

namespace StalkingProtection.Web.Pages.Public.ReportBreach;

/// <summary>Shown only once the report is committed; the journey's cookie is deleted at the same time, as the report journey's is.</summary>
public class ConfirmationModel(ReportedBreachService breaches, ReportCookie cookie) : PageModel
{
    public string Reference { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (cookie.Read(Request) is not { } draftId)
        {
            return Redirect(BreachSteps.StartUrl);
        }

        var state = await breaches.GetDraftAsync(draftId, ct);
        if (state.Status != DraftStatus.Submitted)
        {
            return Redirect(state.IsActive ? BreachSteps.CheckAnswersUrl : BreachSteps.SessionEndedUrl);
        }

        cookie.MarkSent(Response, draftId);
        Reference = state.Reference!;
        return Page();
    }
}
