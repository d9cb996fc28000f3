using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Public.Feedback;

public static class FeedbackText
{
    public static IReadOnlyList<(Satisfaction Value, string Text)> Ratings { get; } =
    [
        (Satisfaction.VerySatisfied, "Very satisfied"),
        (Satisfaction.Satisfied, "Satisfied"),
        (Satisfaction.NeitherSatisfiedNorDissatisfied, "Neither satisfied nor dissatisfied"),
        (Satisfaction.Dissatisfied, "Dissatisfied"),
        (Satisfaction.VeryDissatisfied, "Very dissatisfied"),
    ];

    public static IReadOnlyList<SelectListItem> RatingItems { get; } = [.. Ratings.Select(r => new SelectListItem(r.Text, r.Value.ToString()))];

    public static string Describe(Satisfaction satisfaction) => Ratings.Single(r => r.Value == satisfaction).Text;
}
