using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordNotificationOffence;

/// <summary>The answers of a suspected notification offence (SPA 2019 s.11, R33), kept until they are confirmed.</summary>
public sealed class NotificationOffenceAnswers : OrderAnswers
{
    /// <summary>The offence chosen, as the question offers it: the missed duty or the notification it is about.</summary>
    public string Offence { get; set; } = "";

    public string? ReasonableExcuseNotes { get; set; }
}

/// <summary>
/// SPA 2019 s.11, R33: a person records a suspected notification offence, through the same service method as the API. Only offences
/// that fit the record are offered: a failure to notify against a duty that was not met in time, a refusal of fingerprints or
/// photographs (H20168, R32) or false information (H20169) against a notification.
/// </summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : OrderQuestionPageModel<NotificationOffenceAnswers>(db, timeProvider)
{
    public const string Name = "record-notification-offence";
    public const string DutyPrefix = "duty:";
    public const string RefusedPrefix = "refused:";

    private const string FalsePrefix = "false:";

    [BindProperty]
    [Display(Name = "What is the suspected offence?")]
    public string? Offence { get; set; }

    [BindProperty]
    [Display(Name = "Anything the respondent has said by way of a reasonable excuse (optional)")]
    public string? ReasonableExcuseNotes { get; set; }

    public IReadOnlyList<SelectListItem> OffenceChoices { get; private set; } = [];

    protected override string JourneyName => Name;

    /// <summary>The offences that fit the record today: duties not met in time, and each notification made.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> OffenceChoicesAsync(StalkingProtectionDbContext db, StalkingProtectionOrder order, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(order);
        var duties = await db.NotificationObligations.AsNoTracking().Where(o => o.OrderId == order.Id && o.Status != ObligationStatus.Excused)
            .OrderBy(o => o.TriggerDate).ToListAsync(ct);
        var events = await db.NotificationEvents.AsNoTracking().Where(e => e.RespondentId == order.RespondentId).OrderBy(e => e.NotifiedAt).ToListAsync(ct);
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

        return choices;
    }

    /// <summary>The kind of choice ("duty:", "refused:", "false:") and the record it names.</summary>
    public static (string Prefix, Guid Id) Split(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return (value[..(colon + 1)], Guid.Parse(value[(colon + 1)..]));
    }

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await base.LoadAsync(ct))
        {
            return false;
        }

        OffenceChoices = await OffenceChoicesAsync(Db, Order, Today, ct);
        return true;
    }

    protected override void Validate()
    {
        Require(!string.IsNullOrEmpty(Offence), nameof(Offence), "Select the suspected offence");
        if (!string.IsNullOrEmpty(Offence) && OffenceChoices.All(c => c.Value != Offence))
        {
            ModelState.AddModelError(nameof(Offence), "Select one of the offences listed: the duty or notification has changed since you opened the page");
        }

        MaxLength(ReasonableExcuseNotes, NotificationOffence.TextMaxLength, nameof(ReasonableExcuseNotes),
            $"The notes must be {NotificationOffence.TextMaxLength} characters or fewer");
    }

    protected override NotificationOffenceAnswers Answer() => new()
    {
        Offence = Offence!,
        ReasonableExcuseNotes = string.IsNullOrWhiteSpace(ReasonableExcuseNotes) ? null : ReasonableExcuseNotes.Trim(),
    };

    protected override void Fill(NotificationOffenceAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        Offence = answers.Offence;
        ReasonableExcuseNotes = answers.ReasonableExcuseNotes;
    }
}
