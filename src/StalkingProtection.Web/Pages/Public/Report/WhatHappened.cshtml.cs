using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Public.Report;

public class WhatHappenedModel(PublicReportService reports, ReportCookie cookie) : ReportPageModel(reports, cookie)
{
    protected override ReportStep? Step => ReportStep.WhatHappened;

    [BindProperty]
    public List<string> Behaviours { get; set; } = [];

    [BindProperty]
    public string? OtherBehaviour { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } redirect)
        {
            return redirect;
        }

        Behaviours = ReportText.Behaviours.Where(b => Answers.Behaviours.HasFlag(b.Value)).Select(b => b.Value.ToString()).ToList();
        OtherBehaviour = Answers.OtherBehaviour;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var chosen = StalkingBehaviours.None;
        var valid = true;
        foreach (var value in Behaviours)
        {
            valid &= TryParseName<StalkingBehaviours>(value, out var behaviour) && behaviour != StalkingBehaviours.None;
            chosen |= behaviour;
        }

        string? other = null;
        if (!valid || chosen == StalkingBehaviours.None)
        {
            ModelState.AddModelError(nameof(Behaviours), "Select what has been happening");
        }
        else if (chosen.HasFlag(StalkingBehaviours.SomethingElse))
        {
            other = CheckText(nameof(OtherBehaviour), OtherBehaviour, PublicReport.OtherBehaviourMaxLength,
                "Tell us what else has been happening", $"What else has been happening must be {PublicReport.OtherBehaviourMaxLength} characters or less");
        }

        if (!ModelState.IsValid)
        {
            return await LoadDraftAsync(ct) ?? Page();
        }

        return await SaveAsync(a =>
        {
            a.Behaviours = chosen;
            a.OtherBehaviour = other;
        }, ct);
    }
}
