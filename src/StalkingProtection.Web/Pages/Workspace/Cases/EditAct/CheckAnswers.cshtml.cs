using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Pages.Workspace.Cases.RecordAct;

namespace StalkingProtection.Web.Pages.Workspace.Cases.EditAct;

public class CheckAnswersModel(StalkingProtectionDbContext db, CaseService cases) : CaseCheckPageModel<EditActState>(db)
{
    [BindProperty(SupportsGet = true)]
    public Guid ActId { get; set; }

    /// <summary>The act as it is now saved, shown after a conflict (RL4).</summary>
    public RecordActState Recorded { get; private set; } = null!;

    public override string SaveButton => "Save changes";

    public override string QuestionUrl => CaseLinks.RecordJourney(IndexModel.Name, Id, ActId);

    protected override string JourneyName => IndexModel.Name;

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await base.LoadAsync(ct) || await Db.StalkingActs.AsNoTracking().SingleOrDefaultAsync(a => a.Id == ActId && a.CaseId == Id, ct) is not { } act)
        {
            return false;
        }

        Recorded = EditActForms.StateOf(act);
        return true;
    }

    protected override async Task<IActionResult> SaveAsync(EditActState answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var s = answers.Act;
        var amended = await cases.AmendActAsync(new AmendActOptions(Id, ActId, LondonTime.StartOfDayUtc(s.OccurredFrom), s.OccurredTo is { } to ? LondonTime.StartOfDayUtc(to) : null,
            s.LocationCountry, s.Location, ActCategoryChoices.Combine(s.Categories), s.OtherCategoryDescription, s.Channel, s.TargetVictimId, s.Description,
            answers.Reason, answers.Version), Actor, ct);
        return BackToCase(amended.Explain());
    }

    protected override void OnConflict(EditActState answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        answers.Version = Case.Version;
    }
}
