using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Breaches.RecordReporterTold;

public sealed record ReporterToldAnswers(ReporterToldHow How, DateOnly ToldOn, TimeOnly ToldAt)
{
    public long Version { get; set; }
}

/// <summary>
/// R41, Victims' Code right 6: an officer who told the person who reported a breach the decision themselves, by phone or in person,
/// records how and when. Need-to-know is the decision page's.
/// </summary>
[Authorize(Policy = Policies.Triage)]
public class IndexModel(StalkingProtectionDbContext db, ReportedBreachService breaches, TimeProvider timeProvider) : QuestionPageModel<ReporterToldAnswers>
{
    public static IReadOnlyList<SelectListItem> HowItems { get; } =
    [
        new("A phone call", nameof(ReporterToldHow.PhoneCall)),
        new("In person", nameof(ReporterToldHow.InPerson)),
    ];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    [Display(Name = "How did you tell them?")]
    public ReporterToldHow? How { get; set; }

    [BindProperty]
    [Display(Name = "Date you told them")]
    public DateOnly? ToldOn { get; set; }

    [BindProperty]
    [Display(Name = "Time you told them")]
    public string? ToldAt { get; set; }

    /// <summary>RL4: the reported breach's version when the page was opened.</summary>
    [BindProperty]
    public long Version { get; set; }

    public ReportedBreach Reported { get; private set; } = null!;

    public override string ConflictRecord => "reported breach";

    public static string HowText(ReporterToldHow how) => HowItems.First(i => i.Value == how.ToString()).Text;

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await ReportedBreachAccess.ViewAsync(HttpContext, db, breaches, Id, ct) is not { } reported)
        {
            return false;
        }

        Reported = reported;
        return true;
    }

    protected override void Prefill() => Version = Reported.Version;

    protected override void Restore(ReporterToldAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        (How, ToldOn, Version) = (answers.How, answers.ToldOn, answers.Version);
        ToldAt = answers.ToldAt.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    protected override void Validate()
    {
        if (Reported.Decision is null)
        {
            ModelState.AddModelError("", "Record the decision before recording that the person who reported was told it");
        }
        else if (Reported.VictimToldAt is not null)
        {
            ModelState.AddModelError("", "The person who reported has already been recorded as told the decision");
        }

        Require(How is not null, nameof(How), "Select how you told them");
        if (ModelState.GetValidationState(nameof(ToldOn)) != ModelValidationState.Invalid && ToldOn is null)
        {
            ModelState.AddModelError(nameof(ToldOn), "Enter the date you told them");
        }

        if (string.IsNullOrWhiteSpace(ToldAt))
        {
            ModelState.AddModelError(nameof(ToldAt), "Enter the time you told them");
        }
        else if (ParseTime(ToldAt) is not { } time)
        {
            ModelState.AddModelError(nameof(ToldAt), "Enter the time in the 24-hour clock, for example 14:30");
        }
        else if (ToldOn is { } on && LondonTime.ToUtc(on, time) is var at)
        {
            // R41: told after the decision was recorded, and not in the future.
            if (at > timeProvider.GetUtcNow())
            {
                ModelState.AddModelError(nameof(ToldOn), "The time you told them must be now or in the past");
            }
            else if (Reported.DecidedAt is { } decided && at < decided.AddTicks(-(decided.Ticks % TimeSpan.TicksPerMinute)))
            {
                ModelState.AddModelError(nameof(ToldOn), $"The time you told them must be after the decision was recorded ({Display.DateTime(decided)})");
            }
        }
    }

    protected override ReporterToldAnswers Capture() => new(How!.Value, ToldOn!.Value, ParseTime(ToldAt)!.Value) { Version = Version };

    protected override string CheckAnswersUrl(Guid journey) => ReportedBreachLinks.RecordReporterToldCheck(Id, journey);
}
