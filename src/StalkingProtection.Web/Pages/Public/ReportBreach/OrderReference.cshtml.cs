using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Orders;
using StalkingProtection.Web.Pages.Public.Report;

namespace StalkingProtection.Web.Pages.Public.ReportBreach;

public class OrderReferenceModel(ReportedBreachService breaches, ReportCookie cookie) : BreachReportPageModel(breaches, cookie)
{
    protected override BreachReportStep? Step => BreachReportStep.OrderReference;

    [BindProperty]
    public string? OrderReference { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } redirect)
        {
            return redirect;
        }

        OrderReference = Answers.OrderReference;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Only the format is checked here: whether an order has this reference is never shown.
        var typed = ModelState.CheckText(nameof(OrderReference), OrderReference, 50, "Enter the reference of the order",
            "Enter the reference in the format SPO-7KQ2-M9XD");
        var reference = OrderVictimReference.Normalise(typed);
        if (typed is not null && ModelState.ErrorFor(nameof(OrderReference)) is null && reference is null)
        {
            ModelState.AddModelError(nameof(OrderReference), "Enter the reference in the format SPO-7KQ2-M9XD");
        }

        if (!ModelState.IsValid)
        {
            return await ShowErrorsAsync(ct);
        }

        return await SaveAsync(a => a.OrderReference = reference, ct);
    }
}
