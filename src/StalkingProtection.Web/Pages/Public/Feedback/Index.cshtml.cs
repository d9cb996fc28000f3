using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Public.Feedback;

[EnableRateLimiting(PublicSite.FormRateLimitPolicy)]
public class IndexModel(FeedbackService feedback) : PageModel
{
    [BindProperty]
    public string? Satisfaction { get; set; }

    [BindProperty]
    public string? Comments { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var valid = Satisfaction is not null
            && Enum.GetNames<Core.Reports.Satisfaction>().Contains(Satisfaction, StringComparer.Ordinal)
            && Enum.TryParse<Core.Reports.Satisfaction>(Satisfaction, out _);
        if (!valid)
        {
            ModelState.AddModelError(nameof(Satisfaction), "Select how satisfied you are with this website");
        }

        if (Comments?.Trim().Length > Core.Reports.Feedback.CommentsMaxLength)
        {
            ModelState.AddModelError(nameof(Comments), $"Your comments must be {Core.Reports.Feedback.CommentsMaxLength} characters or less");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await feedback.SubmitAsync(Enum.Parse<Core.Reports.Satisfaction>(Satisfaction!), Comments, ct);
        return Redirect("/feedback/thank-you");
    }
}
