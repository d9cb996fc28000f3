using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordReview;

/// <summary>A management review of the order (R42); the reviewer sets the next review date.</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider, ReviewService reviews, IOptions<LegalRuleSet> rules)
    : OrderJourneyModel(db, timeProvider)
{
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
    }

    protected override async Task<IActionResult> SaveAsync(Override? @override, CancellationToken ct)
    {
        await reviews.RecordReviewAsync(new RecordReviewOptions(Id, LeadOfficer!.Trim(), Summary!, PncEntryChecked == YesNo.Yes, NextReviewDue!.Value), Actor, ct);
        return BackToOrder($"Review recorded. The next review is due by {Date(NextReviewDue)}.");
    }
}
