using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordBreach;

/// <summary>The answers of a suspected breach (SPA 2019 s.8(1), R35), kept until they are confirmed.</summary>
public sealed class BreachAnswers : OrderAnswers
{
    public Guid ConditionId { get; set; }

    public DateOnly IncidentOn { get; set; }

    public TimeOnly IncidentTime { get; set; }

    public string? IncidentLocation { get; set; }

    public string Description { get; set; } = "";

    public DateTimeOffset IncidentAt => LondonTime.ToUtc(IncidentOn, IncidentTime);
}

/// <summary>A suspected breach (SPA 2019 s.8(1)), linked to the condition broken (R35, R36).</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : OrderQuestionPageModel<BreachAnswers>(db, timeProvider)
{
    public const string Name = "record-breach";

    [BindProperty]
    [Display(Name = "Which condition was broken?")]
    public Guid? ConditionId { get; set; }

    [BindProperty]
    [Display(Name = "Date of the incident")]
    public DateOnly? IncidentOn { get; set; }

    [BindProperty]
    [Display(Name = "Time of the incident")]
    public string? IncidentTime { get; set; }

    [BindProperty]
    [Display(Name = "Where did it happen?")]
    public string? IncidentLocation { get; set; }

    [BindProperty]
    [Display(Name = "What happened?")]
    public string? Description { get; set; }

    /// <summary>Every condition of every version of the terms, with the days it was in force (R35).</summary>
    public IReadOnlyList<SelectListItem> ConditionItems => BreachConditionItems.Of(Order);

    protected override string JourneyName => Name;

    protected override void Validate()
    {
        Require(ConditionId is not null, nameof(ConditionId), "Select the condition that was broken");
        Require(IncidentOn is not null, nameof(IncidentOn), "Enter the date of the incident");
        Require(!string.IsNullOrWhiteSpace(IncidentTime), nameof(IncidentTime), "Enter the time of the incident");
        if (!string.IsNullOrWhiteSpace(IncidentTime) && ParseTime(IncidentTime) is null)
        {
            ModelState.AddModelError(nameof(IncidentTime), "Enter the time as hours and minutes, for example 14:30");
        }

        Require(!string.IsNullOrWhiteSpace(Description), nameof(Description), "Describe what happened");
        MaxLength(Description, Breach.TextMaxLength, nameof(Description), $"The description must be {Breach.TextMaxLength} characters or fewer");
        MaxLength(IncidentLocation, Breach.TextMaxLength, nameof(IncidentLocation), $"The location must be {Breach.TextMaxLength} characters or fewer");
        if (!ModelState.IsValid)
        {
            return;
        }

        // SPA 2019 s.8(1), R35, R36: the rules Core applies on save, asked here where the date and condition are given. Nothing is
        // saved; the "should" rule (an incident before service) is left for "check your answers", where a reason can be given.
        try
        {
            Breach.Record(Order, ConditionId!.Value, Answer().IncidentAt, IncidentLocation, Description!, Now, new Override("Checked at the question", Actor), Now, out _);
        }
        catch (RuleViolationException ex)
        {
            ShowRules(ex);
        }
    }

    protected override BreachAnswers Answer() => new()
    {
        ConditionId = ConditionId!.Value,
        IncidentOn = IncidentOn!.Value,
        IncidentTime = ParseTime(IncidentTime)!.Value,
        IncidentLocation = string.IsNullOrWhiteSpace(IncidentLocation) ? null : IncidentLocation.Trim(),
        Description = Description!.Trim(),
    };

    protected override void Fill(BreachAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ConditionId = answers.ConditionId;
        IncidentOn = answers.IncidentOn;
        IncidentTime = answers.IncidentTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        IncidentLocation = answers.IncidentLocation;
        Description = answers.Description;
    }

    protected override string FieldKey(string field) => field == "incidentAt" ? nameof(IncidentOn) : base.FieldKey(field);
}
