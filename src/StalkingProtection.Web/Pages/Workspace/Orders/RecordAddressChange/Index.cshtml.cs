using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordAddressChange;

/// <summary>SPA 2019 s.9(4), R28: a new home address starts a 3-day duty to notify it; notifying before the move is valid.</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider, NotificationService notifications) : OrderJourneyModel(db, timeProvider)
{
    public const int AddressMaxLength = Core.People.RespondentAddress.AddressMaxLength;

    [BindProperty]
    [Display(Name = "New home address")]
    public string? Address { get; set; }

    [BindProperty]
    [Display(Name = "Police area of the new address")]
    public PoliceForce? PoliceArea { get; set; }

    [BindProperty]
    [Display(Name = "Is the new address outside England and Wales?")]
    public YesNo? OutsideEnglandAndWales { get; set; }

    [BindProperty]
    [Display(Name = "Date they move, or moved")]
    public DateOnly? MovedOn { get; set; }

    protected override void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(Address), nameof(Address), "Enter the new home address");
        MaxLength(Address, AddressMaxLength, nameof(Address), $"The address must be {AddressMaxLength} characters or fewer");
        Require(OutsideEnglandAndWales is not null, nameof(OutsideEnglandAndWales), "Select whether the new address is outside England and Wales");
        Require(OutsideEnglandAndWales != YesNo.No || PoliceArea is not null, nameof(PoliceArea), "Select the police area of the new address");
        Require(MovedOn is not null, nameof(MovedOn), "Enter the date they move, or moved");
    }

    protected override async Task<IActionResult> SaveAsync(Override? @override, CancellationToken ct)
    {
        var area = OutsideEnglandAndWales == YesNo.Yes ? null : PoliceArea;
        var duty = await notifications.RecordAddressChangeAsync(new RecordAddressChangeOptions(Order.RespondentId, Address!.Trim(), area, MovedOn!.Value), Actor, ct);
        return BackToOrder($"New address recorded. {duty.Explain()}");
    }

    protected override string FieldKey(string field) => field switch
    {
        "address" => nameof(Address),
        "movedOn" or "fromDate" => nameof(MovedOn),
        _ => base.FieldKey(field),
    };
}
