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
using StalkingProtection.Web.Infrastructure.Routing;

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

public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : CaseWorkPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Journey { get; set; }

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

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await FindVisibleCaseAsync(db, Id, ct) is null)
        {
            return NotFound();
        }

        if (Journey is { } journey && JourneyState.Load<AddPersonState>(TempData, journey) is { } s)
        {
            (Role, GivenNames, FamilyName, DateOfBirth, Gender) = (s.Role, s.GivenNames, s.FamilyName, s.DateOfBirth, s.Gender);
            (PncId, Relationship, HomeAddress, HomeAddressPoliceArea) = (s.PncId, s.Relationship, s.HomeAddress, s.HomeAddressPoliceArea);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await FindVisibleCaseAsync(db, Id, ct) is not { } stalkingCase)
        {
            return NotFound();
        }

        if (Role is null)
        {
            ModelState.AddModelError(nameof(Role), "Select who you are adding");
        }
        else if (Role == PersonRole.Respondent && stalkingCase.RespondentId is not null)
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

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var respondent = Role == PersonRole.Respondent;
        var journey = Journey ?? Guid.NewGuid();
        JourneyState.Save(TempData, journey, new AddPersonState(Role!.Value, (GivenNames ?? "").Trim(), (FamilyName ?? "").Trim(), DateOfBirth, Gender!.Value,
            string.IsNullOrWhiteSpace(PncId) ? null : PncId.Trim(), respondent ? null : Relationship,
            respondent && !string.IsNullOrWhiteSpace(HomeAddress) ? HomeAddress.Trim() : null, respondent ? HomeAddressPoliceArea : null));
        return Redirect(CaseLinks.CheckAnswers("add-person", Id, journey));
    }
}
