using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Web.Pages.Public.Report;

namespace StalkingProtection.Web.Pages.Public.ReportBreach;

public class WhatHappenedModel(ReportedBreachService breaches, ReportCookie cookie) : BreachReportPageModel(breaches, cookie)
{
    protected override BreachReportStep? Step => BreachReportStep.WhatHappened;

    public string Question => "What happened?";

    public string Hint => $"Tell us what the person named in the order did, or did not do. You can enter up to {ReportedBreach.WhatHappenedMaxLength} characters.";

    [BindProperty]
    public string? WhatHappened { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } redirect)
        {
            return redirect;
        }

        WhatHappened = Answers.WhatHappened;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var value = ModelState.CheckText(nameof(WhatHappened), WhatHappened, ReportedBreach.WhatHappenedMaxLength,
            "Enter what happened", $"What happened must be {ReportedBreach.WhatHappenedMaxLength} characters or less");
        if (!ModelState.IsValid)
        {
            return await ShowErrorsAsync(ct);
        }

        return await SaveAsync(a => a.WhatHappened = value, ct);
    }
}
