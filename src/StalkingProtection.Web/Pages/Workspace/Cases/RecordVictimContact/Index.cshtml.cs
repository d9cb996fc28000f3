using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Web.Pages.Workspace.Cases.RecordVictimContact;

public sealed record VictimContactState(Guid VictimId, VictimContactEventType EventType, ContactChannel Channel, DateOnly OccurredOn, TimeOnly OccurredAt, string Summary);

// R41: the events on which the victim is consulted or told.
public static class VictimContactChoices
{
    public static IReadOnlyList<SelectListItem> EventTypes { get; } =
    [
        new("Asked for their views", nameof(VictimContactEventType.ViewsSought)),
        new("Told of the decision on applying for an order", nameof(VictimContactEventType.ApplicationDecision)),
        new("Told of a hearing's outcome", nameof(VictimContactEventType.HearingOutcome)),
        new("Told that the order was served", nameof(VictimContactEventType.Service)),
        new("Told of a breach", nameof(VictimContactEventType.Breach)),
        new("Told of a variation", nameof(VictimContactEventType.Variation)),
        new("Told of a discharge", nameof(VictimContactEventType.Discharge)),
        new("Told that the order expired", nameof(VictimContactEventType.Expiry)),
        new("Other contact", nameof(VictimContactEventType.Other)),
    ];

    public static IReadOnlyList<SelectListItem> Channels { get; } =
    [
        new("In person", nameof(ContactChannel.InPerson)),
        new("Phone", nameof(ContactChannel.Phone)),
        new("Email", nameof(ContactChannel.Email)),
        new("Letter", nameof(ContactChannel.Letter)),
        new("Through their advocate", nameof(ContactChannel.ThroughAdvocate)),
    ];

    public static string Text(IReadOnlyList<SelectListItem> items, object value) => items.First(i => i.Value == value.ToString()).Text;
}

/// <summary>Recording a contact with a victim (R41).</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : CaseQuestionPageModel<VictimContactState>(db)
{
    public const string Name = "record-victim-contact";

    [BindProperty]
    [Display(Name = "Who was contacted?")]
    public Guid? VictimId { get; set; }

    [BindProperty]
    [Display(Name = "What was the contact about?")]
    public VictimContactEventType? EventType { get; set; }

    [BindProperty]
    [Display(Name = "How were they contacted?")]
    public ContactChannel? Channel { get; set; }

    [BindProperty]
    [Display(Name = "Date of the contact")]
    public DateOnly? OccurredOn { get; set; }

    [BindProperty]
    [Display(Name = "Time of the contact")]
    public string? OccurredAt { get; set; }

    [BindProperty]
    [Display(Name = "What were they told, and what did they say?")]
    public string? Summary { get; set; }

    public IReadOnlyList<SelectListItem> Victims { get; private set; } = [];

    protected override string JourneyName => Name;

    protected override async Task<bool> LoadChoicesAsync(CancellationToken ct)
    {
        var victims = await Db.Victims.AsNoTracking().Where(v => v.CaseId == Id).ToListAsync(ct);
        Victims = victims.Select(v => new SelectListItem(v.Person.PrimaryName.FullName, v.Id.ToString())).ToList();
        return true;
    }

    protected override void Restore(VictimContactState answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        (VictimId, EventType, Channel, OccurredOn, Summary) = (answers.VictimId, answers.EventType, answers.Channel, answers.OccurredOn, answers.Summary);
        OccurredAt = answers.OccurredAt.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    protected override void Validate()
    {
        if (VictimId is null || Victims.All(v => v.Value != VictimId.ToString()))
        {
            ModelState.AddModelError(nameof(VictimId), "Select who was contacted");
        }

        if (EventType is null)
        {
            ModelState.AddModelError(nameof(EventType), "Select what the contact was about");
        }

        if (Channel is null)
        {
            ModelState.AddModelError(nameof(Channel), "Select how they were contacted");
        }

        if (ModelState.GetValidationState(nameof(OccurredOn)) != ModelValidationState.Invalid && OccurredOn is null)
        {
            ModelState.AddModelError(nameof(OccurredOn), "Enter the date of the contact");
        }

        if (string.IsNullOrWhiteSpace(OccurredAt))
        {
            ModelState.AddModelError(nameof(OccurredAt), "Enter the time of the contact");
        }
        else if (ParseTime(OccurredAt) is not { } time)
        {
            ModelState.AddModelError(nameof(OccurredAt), "Enter the time in the 24-hour clock, for example 14:30");
        }
        else if (OccurredOn is { } on && LondonTime.ToUtc(on, time) > timeProvider.GetUtcNow())
        {
            ModelState.AddModelError(nameof(OccurredOn), "The contact must be in the past (R41)");
        }

        if (string.IsNullOrWhiteSpace(Summary))
        {
            ModelState.AddModelError(nameof(Summary), "Enter what they were told and what they said");
        }
        else if (Summary.Length > VictimContactEvent.SummaryMaxLength)
        {
            ModelState.AddModelError(nameof(Summary), $"Summary must be {VictimContactEvent.SummaryMaxLength} characters or fewer");
        }

    }

    protected override VictimContactState Capture() =>
        new(VictimId!.Value, EventType!.Value, Channel!.Value, OccurredOn!.Value, ParseTime(OccurredAt)!.Value, Summary!.Trim());
}
