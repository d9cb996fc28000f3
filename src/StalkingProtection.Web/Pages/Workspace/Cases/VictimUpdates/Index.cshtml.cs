using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.VictimUpdates;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Cases.VictimUpdates;

/// <summary>
/// R41: what a victim asked to be told by text or email, by which safe channel and when, and every update written for them
/// with what is still waiting. Opening the page is a consultation in the audit log (DPA 2018 s.62). The victim's contact
/// details are never shown here. The choices are changed through the <c>choose-victim-updates</c> journey.
/// </summary>
public class IndexModel(StalkingProtectionDbContext db, VictimUpdateService updates, IOptions<NotifyOptions> notify) : CaseWorkPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid VictimId { get; set; }

    public string VictimName { get; private set; } = "";

    public string CaseUrl => CaseLinks.View(Id);

    public string ChooseUrl => CaseLinks.RecordJourney(ChooseVictimUpdates.IndexModel.Name, Id, VictimId);

    public bool UsesNotify => notify.Value.UsesNotify;

    public VictimUpdatePreferences? Preferences { get; private set; }

    public IReadOnlyList<VictimMessage> Messages { get; private set; } = [];

    public IReadOnlyList<VictimMessage> Outstanding => [.. Messages.Where(m => m.IsOutstanding)];

    public VictimMessageBacklog Backlog { get; private set; } = new(0, 0, null);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await FindVisibleCaseAsync(db, Id, ct) is null
            || await ChooseVictimUpdates.IndexModel.VictimNameAsync(db, Id, VictimId, ct) is not { } name)
        {
            return NotFound();
        }

        VictimName = name;
        Preferences = await updates.PreferencesAsync(VictimId, ct);
        Messages = await updates.MessagesAsync(VictimId, User.ToActor(), ct);
        Backlog = await updates.BacklogAsync(ct);
        return Page();
    }

    public static string StatusText(VictimMessage message) => message.Status switch
    {
        VictimMessageStatus.Pending => message.Attempts == 0 ? "Waiting for a safe time" : $"Retrying ({message.Attempts} attempts failed)",
        VictimMessageStatus.Sending => "Being sent: GOV.UK Notify is asked whether it arrived before it is sent again",
        VictimMessageStatus.Sent => "Sent, not yet delivered",
        VictimMessageStatus.Delivered => message.NotifyStatus == LocalSinkChannel.SinkStatus ? "Delivered to the local sink (not sent)" : "Delivered",
        VictimMessageStatus.Failed => "Failed: contact the victim another way",
        _ => "Not sent",
    };
}
