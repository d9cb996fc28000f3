using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordReview;

/// <summary>The answers of a management review (R42), kept until they are confirmed.</summary>
public sealed class ReviewAnswers : OrderAnswers
{
    public string LeadOfficer { get; set; } = "";

    public string Summary { get; set; } = "";

    public bool PncEntryChecked { get; set; }

    public DateOnly NextReviewDue { get; set; }
}

/// <summary>A management review of the order (R42); the reviewer sets the next review date.</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider, IOptions<LegalRuleSet> rules)
    : OrderQuestionPageModel<ReviewAnswers>(db, timeProvider)
{
    public const string Name = "record-review";

    [BindProperty]
    [Display(Name = "Lead officer")]
    public string? LeadOfficer { get; set; }

    [BindProperty]
    [Display(Name = "Summary of the review")]
    public string? Summary { get; set; }

    [BindProperty]
    [Display(Name = "Has the PNC entry been checked?")]
    public YesNo? PncEntryChecked { get; set; }

    [BindProperty]
    [Display(Name = "Date of the next review")]
    public DateOnly? NextReviewDue { get; set; }

    protected override string JourneyName => Name;

    protected override void Prefill()
    {
        LeadOfficer = Case.OfficerInCharge;
        NextReviewDue = rules.Value.NextReviewDue(Today);
    }

    protected override void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(LeadOfficer), nameof(LeadOfficer), "Enter the lead officer");
        MaxLength(LeadOfficer, ManagementReview.NameMaxLength, nameof(LeadOfficer), "The lead officer's name must be 200 characters or fewer");
        Require(!string.IsNullOrWhiteSpace(Summary), nameof(Summary), "Enter a summary of the review");
        MaxLength(Summary, ManagementReview.TextMaxLength, nameof(Summary), $"The summary must be {ManagementReview.TextMaxLength} characters or fewer");
        Require(PncEntryChecked is not null, nameof(PncEntryChecked), "Select whether the PNC entry has been checked");
        Require(NextReviewDue is not null, nameof(NextReviewDue), "Enter the date of the next review");
        if (NextReviewDue is { } next)
        {
            // R42: asked here, where the date is given, as well as refused by Core on save.
            Require(next > Today, nameof(NextReviewDue), RuleErrors.Describe(ManagementReview.NextReviewMustBeAfterToday, "R42", "SPMP"));
        }
    }

    protected override ReviewAnswers Answer() => new()
    {
        LeadOfficer = LeadOfficer!.Trim(),
        Summary = Summary!,
        PncEntryChecked = PncEntryChecked == YesNo.Yes,
        NextReviewDue = NextReviewDue!.Value,
    };

    protected override void Fill(ReviewAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        LeadOfficer = answers.LeadOfficer;
        Summary = answers.Summary;
        PncEntryChecked = answers.PncEntryChecked ? YesNo.Yes : YesNo.No;
        NextReviewDue = answers.NextReviewDue;
    }
}
