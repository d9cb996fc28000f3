using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordNotificationOffence;

/// <summary>SPA 2019 s.11: what became of a suspected notification offence, through the same service method as the API.</summary>
public class OutcomeModel(StalkingProtectionDbContext db, TimeProvider timeProvider, NotificationService notifications) : OrderJourneyModel(db, timeProvider)
{
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

    protected override async Task<bool> LoadMoreAsync(CancellationToken ct)
    {
        if (await Db.NotificationOffences.AsNoTracking().SingleOrDefaultAsync(o => o.Id == OffenceId && o.RespondentId == Order.RespondentId, ct) is not { } offence)
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
        if (OutcomeOn is { } on && (on < Offence.OffenceOn || on > Today))
        {
            ModelState.AddModelError(nameof(OutcomeOn), $"The date of the outcome must be between {Display.Date(Offence.OffenceOn)} and today");
        }

        MaxLength(ReasonableExcuseNotes, NotificationOffence.TextMaxLength, nameof(ReasonableExcuseNotes),
            $"The notes must be {NotificationOffence.TextMaxLength} characters or fewer");
    }

    protected override async Task<IActionResult> SaveAsync(Override? @override, CancellationToken ct)
    {
        await notifications.RecordOffenceOutcomeAsync(new RecordNotificationOffenceOutcomeOptions(OffenceId, Outcome!.Value, OutcomeOn,
            string.IsNullOrWhiteSpace(ReasonableExcuseNotes) ? null : ReasonableExcuseNotes.Trim(), OffenceVersion), Actor, ct);
        return BackToOrder($"Outcome of the suspected offence recorded: {Choices.Text(Outcome.Value).ToLowerInvariant()}.");
    }

    protected override void OnConflict()
    {
        base.OnConflict();
        OffenceVersion = Offence.Version;
        ModelState.Remove(nameof(OffenceVersion));
    }
}
