using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Reports;
using StalkingProtection.Web.Pages.Public.Report;

namespace StalkingProtection.Web.Pages.Public.ReportBreach;

[EnableRateLimiting(PublicSite.SendReportRateLimitPolicy)]
public class SubmitModel(ReportedBreachService breaches, ReportCookie cookie) : PageModel
{
    /// <summary>A field people cannot see: only software fills it in.</summary>
    [BindProperty]
    public string? Website { get; set; }

    public string Reference { get; private set; } = string.Empty;

    public IActionResult OnGet() => Redirect(BreachSteps.CheckAnswersUrl);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (cookie.Read(Request) is not { } draftId)
        {
            return await ShowSentAgainAsync(ct) ?? Redirect(BreachSteps.StartUrl);
        }

        if (!string.IsNullOrEmpty(Website))
        {
            // Looks like success, so that an automated sender learns nothing; the draft and its answers are deleted.
            await breaches.DiscardAsync(draftId, ct);
            cookie.Delete(Response);
            Reference = PublicReference.New("SPB");
            return Page();
        }

        var result = await breaches.SubmitAsync(draftId, ct);
        switch (result.Outcome)
        {
            case SubmitOutcome.Sent or SubmitOutcome.AlreadySent:
                return Redirect(BreachSteps.ConfirmationUrl);
            case SubmitOutcome.Incomplete:
                return Redirect(BreachSteps.Url(result.FirstUnanswered!.Value));
            default:
                cookie.Delete(Response);
                return Redirect(BreachSteps.SessionEndedUrl);
        }
    }

    /// <summary>A second send after the first one's confirmation was shown: the same reference, never a second report.</summary>
    private async Task<IActionResult?> ShowSentAgainAsync(CancellationToken ct)
    {
        if (cookie.ReadSent(Request) is not { } sentId)
        {
            return null;
        }

        var state = await breaches.GetDraftAsync(sentId, ct);
        if (state.Status != DraftStatus.Submitted)
        {
            return null;
        }

        Reference = state.Reference!;
        return Page();
    }
}
