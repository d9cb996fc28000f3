using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.VictimUpdates;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Pages.Workspace.Cases.VictimUpdates;

namespace StalkingProtection.Web.Pages.Workspace.Cases.ChooseVictimUpdates;

/// <summary>What the victim chose, and the version of their choices when the journey began (RL4).</summary>
public sealed class ChooseVictimUpdatesState
{
    public bool DoNotContact { get; init; }

    public VictimUpdateEvent Events { get; init; }

    public VictimUpdateChannel Channel { get; init; }

    public SafeDays Days { get; init; }

    public TimeOnly SafeFrom { get; init; }

    public TimeOnly SafeTo { get; init; }

    public long? Version { get; set; }
}

/// <summary>
/// R41: the questions of what a victim wants to be told by text or email, by which safe channel and at which safe times
/// (London time). Nothing is saved here: the answers go to "check your answers".
/// </summary>
public class IndexModel(StalkingProtectionDbContext db, VictimUpdateService updates) : CaseQuestionPageModel<ChooseVictimUpdatesState>(db)
{
    public const string Name = "choose-victim-updates";

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

    /// <summary>RL4: the version of the victim's choices when the page was opened; none before the first.</summary>
    [BindProperty]
    public long? Version { get; set; }

    public string VictimName { get; private set; } = "";

    public string UpdatesUrl => CaseLinks.VictimUpdates(Id, VictimId);

    private VictimUpdatePreferences? _current;

    protected override string JourneyName => Name;

    protected override string CheckAnswersUrl(Guid journey) => CaseLinks.RecordCheckAnswers(Name, Id, VictimId, journey);

    protected override async Task<bool> LoadChoicesAsync(CancellationToken ct)
    {
        if (await VictimNameAsync(Db, Id, VictimId, ct) is not { } name)
        {
            return false;
        }

        VictimName = name;
        _current = await updates.PreferencesAsync(VictimId, ct);
        return true;
    }

    protected override void Prefill()
    {
        if (_current is { } p)
        {
            Show(new ChooseVictimUpdatesState
            {
                DoNotContact = p.DoNotContact, Events = p.Events, Channel = p.Channel, Days = p.SafeDays, SafeFrom = p.SafeFrom, SafeTo = p.SafeTo, Version = p.Version,
            });
        }
    }

    protected override void Restore(ChooseVictimUpdatesState answers) => Show(answers);

    protected override void Validate()
    {
        if (WantsUpdates is not ("Yes" or "No"))
        {
            ModelState.AddModelError(nameof(WantsUpdates), "Select whether the victim wants updates by text or email");
            return;
        }

        if (WantsUpdates == "No")
        {
            return;
        }

        if (VictimUpdateChoices.CombineEvents(Events) == VictimUpdateEvent.None)
        {
            ModelState.AddModelError(nameof(Events), "Select the updates the victim wants");
        }

        if (Channel is null || !Enum.IsDefined(Channel.Value))
        {
            ModelState.AddModelError(nameof(Channel), "Select the way that is safe");
        }

        if (VictimUpdateChoices.CombineDays(Days) == SafeDays.None)
        {
            ModelState.AddModelError(nameof(Days), "Select the days when it is safe to send updates");
        }

        var from = ParseTime(SafeFrom);
        var to = ParseTime(SafeTo);
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

    protected override ChooseVictimUpdatesState Capture() => WantsUpdates == "No"
        ? new ChooseVictimUpdatesState { DoNotContact = true, Channel = VictimUpdateChannel.Sms, Version = Version }
        : new ChooseVictimUpdatesState
        {
            Events = VictimUpdateChoices.CombineEvents(Events),
            Channel = Channel!.Value,
            Days = VictimUpdateChoices.CombineDays(Days),
            SafeFrom = ParseTime(SafeFrom)!.Value,
            SafeTo = ParseTime(SafeTo)!.Value,
            Version = Version,
        };

    /// <summary>The victim's name when the victim is on the case; null answers 404.</summary>
    internal static async Task<string?> VictimNameAsync(StalkingProtectionDbContext db, Guid caseId, Guid victimId, CancellationToken ct) =>
        await db.Victims.AsNoTracking().Include(v => v.Person).ThenInclude(p => p.Names).SingleOrDefaultAsync(v => v.Id == victimId && v.CaseId == caseId, ct)
            is { } victim ? victim.Person.PrimaryName.FullName : null;

    private void Show(ChooseVictimUpdatesState answers)
    {
        WantsUpdates = answers.DoNotContact ? "No" : "Yes";
        Version = answers.Version;
        if (answers.DoNotContact)
        {
            return;
        }

        Events = [.. VictimUpdateChoices.EventsIn(answers.Events).Select(e => e.ToString())];
        Channel = answers.Channel;
        Days = [.. VictimUpdateChoices.DaysIn(answers.Days).Select(d => d.ToString())];
        SafeFrom = answers.SafeFrom.ToString("HH:mm", CultureInfo.InvariantCulture);
        SafeTo = answers.SafeTo.ToString("HH:mm", CultureInfo.InvariantCulture);
    }
}
