using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.VictimUpdates;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Cases.VictimUpdates;

/// <summary>
/// R41: what a victim asked to be told by text or email, by which safe channel and when, and every update written for them
/// with what is still waiting. Opening the page is a consultation in the audit log (DPA 2018 s.62). As in recording a contact,
/// the victim's contact details are checked by the service (an audited read) but never shown here.
/// </summary>
public class IndexModel(StalkingProtectionDbContext db, VictimUpdateService updates, IOptions<NotifyOptions> notify) : FormPageModel
{
    public static IReadOnlyList<SelectListItem> EventItems { get; } =
    [
        new("An application is made to the court", nameof(VictimUpdateEvent.ApplicationMade)),
        new("A hearing date is set", nameof(VictimUpdateEvent.HearingListed)),
        new("The court makes the order", nameof(VictimUpdateEvent.OrderGranted)),
        new("The court refuses the order", nameof(VictimUpdateEvent.OrderRefused)),
        new("The order is served", nameof(VictimUpdateEvent.OrderServed)),
        new("A breach is reported", nameof(VictimUpdateEvent.BreachReported)),
        new("The outcome of a breach", nameof(VictimUpdateEvent.BreachOutcome)),
        new("The order is varied", nameof(VictimUpdateEvent.OrderVaried)),
        new("The order is renewed", nameof(VictimUpdateEvent.OrderRenewed)),
        new("The order is discharged", nameof(VictimUpdateEvent.OrderDischarged)),
        new("The order ends within 28 days", nameof(VictimUpdateEvent.OrderEnding)),
    ];

    public static IReadOnlyList<SelectListItem> DayItems { get; } =
        [.. new[] { SafeDays.Monday, SafeDays.Tuesday, SafeDays.Wednesday, SafeDays.Thursday, SafeDays.Friday, SafeDays.Saturday, SafeDays.Sunday }
            .Select(d => new SelectListItem(d.ToString(), d.ToString()))];

    public static IReadOnlyList<SelectListItem> ContactItems { get; } =
    [
        new("Yes, send the updates they choose", "Yes"),
        new("No, do not contact them", "No"),
    ];

    public static IReadOnlyList<SelectListItem> ChannelItems { get; } =
    [
        new("Text message", nameof(VictimUpdateChannel.Sms)),
        new("Email", nameof(VictimUpdateChannel.Email)),
    ];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid VictimId { get; set; }

    [BindProperty]
    [Display(Name = "Does the victim want updates by text or email?")]
    public string? WantsUpdates { get; set; }

    [BindProperty]
    [Display(Name = "Which updates do they want?")]
    public List<string> Events { get; set; } = [];

    [BindProperty]
    [Display(Name = "Which way is safe?")]
    public VictimUpdateChannel? Channel { get; set; }

    [BindProperty]
    [Display(Name = "On which days is it safe?")]
    public List<string> Days { get; set; } = [];

    [BindProperty]
    [Display(Name = "Safe from (London time)")]
    public string? SafeFrom { get; set; }

    [BindProperty]
    [Display(Name = "Safe until (London time)")]
    public string? SafeTo { get; set; }

    [BindProperty]
    public long? Version { get; set; }

    public string VictimName { get; private set; } = "";

    public string CaseUrl => CaseLinks.View(Id);

    public bool UsesNotify => notify.Value.UsesNotify;

    public IReadOnlyList<VictimMessage> Messages { get; private set; } = [];

    public IReadOnlyList<VictimMessage> Outstanding => [.. Messages.Where(m => m.IsOutstanding)];

