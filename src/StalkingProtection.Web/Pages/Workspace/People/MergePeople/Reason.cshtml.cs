using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.People.MergePeople;

/// <summary>DPA 2018 s.62: combining two records of personal data is logged with its reason.</summary>
public class ReasonModel(StalkingProtectionDbContext db) : MergePeoplePageModel(db)
{
    [BindProperty(SupportsGet = true)]
    public Guid Journey { get; set; }

    [BindProperty]
    [Display(Name = "Why are these the same person?")]
    public string? Reason { get; set; }

    public IActionResult OnGet()
    {
        if (JourneyState.Load<MergeState>(TempData, Journey) is not { } state)
        {
            return Redirect("/workspace/people/duplicates");
        }

        Reason = state.Reason;
        return Page();
    }

    public IActionResult OnPost()
    {
        if (JourneyState.Load<MergeState>(TempData, Journey) is not { } state)
        {
            return Redirect("/workspace/people/duplicates");
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Give the reason you are sure these records are the same person");
        }
        else if (Reason.Trim().Length > PersonMergeService.ReasonMaxLength)
        {
            ModelState.AddModelError(nameof(Reason), $"The reason must be {PersonMergeService.ReasonMaxLength} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        JourneyState.Save(TempData, Journey, state with { Reason = Reason!.Trim() });
        return Redirect($"/workspace/people/merge-people/check-answers/{Journey}");
    }
}
