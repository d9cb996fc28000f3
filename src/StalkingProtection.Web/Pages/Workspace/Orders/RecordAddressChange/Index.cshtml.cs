using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordAddressChange;

/// <summary>The answers of a new home address (SPA 2019 s.9(4), R28), kept until they are confirmed.</summary>
public sealed class AddressChangeAnswers : OrderAnswers
{
    public string Address { get; set; } = "";

    /// <summary>Null when the new address is outside England and Wales.</summary>
    public PoliceForce? PoliceArea { get; set; }

    public DateOnly MovedOn { get; set; }
}

/// <summary>SPA 2019 s.9(4), R28: a new home address starts a 3-day duty to notify it; notifying before the move is valid.</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : OrderQuestionPageModel<AddressChangeAnswers>(db, timeProvider)
{
    public const string Name = "record-address-change";

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

    protected override string JourneyName => Name;

    protected override void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(Address), nameof(Address), "Enter the new home address");
        MaxLength(Address, AddressMaxLength, nameof(Address), $"The address must be {AddressMaxLength} characters or fewer");
        Require(OutsideEnglandAndWales is not null, nameof(OutsideEnglandAndWales), "Select whether the new address is outside England and Wales");
        Require(OutsideEnglandAndWales != YesNo.No || PoliceArea is not null, nameof(PoliceArea), "Select the police area of the new address");
        Require(MovedOn is not null, nameof(MovedOn), "Enter the date they move, or moved");
    }

    protected override AddressChangeAnswers Answer() => new()
    {
        Address = Address!.Trim(),
        PoliceArea = OutsideEnglandAndWales == YesNo.Yes ? null : PoliceArea,
        MovedOn = MovedOn!.Value,
    };

    protected override void Fill(AddressChangeAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        Address = answers.Address;
        OutsideEnglandAndWales = answers.PoliceArea is null ? YesNo.Yes : YesNo.No;
        PoliceArea = answers.PoliceArea;
        MovedOn = answers.MovedOn;
    }
}
