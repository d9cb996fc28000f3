using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordNotificationOffence.Outcome;

/// <summary>The answers of what became of a suspected notification offence (SPA 2019 s.11), kept until they are confirmed.</summary>
public sealed class NotificationOffenceOutcomeAnswers : OrderAnswers
{
    /// <summary>RL4: the offence's version when the user opened the journey.</summary>
    public long OffenceVersion { get; set; }

    public NotificationOffenceOutcome Outcome { get; set; }

    public DateOnly? OutcomeOn { get; set; }

    public string? ReasonableExcuseNotes { get; set; }
}

/// <summary>SPA 2019 s.11: what became of a suspected notification offence, through the same service method as the API.</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : OrderQuestionPageModel<NotificationOffenceOutcomeAnswers>(db, timeProvider)
{
    public const string Name = "record-notification-offence/outcome";

    [BindProperty(SupportsGet = true)]
    public Guid OffenceId { get; set; }

    [BindProperty]
    public long OffenceVersion { get; set; }

    [BindProperty]
    [Display(Name = "Outcome so far")]
    public NotificationOffenceOutcome? Outcome { get; set; }

    [BindProperty]
    [Display(Name = "Date of the outcome")]
    public DateOnly? OutcomeOn { get; set; }

    [BindProperty]
    [Display(Name = "Reasonable excuse notes (optional)")]
    public string? ReasonableExcuseNotes { get; set; }

    public NotificationOffence Offence { get; private set; } = null!;

    protected override string JourneyName => Name;

    /// <summary>The suspected offence of this order's respondent, or null when there is none by that id (the page answers 404).</summary>
    public static Task<NotificationOffence?> OffenceOfAsync(StalkingProtectionDbContext db, Guid respondentId, Guid offenceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.NotificationOffences.AsNoTracking().SingleOrDefaultAsync(o => o.Id == offenceId && o.RespondentId == respondentId, ct);
    }

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await base.LoadAsync(ct) || await OffenceOfAsync(Db, Order.RespondentId, OffenceId, ct) is not { } offence)
        {
            return false;
        }

        Offence = offence;
        if (HttpMethods.IsGet(Request.Method))
        {
            OffenceVersion = offence.Version;
        }

        return true;
    }

    protected override void Prefill()
    {
        Outcome = Offence.Outcome;
        OutcomeOn = Offence.OutcomeOn;
        ReasonableExcuseNotes = Offence.ReasonableExcuseNotes;
    }

    protected override void Validate()
    {
        Require(Outcome is not null, nameof(Outcome), "Select the outcome so far");
        Require(Outcome is null or NotificationOffenceOutcome.UnderInvestigation || OutcomeOn is not null, nameof(OutcomeOn), "Enter the date of the outcome");

        // SPA 2019 s.11: asked here, where the date is given, as Core refuses it on save.
        if (OutcomeOn is { } on && on > Today)
        {
            ModelState.AddModelError(nameof(OutcomeOn), RuleCheck.NotYetHappenedMessage);
        }
        else if (OutcomeOn is { } earlier && earlier < Offence.OffenceOn)
        {
            ModelState.AddModelError(nameof(OutcomeOn), NotificationOffence.OutcomeBeforeOffenceMessage(Offence.OffenceOn));
        }

        MaxLength(ReasonableExcuseNotes, NotificationOffence.TextMaxLength, nameof(ReasonableExcuseNotes),
            $"The notes must be {NotificationOffence.TextMaxLength} characters or fewer");
    }

    protected override NotificationOffenceOutcomeAnswers Answer() => new()
    {
        OffenceVersion = OffenceVersion,
        Outcome = Outcome!.Value,
        OutcomeOn = Outcome == NotificationOffenceOutcome.UnderInvestigation ? null : OutcomeOn,
        ReasonableExcuseNotes = string.IsNullOrWhiteSpace(ReasonableExcuseNotes) ? null : ReasonableExcuseNotes.Trim(),
    };

    protected override void Fill(NotificationOffenceOutcomeAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        OffenceVersion = answers.OffenceVersion;
        Outcome = answers.Outcome;
        OutcomeOn = answers.OutcomeOn;
        ReasonableExcuseNotes = answers.ReasonableExcuseNotes;
    }

    protected override string CheckAnswersUrl(Guid journey) => OrderLinks.RecordCheckAnswers(Name, Id, OffenceId, journey);
}
