using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using StalkingProtection.Core.People;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.People.MergePeople;

/// <summary>DPA 2018 s.62: combining two records of personal data is logged with its reason.</summary>
[Authorize(Policy = Policies.Triage)]
public class ReasonModel : QuestionPageModel<MergeState>
{
    [BindProperty]
    [Display(Name = "Why are these the same person?")]
    public string? Reason { get; set; }

    public override string ConflictRecord => "record";

    /// <summary>The records chosen on the page before.</summary>
    private MergeState Kept { get; set; } = null!;

    /// <summary>Without the records chosen, the journey starts again from the list of possible duplicates.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (Journey is not { } journey || JourneyState.Load<MergeState>(TempData, journey) is not { } kept)
        {
            context.Result = Redirect(PeopleLinks.Duplicates);
            return;
        }

        Kept = kept;
        await next();
    }

    protected override Task<bool> LoadAsync(CancellationToken ct) => Task.FromResult(true);

    protected override void Restore(MergeState answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        Reason = answers.Reason;
    }

    protected override void Validate()
    {
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Give the reason you are sure these records are the same person");
        }
        else if (Reason.Trim().Length > PersonMergeService.ReasonMaxLength)
        {
            ModelState.AddModelError(nameof(Reason), $"The reason must be {PersonMergeService.ReasonMaxLength} characters or fewer");
        }
    }

    protected override MergeState Capture()
    {
        Kept.Reason = Reason!.Trim();
        return Kept;
    }

    protected override string CheckAnswersUrl(Guid journey) => PeopleLinks.MergeCheckAnswers(journey);
}
