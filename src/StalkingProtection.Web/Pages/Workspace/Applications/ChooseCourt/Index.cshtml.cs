using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Applications.ChooseCourt;

/// <summary>The court chosen, kept until it is confirmed.</summary>
public sealed class CourtAnswers : ApplicationAnswers
{
    public CourtVenue Venue { get; set; }

    public string CourtName { get; set; } = "";
}

public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : ApplicationQuestionPageModel<CourtAnswers>(db)
{
    [BindProperty]
    [Display(Name = "Which court?")]
    public CourtVenue? Venue { get; set; }

    [BindProperty]
    [Display(Name = "Name of the court")]
    public string? CourtName { get; set; }

    public int? RespondentAge { get; private set; }

    protected override string JourneyName => ApplicationJourneys.ChooseCourt;

    protected override async Task LoadChoicesAsync(CancellationToken ct)
    {
        var respondent = await Db.Respondents.AsNoTracking().SingleAsync(r => r.Id == Application.RespondentId, ct);
        RespondentAge = respondent.Person.AgeOn(timeProvider.UkToday);
    }

    protected override void Prefill() => (Venue, CourtName) = (Application.Venue, Application.CourtName);

    protected override void Validate()
    {
        if (Venue is not (CourtVenue.MagistratesCourt or CourtVenue.YouthCourt))
        {
            ModelState.AddModelError(nameof(Venue), "Select the court");
        }
        else if (RespondentAge is { } age && (age < 18) != (Venue == CourtVenue.YouthCourt))
        {
            // R7: the youth court if the respondent is under 18 on the application date.
            ModelState.AddModelError(nameof(Venue), age < 18
                ? $"The respondent is {age} today, so the application goes to the youth court (R7)"
                : $"The respondent is {age} today, so the application goes to a magistrates' court (R7)");
        }

        Require(!string.IsNullOrWhiteSpace(CourtName), nameof(CourtName), "Enter the name of the court");
        MaxLength(CourtName, Application.CourtNameMaxLength, nameof(CourtName), $"Name of the court must be {Application.CourtNameMaxLength} characters or fewer");
    }

    protected override CourtAnswers Answer() => new() { Venue = Venue!.Value, CourtName = CourtName!.Trim() };

    protected override void Fill(CourtAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        (Venue, CourtName) = (answers.Venue, answers.CourtName);
    }
}
