using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Applications.RecordHearingOutcome;

public enum HearingResult
{
    Granted,
    Refused,
    Adjourned,
    Withdrawn,
}

/// <summary>What happened at the hearing, kept until it is confirmed; a grant goes on to record what the court made instead.</summary>
public sealed class HearingOutcomeAnswers : ApplicationAnswers
{
    public HearingResult Outcome { get; set; }

    public string? Reason { get; set; }

    public DateOnly? NextHearingOn { get; set; }

    public DateOnly? DecidedOn { get; set; }
}

/// <summary>The outcome of one hearing, addressed by the hearing's id.</summary>
public class IndexModel(StalkingProtectionDbContext db) : ApplicationQuestionPageModel<HearingOutcomeAnswers>(db)
{
    public static IReadOnlyList<SelectListItem> Results { get; } =
    [
        new("Granted: the court made the order", nameof(HearingResult.Granted)),
        new("Refused", nameof(HearingResult.Refused)),
        new("Adjourned", nameof(HearingResult.Adjourned)),
        new("Withdrawn", nameof(HearingResult.Withdrawn)),
    ];

    [BindProperty]
    [Display(Name = "What happened at the hearing?")]
    public HearingResult? Outcome { get; set; }

    [BindProperty]
    [Display(Name = "Reasons")]
    public string? Reason { get; set; }

    [BindProperty]
    [Display(Name = "Date of the next hearing (if adjourned and known)")]
    public DateOnly? NextHearingOn { get; set; }

    /// <summary>Blank for today; an earlier date records a decision made before it was entered here (the appeal deadline, R24, counts from it).</summary>
    [BindProperty]
    [Display(Name = "Date of the decision (if refused or withdrawn)")]
    public DateOnly? DecidedOn { get; set; }

    public Hearing Hearing { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> ResultItems => Application.IsForOrder
        ? Results
        : [new($"Granted: the court made the {Application.Type.ToString().ToLowerInvariant()} (you record it on the order next)", nameof(HearingResult.Granted)), .. Results.Skip(1)];

    protected override string JourneyName => ApplicationJourneys.RecordHearingOutcome;

    /// <summary>The application of the hearing the address names.</summary>
    public static async Task<Hearing?> FindHearingAsync(StalkingProtectionDbContext db, Guid hearingId, CancellationToken ct) =>
        await db.Hearings.AsNoTracking().SingleOrDefaultAsync(h => h.Id == hearingId, ct);

    protected override async Task<Guid?> ApplicationIdAsync(CancellationToken ct)
    {
        if (await FindHearingAsync(Db, Id, ct) is not { } hearing)
        {
            return null;
        }

        Hearing = hearing;
        return hearing.ApplicationId;
    }

    // A decision date may not be still to come nor before the application was made: Core checks both on saving.
    protected override void Validate()
    {
        Require(Outcome is not null, nameof(Outcome), "Select what happened at the hearing");

        // R39: reasons at each decision point; an adjournment gives its reason too.
        Require(Outcome is null or HearingResult.Granted || !string.IsNullOrWhiteSpace(Reason), nameof(Reason),
            Outcome == HearingResult.Adjourned ? "Enter why the hearing was adjourned" : "Enter the reasons for the decision (R39)");
        MaxLength(Reason, Hearing.ReasonMaxLength, nameof(Reason), $"Reasons must be {Hearing.ReasonMaxLength} characters or fewer");
    }

    /// <summary>
    /// SPA 2019 s.2(1), s.4: a grant is recorded with the order the court made (or, for a variation, renewal or discharge, on the order,
    /// tied to this application), which determines the application and gives this hearing its outcome.
    /// </summary>
    protected override string? HandOverUrl() => Outcome != HearingResult.Granted ? null
        : !Application.IsForOrder && Application.OrderId is { } orderId
            ? OrderLinks.JourneyOnApplication(ViewApplication.IndexModel.ChangeJourney(Application.Type), orderId, Application.Id)
            : OrderLinks.RecordOrder(Application.Id);

    protected override HearingOutcomeAnswers Answer() => new()
    {
        Outcome = Outcome!.Value,
        Reason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim(),
        NextHearingOn = Outcome == HearingResult.Adjourned ? NextHearingOn : null,
        DecidedOn = Outcome is HearingResult.Refused or HearingResult.Withdrawn ? DecidedOn : null,
    };

    protected override void Fill(HearingOutcomeAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        (Outcome, Reason, NextHearingOn, DecidedOn) = (answers.Outcome, answers.Reason, answers.NextHearingOn, answers.DecidedOn);
    }
}