    public VictimMessageBacklog Backlog { get; private set; } = new(0, 0, null);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (await updates.PreferencesAsync(VictimId, ct) is { } p)
        {
            WantsUpdates = p.DoNotContact ? "No" : "Yes";
            Events = [.. Enum.GetValues<VictimUpdateEvent>().Where(e => e != VictimUpdateEvent.None && p.Events.HasFlag(e)).Select(e => e.ToString())];
            Channel = p.Channel;
            Days = [.. Enum.GetValues<SafeDays>().Where(d => DayItems.Any(i => i.Value == d.ToString()) && p.SafeDays.HasFlag(d)).Select(d => d.ToString())];
            SafeFrom = p.SafeFrom.ToString("HH:mm", CultureInfo.InvariantCulture);
            SafeTo = p.SafeTo.ToString("HH:mm", CultureInfo.InvariantCulture);
            Version = p.Version;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        var doNotContact = WantsUpdates == "No";
        var events = Events.Select(e => Enum.TryParse<VictimUpdateEvent>(e, out var v) && EventItems.Any(i => i.Value == e) ? v : VictimUpdateEvent.None)
            .Aggregate(VictimUpdateEvent.None, (all, e) => all | e);
        var days = Days.Select(d => Enum.TryParse<SafeDays>(d, out var v) && DayItems.Any(i => i.Value == d) ? v : SafeDays.None)
            .Aggregate(SafeDays.None, (all, d) => all | d);
        var from = JourneyPageModel.ParseTime(SafeFrom);
        var to = JourneyPageModel.ParseTime(SafeTo);
        if (WantsUpdates is not ("Yes" or "No"))
        {
            ModelState.AddModelError(nameof(WantsUpdates), "Select whether the victim wants updates by text or email");
        }
        else if (!doNotContact)
        {
            Validate(events, days, from, to);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await updates.SetPreferencesAsync(new SetVictimUpdatePreferencesOptions(VictimId, doNotContact, doNotContact ? VictimUpdateEvent.None : events,
                Channel ?? VictimUpdateChannel.Sms, new SafeTimeWindow(days, from ?? TimeOnly.MinValue, to ?? TimeOnly.MinValue), Version), User.ToActor(), ct);
        }
        catch (RuleViolationException ex)
        {
            AddRuleViolations(ex);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            ShowConflict();
            return Page();
        }

        SetFlash(doNotContact ? "The victim will not be sent updates" : "Update preferences saved");
        return Redirect(CaseLinks.VictimUpdates(Id, VictimId));
    }

    public static string EventText(VictimUpdateEvent update) => EventItems.First(i => i.Value == update.ToString()).Text;

    public static string StatusText(VictimMessage message) => message.Status switch
    {
        VictimMessageStatus.Pending => message.Attempts == 0 ? "Waiting for a safe time" : $"Retrying ({message.Attempts} attempts failed)",
        VictimMessageStatus.Sending => "Being sent: GOV.UK Notify is asked whether it arrived before it is sent again",
        VictimMessageStatus.Sent => "Sent, not yet delivered",
        VictimMessageStatus.Delivered => message.NotifyStatus == LocalSinkChannel.SinkStatus ? "Delivered to the local sink (not sent)" : "Delivered",
        VictimMessageStatus.Failed => "Failed: contact the victim another way",
        _ => "Not sent",
    };

    private void Validate(VictimUpdateEvent events, SafeDays days, TimeOnly? from, TimeOnly? to)
    {
        if (events == VictimUpdateEvent.None)
        {
            ModelState.AddModelError(nameof(Events), "Select the updates the victim wants");
        }

        if (Channel is null)
        {
            ModelState.AddModelError(nameof(Channel), "Select the way that is safe");
        }

        if (days == SafeDays.None)
        {
            ModelState.AddModelError(nameof(Days), "Select the days when it is safe to send updates");
        }

        if (from is null)
        {
            ModelState.AddModelError(nameof(SafeFrom), "Enter the time from which it is safe, for example 09:00");
        }

        if (to is null)
        {
            ModelState.AddModelError(nameof(SafeTo), "Enter the time until which it is safe, for example 17:00");
        }
        else if (from is { } f && to <= f)
        {
            ModelState.AddModelError(nameof(SafeTo), "The time until which it is safe must be after the time from which it is safe");
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await FindVisibleCaseAsync(db, Id, ct) is null
            || await db.Victims.AsNoTracking().Include(v => v.Person).ThenInclude(p => p.Names).SingleOrDefaultAsync(v => v.Id == VictimId && v.CaseId == Id, ct) is not { } victim)
        {
            return false;
        }

        VictimName = victim.Person.PrimaryName.FullName;
        Messages = await updates.MessagesAsync(VictimId, User.ToActor(), ct);
        Backlog = await updates.BacklogAsync(ct);
        return true;
    }
}
