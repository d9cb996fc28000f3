using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.Cases.AddPerson;

public enum PersonRole
{
    Respondent,
    DirectVictim,
    ProtectedPerson,
    Both,
}

public sealed record AddPersonState(PersonRole Role, string GivenNames, string FamilyName, DateOnly? DateOfBirth, Gender Gender, string? PncId,
    RelationshipToRespondent? Relationship, string? HomeAddress, PoliceForce? HomeAddressPoliceArea);

public static class PersonChoices
{
    // SPA 2019 s.1(1)(c), R4: a person to protect need not be the victim of any act (stalking by proxy).
    public static IReadOnlyList<SelectListItem> Roles { get; } =
    [
        new("Respondent (the person an order would be against)", nameof(PersonRole.Respondent)),
        new("Victim of the acts", nameof(PersonRole.DirectVictim)),
        new("Person to protect, who is not a victim of the acts (for example a relative or colleague)", nameof(PersonRole.ProtectedPerson)),
        new("Victim and person to protect", nameof(PersonRole.Both)),
    ];

    public static IReadOnlyList<SelectListItem> Relationships { get; } =
    [
        new("Ex-partner", nameof(RelationshipToRespondent.ExIntimate)),
        new("Acquaintance", nameof(RelationshipToRespondent.Acquaintance)),
        new("Stranger", nameof(RelationshipToRespondent.Stranger)),
        new("Work", nameof(RelationshipToRespondent.Work)),
        new("Family", nameof(RelationshipToRespondent.Family)),
        new("Other", nameof(RelationshipToRespondent.Other)),
    ];

    public static IReadOnlyList<SelectListItem> Genders { get; } =
    [
        new("Female", nameof(Gender.Female)),
        new("Male", nameof(Gender.Male)),
        new("Other", nameof(Gender.Other)),
        new("Not known", nameof(Gender.NotKnown)),
    ];

    public static IReadOnlyList<SelectListItem> Forces => Choices.Forces;

    public static string Describe(PersonRole role) => Roles.First(r => r.Value == role.ToString()).Text;
}

/// <summary>Adding the respondent, a victim or a person to protect to a case.</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : CaseQuestionPageModel<AddPersonState>(db)
{
    public const string Name = "add-person";

    [BindProperty]
    [Display(Name = "Who are you adding?")]
    public PersonRole? Role { get; set; }

    [BindProperty]
    [Display(Name = "Given names")]
    public string? GivenNames { get; set; }

    [BindProperty]
    [Display(Name = "Family name")]
    public string? FamilyName { get; set; }

    [BindProperty]
    [Display(Name = "Date of birth (optional)")]
    public DateOnly? DateOfBirth { get; set; }

    [BindProperty]
    [Display(Name = "Sex")]
    public Gender? Gender { get; set; }

    [BindProperty]
    [Display(Name = "PNC ID (optional)")]
    public string? PncId { get; set; }

    [BindProperty]
    [Display(Name = "Relationship to the respondent")]
    public RelationshipToRespondent? Relationship { get; set; }

    [BindProperty]
    [Display(Name = "Respondent's home address (optional)")]
    public string? HomeAddress { get; set; }

    [BindProperty]
    [Display(Name = "Police area of the home address (optional)")]
    public PoliceForce? HomeAddressPoliceArea { get; set; }

    protected override string JourneyName => Name;

    protected override void Restore(AddPersonState answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        (Role, GivenNames, FamilyName, DateOfBirth, Gender) = (answers.Role, answers.GivenNames, answers.FamilyName, answers.DateOfBirth, answers.Gender);
        (PncId, Relationship, HomeAddress, HomeAddressPoliceArea) = (answers.PncId, answers.Relationship, answers.HomeAddress, answers.HomeAddressPoliceArea);
    }

    protected override void Validate()
    {
        if (Role is null)
        {
            ModelState.AddModelError(nameof(Role), "Select who you are adding");
        }
        else if (Role == PersonRole.Respondent && Case.RespondentId is not null)
        {
            ModelState.AddModelError(nameof(Role), "The case already has a respondent");
        }

        if (string.IsNullOrWhiteSpace(GivenNames) && string.IsNullOrWhiteSpace(FamilyName))
        {
            ModelState.AddModelError(nameof(GivenNames), "Enter the person's given names or family name");
        }

        if (GivenNames is { Length: > PersonName.NameMaxLength })
        {
            ModelState.AddModelError(nameof(GivenNames), $"Given names must be {PersonName.NameMaxLength} characters or fewer");
        }

        if (FamilyName is { Length: > PersonName.NameMaxLength })
        {
            ModelState.AddModelError(nameof(FamilyName), $"Family name must be {PersonName.NameMaxLength} characters or fewer");
        }

        if (ModelState.GetValidationState(nameof(DateOfBirth)) != ModelValidationState.Invalid && DateOfBirth > timeProvider.UkToday)
        {
            ModelState.AddModelError(nameof(DateOfBirth), "Date of birth must be in the past");
        }

        if (Gender is null)
        {
            ModelState.AddModelError(nameof(Gender), "Select the person's sex, or 'Not known'");
        }

        if (PncId is { Length: > Person.PncIdMaxLength })
        {
            ModelState.AddModelError(nameof(PncId), $"PNC ID must be {Person.PncIdMaxLength} characters or fewer");
        }

        if (Role is not (null or PersonRole.Respondent) && Relationship is null)
        {
            ModelState.AddModelError(nameof(Relationship), "Select the person's relationship to the respondent");
        }

        if (Role == PersonRole.Respondent && HomeAddress is { Length: > RespondentAddress.AddressMaxLength })
        {
            ModelState.AddModelError(nameof(HomeAddress), $"Home address must be {RespondentAddress.AddressMaxLength} characters or fewer");
        }

    }

    protected override AddPersonState Capture()
    {
        var respondent = Role == PersonRole.Respondent;
        return new AddPersonState(Role!.Value, (GivenNames ?? "").Trim(), (FamilyName ?? "").Trim(), DateOfBirth, Gender!.Value,
            string.IsNullOrWhiteSpace(PncId) ? null : PncId.Trim(), respondent ? null : Relationship,
            respondent && !string.IsNullOrWhiteSpace(HomeAddress) ? HomeAddress.Trim() : null, respondent ? HomeAddressPoliceArea : null);
    }
}
