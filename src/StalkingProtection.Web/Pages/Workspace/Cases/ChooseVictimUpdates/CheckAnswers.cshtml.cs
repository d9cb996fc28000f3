using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.VictimUpdates;
using StalkingProtection.Web.Infrastructure.Journeys;
using StalkingProtection.Web.Infrastructure.Routing;

namespace StalkingProtection.Web.Pages.Workspace.Cases.ChooseVictimUpdates;

/// <summary>R41: the victim's choices checked, then saved with one call; the service refuses a channel their contact details do not hold.</summary>
public class CheckAnswersModel(StalkingProtectionDbContext db, VictimUpdateService updates) : CaseCheckPageModel<ChooseVictimUpdatesState>(db)
{
    [BindProperty(SupportsGet = true)]
    public Guid VictimId { get; set; }

    public string VictimName { get; private set; } = "";

    /// <summary>The choices as they are now saved, shown after a conflict (RL4).</summary>
    public VictimUpdatePreferences? Saved { get; private set; }

    public override string SaveButton => "Save update preferences";

    public override string ConflictRecord => "victim's update preferences";

    public override string QuestionUrl => CaseLinks.RecordJourney(IndexModel.Name, Id, VictimId);

    protected override string JourneyName => IndexModel.Name;

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await base.LoadAsync(ct) || await IndexModel.VictimNameAsync(Db, Id, VictimId, ct) is not { } name)
        {
            return false;
        }

        VictimName = name;
        Saved = await updates.PreferencesAsync(VictimId, ct);
        return true;
    }

    protected override async Task<IActionResult> SaveAsync(ChooseVictimUpdatesState answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var saved = await updates.SetPreferencesAsync(new SetVictimUpdatePreferencesOptions(VictimId, answers.DoNotContact, answers.Events, answers.Channel,
            new SafeTimeWindow(answers.Days, answers.SafeFrom, answers.SafeTo), answers.Version), Actor, ct);
        Flash.Set(TempData, saved.Explain());
        return Redirect(CaseLinks.VictimUpdates(Id, VictimId));
    }

    protected override void OnConflict(ChooseVictimUpdatesState answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        answers.Version = Saved?.Version;
    }
}
