using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordNameChange;

/// <summary>The answers of a new name (SPA 2019 s.9(3), R27), kept until they are confirmed.</summary>
public sealed class NameChangeAnswers : OrderAnswers
{
    public string GivenNames { get; set; } = "";

    public string FamilyName { get; set; } = "";

    public DateOnly FirstUsedOn { get; set; }
}

/// <summary>SPA 2019 s.9(3), R27: a new name the respondent uses starts a 3-day duty to notify it.</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : OrderQuestionPageModel<NameChangeAnswers>(db, timeProvider)
{
    public const string Name = "record-name-change";

    [BindProperty]
    [Display(Name = "Given names")]
    public string? GivenNames { get; set; }

    [BindProperty]
    [Display(Name = "Family name")]
    public string? FamilyName { get; set; }

    [BindProperty]
    [Display(Name = "Date they first used the name")]
    public DateOnly? FirstUsedOn { get; set; }

    protected override string JourneyName => Name;

    protected override void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(GivenNames) || !string.IsNullOrWhiteSpace(FamilyName), nameof(GivenNames), "Enter the new name");
        MaxLength(GivenNames, PersonName.NameMaxLength, nameof(GivenNames), "Given names must be 200 characters or fewer");
        MaxLength(FamilyName, PersonName.NameMaxLength, nameof(FamilyName), "The family name must be 200 characters or fewer");
        Require(FirstUsedOn is not null, nameof(FirstUsedOn), "Enter the date they first used the name");
    }

    protected override NameChangeAnswers Answer() => new()
    {
        GivenNames = GivenNames?.Trim() ?? "",
        FamilyName = FamilyName?.Trim() ?? "",
        FirstUsedOn = FirstUsedOn!.Value,
    };

    protected override void Fill(NameChangeAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        GivenNames = answers.GivenNames;
        FamilyName = answers.FamilyName;
        FirstUsedOn = answers.FirstUsedOn;
    }
}
