using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Applications.ListHearing;

/// <summary>The hearing's day, time and court, kept until they are confirmed.</summary>
public sealed class ListHearingAnswers : ApplicationAnswers
{
    public DateOnly HearingOn { get; set; }

    public TimeOnly HearingAt { get; set; }

    public string CourtName { get; set; } = "";
}

public class IndexModel(StalkingProtectionDbContext db) : ApplicationQuestionPageModel<ListHearingAnswers>(db)
{
    [BindProperty]
    [Display(Name = "Date of the hearing")]
    public DateOnly? HearingOn { get; set; }

    [BindProperty]
    [Display(Name = "Time of the hearing")]
    public string? HearingAt { get; set; }

    [BindProperty]
    [Display(Name = "Court")]
    public string? CourtName { get; set; }

    protected override string JourneyName => ApplicationJourneys.ListHearing;

    protected override void Prefill() => CourtName = Application.CourtName;

    protected override void Validate()
    {
        Require(ModelState.GetValidationState(nameof(HearingOn)) == ModelValidationState.Invalid || HearingOn is not null, nameof(HearingOn),
            "Enter the date of the hearing");
        if (string.IsNullOrWhiteSpace(HearingAt))
        {
            ModelState.AddModelError(nameof(HearingAt), "Enter the time of the hearing");
        }
        else if (Time(HearingAt) is null)
        {
            ModelState.AddModelError(nameof(HearingAt), "Enter the time in the 24-hour clock, for example 10:00");
        }

        Require(!string.IsNullOrWhiteSpace(CourtName), nameof(CourtName), "Enter the court");
        MaxLength(CourtName, Hearing.CourtNameMaxLength, nameof(CourtName), $"Court must be {Hearing.CourtNameMaxLength} characters or fewer");
    }

    protected override ListHearingAnswers Answer() => new() { HearingOn = HearingOn!.Value, HearingAt = Time(HearingAt)!.Value, CourtName = CourtName!.Trim() };

    protected override void Fill(ListHearingAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        (HearingOn, HearingAt, CourtName) = (answers.HearingOn, answers.HearingAt.ToString("HH:mm", CultureInfo.InvariantCulture), answers.CourtName);
    }

    private static TimeOnly? Time(string? value) =>
        TimeOnly.TryParseExact(value?.Trim().Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
