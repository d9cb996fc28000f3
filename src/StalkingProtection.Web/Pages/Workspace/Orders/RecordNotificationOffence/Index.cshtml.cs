using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordNotificationOffence;

/// <summary>
/// SPA 2019 s.11, R33: a person records a suspected notification offence, through the same service method as the API. Only offences
/// that fit the record are offered: a failure to notify against a duty that was not met in time, a refusal of fingerprints or
/// photographs (H20168, R32) or false information (H20169) against a notification.
/// </summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider, NotificationService notifications) : OrderJourneyModel(db, timeProvider)
{
    private const string DutyPrefix = "duty:";
    private const string RefusedPrefix = "refused:";
    private const string FalsePrefix = "false:";

    [BindProperty]
    [Display(Name = "What is the suspected offence?")]
    public string? Offence { get; set; }

    [BindProperty]
    [Display(Name = "Anything the respondent has said by way of a reasonable excuse (optional)")]
    public string? ReasonableExcuseNotes { get; set; }

    public IReadOnlyList<SelectListItem> OffenceChoices { get; private set; } = [];

    public string? OffenceText => OffenceChoices.FirstOrDefault(c => c.Value == Offence)?.Text;

    protected override async Task<bool> LoadMoreAsync(CancellationToken ct)
    {
        var today = Today;
        var duties = await Db.NotificationObligations.AsNoTracking().Where(o => o.OrderId == Id && o.Status != ObligationStatus.Excused)
            .OrderBy(o => o.TriggerDate).ToListAsync(ct);
        var events = await Db.NotificationEvents.AsNoTracking().Where(e => e.RespondentId == Order.RespondentId).OrderBy(e => e.NotifiedAt).ToListAsync(ct);
        var choices = new List<SelectListItem>();
        foreach (var duty in duties.Where(d => d.MetOn is { } met ? met > d.DueBy : today > d.DueBy))
        {
            choices.Add(new SelectListItem(
                $"Failing to notify {Choices.Text(duty.Trigger).ToLowerInvariant()}, due by the end of {Display.Date(duty.DueBy)} (offence {duty.OffenceCode})", DutyPrefix + duty.Id));
        }

        foreach (var notification in events)
        {
            var when = Display.DateTime(notification.NotifiedAt);
            if (notification.BiometricsRefused)
            {
                choices.Add(new SelectListItem($"Refusing fingerprints or photographs when notifying on {when} (offence {NotificationOffence.BiometricsRefused})",
                    RefusedPrefix + notification.Id));
            }

            choices.Add(new SelectListItem($"Giving false information when notifying on {when} (offence {NotificationOffence.FalseInformation})",
                FalsePrefix + notification.Id));
        }

        OffenceChoices = choices;
        return true;
    }

    protected override void Validate()
    {
        Require(!string.IsNullOrEmpty(Offence), nameof(Offence), "Select the suspected offence");
        if (!string.IsNullOrEmpty(Offence) && OffenceText is null)
        {
            ModelState.AddModelError(nameof(Offence), "Select one of the offences listed: the duty or notification has changed since you opened the page");
        }

        MaxLength(ReasonableExcuseNotes, NotificationOffence.TextMaxLength, nameof(ReasonableExcuseNotes),
            $"The notes must be {NotificationOffence.TextMaxLength} characters or fewer");
    }

    protected override async Task<IActionResult> SaveAsync(Override? @override, CancellationToken ct)
    {
        var (prefix, id) = Split(Offence!);
        var options = prefix switch
        {
            DutyPrefix => new RecordNotificationOffenceOptions(Order.RespondentId, id, null,
                await Db.NotificationObligations.AsNoTracking().Where(o => o.Id == id).Select(o => o.OffenceCode).SingleAsync(ct), Notes),
            RefusedPrefix => new RecordNotificationOffenceOptions(Order.RespondentId, null, id, NotificationOffence.BiometricsRefused, Notes),
            _ => new RecordNotificationOffenceOptions(Order.RespondentId, null, id, NotificationOffence.FalseInformation, Notes),
        };
        await notifications.RecordOffenceAsync(options, Actor, ct);
        return BackToOrder("Suspected notification offence recorded. Record its outcome from this page when it is known (SPA 2019 s.11).");
    }

    protected override string FieldKey(string field) => field is "offenceCode" or "obligationId" ? nameof(Offence) : base.FieldKey(field);

    private string? Notes => string.IsNullOrWhiteSpace(ReasonableExcuseNotes) ? null : ReasonableExcuseNotes.Trim();

    private static (string Prefix, Guid Id) Split(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return (value[..(colon + 1)], Guid.Parse(value[(colon + 1)..]));
    }
}
