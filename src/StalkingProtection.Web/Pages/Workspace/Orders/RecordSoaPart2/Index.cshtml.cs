using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordSoaPart2;

/// <summary>Whether the respondent's Sexual Offences Act 2003 Part 2 notification requirements started or came to their final day.</summary>
public enum SoaPart2Change
{
    Started,
    Ended,
}

/// <summary>The answers of a change to the respondent's SOA 2003 Part 2 notification (SPA 2019 s.9(5)–(7), R25, R26), kept until they are confirmed.</summary>
public sealed class SoaPart2Answers : OrderAnswers
{
    public SoaPart2Change Change { get; set; }

    public DateOnly On { get; set; }

    public string Describe() => IndexModel.Changes.Single(c => c.Value == Change.ToString()).Text;
}

/// <summary>
/// SPA 2019 s.9(5)–(7): while the respondent is subject to the notification requirements of the Sexual Offences Act 2003 Part 2, no duty
/// to notify arises under this Act (R25); when those requirements come to their final day with an order in effect, the initial duty runs
/// from that day (R26). A records system sends these through the API; an officer records them here.
/// </summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : OrderQuestionPageModel<SoaPart2Answers>(db, timeProvider)
{
    public const string Name = "record-soa-part2";

    public static IReadOnlyList<SelectListItem> Changes { get; } =
    [
        new("They became subject to the notification requirements", nameof(SoaPart2Change.Started)),
        new("The notification requirements came to their final day", nameof(SoaPart2Change.Ended)),
    ];

    [BindProperty]
    [Display(Name = "What happened?")]
    public SoaPart2Change? Change { get; set; }

    [BindProperty]
    [Display(Name = "Date")]
    public DateOnly? On { get; set; }

    protected override string JourneyName => Name;

    protected override void Validate()
    {
        Require(Change is not null, nameof(Change), "Select whether the notification requirements started or came to their final day");
        Require(On is not null, nameof(On), Change == SoaPart2Change.Ended
            ? "Enter the final day of the notification requirements"
            : "Enter the date the notification requirements started");
    }

    protected override SoaPart2Answers Answer() => new() { Change = Change!.Value, On = On!.Value };

    protected override void Fill(SoaPart2Answers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        Change = answers.Change;
        On = answers.On;
    }
}
