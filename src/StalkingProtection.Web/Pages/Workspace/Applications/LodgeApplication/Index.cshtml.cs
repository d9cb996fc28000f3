using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Applications.LodgeApplication;

/// <summary>The day the application was made, kept until the whole application is checked and lodged.</summary>
public sealed class LodgeAnswers : ApplicationAnswers
{
    public DateOnly? LodgedOn { get; set; }
}

/// <summary>When the application was made to the court: blank for today, or an earlier day for one made before it was entered here.</summary>
public class IndexModel(StalkingProtectionDbContext db) : ApplicationQuestionPageModel<LodgeAnswers>(db)
{
    /// <summary>Blank for today; an earlier date records an application made before it was entered here (every rule is checked on it).</summary>
    [BindProperty]
    [Display(Name = "Date the application was made to the court")]
    public DateOnly? LodgedOn { get; set; }

    protected override string JourneyName => ApplicationJourneys.Lodge;

    // The day may not be still to come; Core checks it, with every other rule, on the day given when the application is lodged.
    protected override void Validate()
    {
    }

    protected override LodgeAnswers Answer() => new() { LodgedOn = LodgedOn };

    protected override void Fill(LodgeAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        LodgedOn = answers.LodgedOn;
    }
}
