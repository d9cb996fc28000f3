using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordNameChange;

/// <summary>SPA 2019 s.9(3), R27: a new name the respondent uses starts a 3-day duty to notify it.</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider, NotificationService notifications) : OrderJourneyModel(db, timeProvider)
{
    [BindProperty]
    [Display(Name = "Given names")]
    public string? GivenNames { get; set; }

    [BindProperty]
    [Display(Name = "Family name")]
    public string? FamilyName { get; set; }

    [BindProperty]
    [Display(Name = "Date they first used the name")]
    public DateOnly? FirstUsedOn { get; set; }

    protected override void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(GivenNames) || !string.IsNullOrWhiteSpace(FamilyName), nameof(GivenNames), "Enter the new name");
        MaxLength(GivenNames, PersonName.NameMaxLength, nameof(GivenNames), "Given names must be 200 characters or fewer");
        MaxLength(FamilyName, PersonName.NameMaxLength, nameof(FamilyName), "The family name must be 200 characters or fewer");
        Require(FirstUsedOn is not null, nameof(FirstUsedOn), "Enter the date they first used the name");
    }

    protected override async Task<IActionResult> SaveAsync(Override? @override, CancellationToken ct)
    {
        var duty = await notifications.RecordNameChangeAsync(
            new RecordNameChangeOptions(Order.RespondentId, GivenNames?.Trim() ?? "", FamilyName?.Trim() ?? "", FirstUsedOn!.Value), Actor, ct);
        return BackToOrder($"New name recorded. {duty.Explain()}");
    }
}
