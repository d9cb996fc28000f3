using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

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

public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : CaseWorkPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Journey { get; set; }

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

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await FindVisibleCaseAsync(db, Id, ct) is null)
        {
            return NotFound();
        }

        if (Journey is { } journey && JourneyState.Load<VictimContactState>(TempData, journey) is { } s)
        {
            (VictimId, EventType, Channel, OccurredOn, Summary) = (s.VictimId, s.EventType, s.Channel, s.OccurredOn, s.Summary);
            OccurredAt = s.OccurredAt.ToString("HH:mm", CultureInfo.InvariantCulture);
        }

        await LoadVictimsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await FindVisibleCaseAsync(db, Id, ct) is null)
        {
            return NotFound();
        }

        await LoadVictimsAsync(ct);
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

        TimeOnly time = default;
        if (string.IsNullOrWhiteSpace(OccurredAt))
        {
            ModelState.AddModelError(nameof(OccurredAt), "Enter the time of the contact");
        }
        else if (!TimeOnly.TryParseExact(OccurredAt.Trim().Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
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

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var journey = Journey ?? Guid.NewGuid();
        JourneyState.Save(TempData, journey, new VictimContactState(VictimId!.Value, EventType!.Value, Channel!.Value, OccurredOn!.Value, time, Summary!.Trim()));
        return Redirect(CaseLinks.CheckAnswers("record-victim-contact", Id, journey));
    }

    private async Task LoadVictimsAsync(CancellationToken ct)
    {
        var victims = await db.Victims.AsNoTracking().Where(v => v.CaseId == Id).ToListAsync(ct);
        Victims = victims.Select(v => new SelectListItem(v.Person.PrimaryName.FullName, v.Id.ToString())).ToList();
    }
}
