using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordReview;

/// <summary>Checks the review and records it (R42).</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, TimeProvider timeProvider, ReviewService reviews)
    : OrderCheckAnswersPageModel<ReviewAnswers>(db, timeProvider)
{
    protected override string JourneyName => IndexModel.Name;

    protected override async Task<IActionResult> SaveAsync(ReviewAnswers answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var recorded = await reviews.RecordReviewAsync(new RecordReviewOptions(Id, answers.LeadOfficer, answers.Summary, answers.PncEntryChecked, answers.NextReviewDue),
            Actor, ct);
        return BackToOrder(recorded.Explain());
    }
}
